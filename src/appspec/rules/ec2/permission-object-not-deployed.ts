import type { AppSpecRule } from '../types.js';
import { fileEntries, permissionEntries, trimmedText, trimTrailingSlash, validOs, valueTarget } from './util.js';

/** `path` and every directory above it (`/a/b` → `/a/b`, `/a`, `/`). */
function selfAndAncestors(path: string): string[] {
  const out = [path];
  let p = path;
  while (p.length > 1) {
    const cut = p.lastIndexOf('/');
    p = cut <= 0 ? '/' : p.slice(0, cut);
    out.push(p);
  }
  return out;
}

/** `ec2/permission-object-not-deployed`: `object` is not a `files` destination, inside one, or a parent of one. */
export const permissionObjectNotDeployed: AppSpecRule = {
  meta: {
    id: 'ec2/permission-object-not-deployed',
    defaultSeverity: 'warning',
    stage: 'install',
    platforms: ['server'],
    category: 'permissions',
    description: 'A permission whose `object` this deployment does not copy or create.',
    rationale:
      'Permissions apply only to paths that the deployment copies or creates; any other object is left untouched.',
    badExample:
      'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /var/www/app\npermissions:\n  - object: /etc/app\n    mode: "644"\n',
    goodExample:
      'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /var/www/app\npermissions:\n  - object: /var/www/app\n    mode: "755"\n',
  },
  check(ctx) {
    if (validOs(ctx) === 'windows') return;
    // Destinations, and every directory above one: linear in their length, so lookups stay O(depth).
    const destinations = new Set<string>();
    const aboveDestinations = new Set<string>();
    for (const f of fileEntries(ctx)) {
      const d = trimmedText(ctx, ctx.get(f.map, 'destination'));
      if (!d) continue;
      const dest = trimTrailingSlash(d);
      destinations.add(dest);
      for (const a of selfAndAncestors(dest)) aboveDestinations.add(a);
    }
    for (const p of permissionEntries(ctx)) {
      const entry = ctx.get(p.map, 'object');
      const text = trimmedText(ctx, entry);
      if (!entry || text === null || !text.startsWith('/') || ctx.isSuppressed(entry.value)) continue;
      const object = trimTrailingSlash(text);
      if (aboveDestinations.has(object) || selfAndAncestors(object).some((a) => destinations.has(a))) continue;
      ctx.report({
        node: valueTarget(entry),
        message:
          destinations.size === 0
            ? `\`object\` ${JSON.stringify(text)} is not deployed: there is no \`files\` section, and permissions apply only to paths this deployment copies or creates.`
            : `\`object\` ${JSON.stringify(text)} is not a \`files\` destination, inside one, or a parent of one; permissions apply only to paths this deployment copies or creates.`,
        help: 'Point `object` at a deployed path, or set these permissions from a hook script.',
      });
    }
  },
};

import type { AppSpecRule } from '../types.js';
import { permissionEntries, trimmedText, validOs, valueTarget } from './util.js';

/** `ec2/permission-object-relative`: `object` is not an absolute path. */
export const permissionObjectRelative: AppSpecRule = {
  meta: {
    id: 'ec2/permission-object-relative',
    defaultSeverity: 'warning',
    stage: 'install',
    platforms: ['server'],
    category: 'permissions',
    description: '`object` is not an absolute path.',
    rationale: 'The agent compares objects with the absolute paths it copied; a relative object matches nothing.',
    badExample: 'version: 0.0\nos: linux\npermissions:\n  - object: app\n    mode: "755"\n',
    goodExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /var/www/app\n    mode: "755"\n',
  },
  check(ctx) {
    if (validOs(ctx) === 'windows') return;
    for (const p of permissionEntries(ctx)) {
      const entry = ctx.get(p.map, 'object');
      const text = trimmedText(ctx, entry);
      if (!entry || !text || text.startsWith('/') || ctx.isSuppressed(entry.value)) continue;
      ctx.report({
        node: valueTarget(entry),
        message: `\`object\` ${JSON.stringify(text)} is not absolute; the agent matches it against no deployed path.`,
        help: 'Use the absolute path on the instance (a `files` destination or a path inside it).',
        suggestions: [`/${text.replace(/^\.?\/*/, '')}`],
      });
    }
  },
};

import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { lastSegment } from './text-checks.js';
import {
  bundleFileSet,
  exceptItems,
  fileEntries,
  permissionEntries,
  permissionPattern,
  permissionTypes,
  sourceIsFile,
  trimmedText,
  trimTrailingSlash,
  valueTarget,
} from './util.js';

/** `ec2/permission-pattern-on-file`: `pattern`/`except` on an entry whose `type` includes `file` and whose object is a copied file (2.x: any object). */
export const permissionPatternOnFile: AppSpecRule = {
  meta: {
    id: 'ec2/permission-pattern-on-file',
    defaultSeverity: 'warning',
    severity2x: 'error',
    stage: 'install',
    order: RULE_ORDER.permissions,
    platforms: ['server'],
    category: 'permissions',
    description:
      '`pattern` other than `**` or a non-empty `except` while `type` includes `file` and `object` is a file.',
    rationale:
      'When the object is itself a copied file, agent 1.x applies the permission to it directly and fails at Install unless pattern is `**` and except is empty. Agent 2.x refuses pattern/except with type file at parse time.',
    badExample:
      'version: 0.0\nos: linux\nfiles:\n  - source: app.conf\n    destination: /etc/app\npermissions:\n  - object: /etc/app/app.conf\n    pattern: "*.conf"\n',
    goodExample:
      'version: 0.0\nos: linux\nfiles:\n  - source: app.conf\n    destination: /etc/app\npermissions:\n  - object: /etc/app\n    pattern: "*.conf"\n    type: [file]\n',
  },
  check(ctx) {
    const bundle = bundleFileSet(ctx);
    const copiedFiles = new Set<string>();
    for (const f of fileEntries(ctx)) {
      const source = trimmedText(ctx, ctx.get(f.map, 'source'));
      const dest = trimmedText(ctx, ctx.get(f.map, 'destination'));
      if (!source || !dest || !sourceIsFile(source, bundle)) continue;
      copiedFiles.add(`${trimTrailingSlash(dest).replace(/\/$/, '')}/${lastSegment(source)}`);
    }
    for (const p of permissionEntries(ctx)) {
      const types = permissionTypes(ctx, p.map);
      if (!types?.includes('file')) continue;
      const pattern = permissionPattern(ctx, p.map);
      const except = exceptItems(ctx, p.map);
      if (pattern === '**' && except.length === 0) continue;
      const objectEntry = ctx.get(p.map, 'object');
      const object = trimmedText(ctx, objectEntry);
      if (!objectEntry || !object || ctx.isSuppressed(objectEntry.value)) continue;
      const isFile = copiedFiles.has(trimTrailingSlash(object));
      if (ctx.agent !== '2.x' && !isFile) continue;
      const patternEntry = ctx.get(p.map, 'pattern');
      const target =
        pattern !== '**' && patternEntry ? valueTarget(patternEntry) : (ctx.get(p.map, 'except')?.keyNode ?? null);
      ctx.report({
        node: target ?? valueTarget(objectEntry),
        message: isFile
          ? `\`object\` ${JSON.stringify(object)} is a copied file and \`type\` includes \`file\`, so \`pattern\`/\`except\` cannot apply; the agent fails at Install.`
          : `\`pattern\`/\`except\` with \`type\` including \`file\` (the default): agent 2.x rejects this at parse time.`,
        help: isFile
          ? 'Target the containing directory as `object`, or drop `pattern` and `except`.'
          : 'Use `type: [directory]`, or target the containing directory with `pattern: "**"`.',
      });
    }
  },
};

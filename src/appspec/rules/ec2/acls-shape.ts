import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { aclItems, isNullEntry, permissionEntries, valueTarget } from './util.js';

/** `ec2/acls-shape`: `acls` is not a list, or an entry is not a string. */
export const aclsShape: AppSpecRule = {
  meta: {
    id: 'ec2/acls-shape',
    defaultSeverity: 'error',
    severity2x: 'error',
    platforms: ['server'],
    order: RULE_ORDER.permissions,
    category: 'permissions',
    description: '`acls` is not a list of strings.',
    rationale:
      'The agent iterates `acls` and splits each entry as text; a plain string or a non-text entry makes it fail internally.',
    badExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    acls: "u:bob:rwx"\n',
    goodExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    acls: ["u:bob:rwx"]\n',
  },
  check(ctx) {
    for (const p of permissionEntries(ctx)) {
      const entry = ctx.get(p.map, 'acls');
      if (!entry || isNullEntry(ctx, entry) || ctx.isSuppressed(entry.value)) continue;
      if (!ctx.asSeq(entry.value)) {
        const v = ctx.scalar(entry.value);
        const word = v?.kind === 'string' ? v.text : null;
        ctx.report({
          node: valueTarget(entry),
          message: `\`acls\` is ${ctx.describe(entry.value)} instead of a list; the CodeDeploy agent fails on this.`,
          help: word !== null ? `Write \`acls: [${JSON.stringify(word)}]\`.` : 'Write `acls: ["u:name:rwx", …]`.',
          ...(word !== null ? { suggestions: [`[${JSON.stringify(word)}]`] } : {}),
        });
        continue;
      }
      for (const item of aclItems(ctx, p.map)) {
        if (ctx.isSuppressed(item)) continue;
        const v = ctx.scalar(item);
        if (v?.kind === 'string') continue;
        ctx.report({
          node: item,
          message: `An \`acls\` entry is ${ctx.describe(item)}${v && v.kind !== 'null' ? ` (${v.source})` : ''}, not a string; the CodeDeploy agent fails on this.`,
          help: 'Quote the entry: `"u:name:rwx"`.',
        });
      }
    }
  },
};

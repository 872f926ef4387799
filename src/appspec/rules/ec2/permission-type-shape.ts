import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { isNullEntry, permissionEntries, valueTarget } from './util.js';

/** `ec2/permission-type-shape`: `type` is a string (`type: file`), a mapping or another scalar instead of a list. */
export const permissionTypeShape: AppSpecRule = {
  meta: {
    id: 'ec2/permission-type-shape',
    defaultSeverity: 'error',
    severity2x: 'error',
    platforms: ['server'],
    order: RULE_ORDER.permissions,
    category: 'permissions',
    description: '`type` is not a list.',
    rationale:
      'The agent iterates `type` as a list: a plain string makes it fail internally, a mapping is rejected as an unsupported type.',
    badExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    type: file\n',
    goodExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    type: [file]\n',
  },
  check(ctx) {
    for (const p of permissionEntries(ctx)) {
      const entry = ctx.get(p.map, 'type');
      if (!entry || isNullEntry(ctx, entry) || ctx.isSuppressed(entry.value) || ctx.asSeq(entry.value)) continue;
      const v = ctx.scalar(entry.value);
      const word = v?.kind === 'string' ? v.text.trim() : null;
      ctx.report({
        node: valueTarget(entry),
        message: `\`type\` is ${ctx.describe(entry.value)} instead of a list; the CodeDeploy agent ${ctx.asMap(entry.value) ? 'rejects it as an unsupported type' : 'fails on this'}.`,
        help: word ? `Write \`type: [${word}]\`.` : 'Write `type: [file]`, `type: [directory]` or both.',
        ...(word ? { suggestions: [`[${word}]`] } : {}),
      });
    }
  },
};

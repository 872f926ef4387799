import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { isNullEntry, permissionEntries, valueRange } from './util.js';

/** `ec2/permission-object-missing`: a permission without `object`, or with a null, empty or blank one. */
export const permissionObjectMissing: AppSpecRule = {
  meta: {
    id: 'ec2/permission-object-missing',
    defaultSeverity: 'error',
    platforms: ['server'],
    order: RULE_ORDER.permissions,
    category: 'permissions',
    description: 'A `permissions` entry has no `object`, or it is empty.',
    rationale: 'The agent rejects a permission entry without an object path.',
    badExample: 'version: 0.0\nos: linux\npermissions:\n  - object: ""\n    mode: "755"\n',
    goodExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    mode: "755"\n',
  },
  check(ctx) {
    for (const p of permissionEntries(ctx)) {
      const entry = ctx.get(p.map, 'object');
      if (entry && ctx.isSuppressed(entry.value)) continue;
      if (!entry || isNullEntry(ctx, entry)) {
        ctx.report({
          range: entry ? ctx.keyRange(entry) : ctx.itemRange(p.item),
          message: entry
            ? 'A `permissions` entry has an empty `object`; the CodeDeploy agent rejects the AppSpec.'
            : 'A `permissions` entry has no `object`; the CodeDeploy agent rejects the AppSpec.',
          help: 'Add `object:` with the absolute path of a deployed file or directory.',
        });
        continue;
      }
      const v = ctx.scalar(entry.value);
      if (v === null || v.text.trim() !== '') continue;
      ctx.report({
        range: valueRange(ctx, entry),
        message: `\`object\` is ${v.text === '' ? 'empty' : 'blank'}; the CodeDeploy agent rejects the AppSpec.`,
        help: 'Give the absolute path of a deployed file or directory.',
      });
    }
  },
};

import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { rootMap, valueTarget } from './util.js';

/** `ec2/permissions-shape`: `permissions` is a mapping or a scalar other than null/false instead of a list. */
export const permissionsShape: AppSpecRule = {
  meta: {
    id: 'ec2/permissions-shape',
    defaultSeverity: 'error',
    severity2x: 'error',
    platforms: ['server'],
    order: RULE_ORDER.permissions,
    category: 'permissions',
    description: '`permissions` is not a list of entries.',
    rationale:
      'The agent fails with an internal error when `permissions` is a single mapping or a scalar; an empty `{}` is ignored.',
    badExample: 'version: 0.0\nos: linux\npermissions:\n  object: /app\n  mode: "755"\n',
    goodExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    mode: "755"\n',
  },
  check(ctx) {
    const root = rootMap(ctx);
    const entry = root ? ctx.get(root, 'permissions') : undefined;
    if (!entry || ctx.isSuppressed(entry.value) || ctx.asSeq(entry.value)) return;
    const map = ctx.asMap(entry.value);
    if (!map) {
      const v = ctx.scalar(entry.value);
      if (!v || v.kind === 'null' || (v.kind === 'bool' && v.value === false)) return;
    }
    const empty = map !== null && map.items.length === 0;
    ctx.report({
      node: valueTarget(entry),
      ...(empty ? { severity: 'warning' as const } : {}),
      message: empty
        ? '`permissions` is an empty mapping; the CodeDeploy agent ignores it.'
        : `\`permissions\` is ${ctx.describe(entry.value)} instead of a list; the CodeDeploy agent fails on this.`,
      help: 'Write `permissions:` as a list of `- object: …` entries.',
    });
  },
};

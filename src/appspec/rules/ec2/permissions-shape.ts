import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { reportListSectionShape } from './util.js';

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
    reportListSectionShape(ctx, 'permissions', () => 'Write `permissions:` as a list of `- object: …` entries.');
  },
};

import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { reportAclProblems } from './util.js';

/** `ec2/acl-base-entry`: An `acls` entry without a user or group name (a base entry). */
export const aclBaseEntry: AppSpecRule = {
  meta: {
    id: 'ec2/acl-base-entry',
    defaultSeverity: 'error',
    platforms: ['server'],
    order: RULE_ORDER.permissions,
    category: 'permissions',
    description: 'An `acls` entry without a user or group name (a base entry).',
    rationale: 'The agent refuses base entries such as `u::rwx` or `o::r` in acls; they belong in `mode`.',
    badExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    acls: ["u::rwx"]\n',
    goodExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    mode: "755"\n',
  },
  check(ctx) {
    reportAclProblems(ctx, 'ec2/acl-base-entry');
  },
};

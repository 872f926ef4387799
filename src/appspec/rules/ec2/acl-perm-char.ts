import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { reportAclProblems } from './util.js';

/** `ec2/acl-perm-char`: The permission part of an `acls` entry is neither one digit 0–7 nor made of r, w, x and -. */
export const aclPermChar: AppSpecRule = {
  meta: {
    id: 'ec2/acl-perm-char',
    defaultSeverity: 'error',
    platforms: ['server'],
    order: RULE_ORDER.permissions,
    category: 'permissions',
    description: 'The permission part of an `acls` entry is neither one digit 0–7 nor made of r, w, x and -.',
    rationale: 'The agent rejects any other permission character.',
    badExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    acls: ["u:bob:rwz"]\n',
    goodExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    acls: ["u:bob:rwx"]\n',
  },
  check(ctx) {
    reportAclProblems(ctx, 'ec2/acl-perm-char');
  },
};

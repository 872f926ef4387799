import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { reportAclProblems } from './util.js';

/** `ec2/acl-entry`: An `acls` entry is not of the form `[d:][u|g|m|o:]name:perms`. */
export const aclEntry: AppSpecRule = {
  meta: {
    id: 'ec2/acl-entry',
    defaultSeverity: 'error',
    platforms: ['server'],
    order: RULE_ORDER.permissions,
    category: 'permissions',
    description: 'An `acls` entry is not of the form `[d:][u|g|m|o:]name:perms`.',
    rationale:
      'The agent splits each entry on `:` and rejects entries with 1 or more than 4 parts, an unknown type word, `default` twice, or a name on a mask or other entry.',
    badExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    acls: ["rwx"]\n',
    goodExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    acls: ["u:bob:rwx"]\n',
  },
  check(ctx) {
    reportAclProblems(ctx, 'ec2/acl-entry');
  },
};

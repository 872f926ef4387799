import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { checkAclEntry, isAclProblem } from './text-checks.js';
import { aclItems, permissionEntries } from './util.js';

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
    for (const p of permissionEntries(ctx)) {
      for (const item of aclItems(ctx, p.map)) {
        const v = ctx.scalar(item);
        if (v?.kind !== 'string' || ctx.isSuppressed(item)) continue;
        const result = checkAclEntry(v.text);
        if (!isAclProblem(result) || result.ruleId !== 'ec2/acl-base-entry') continue;
        ctx.report({
          node: item,
          message: `${result.message} The CodeDeploy agent rejects the AppSpec.`,
          help: 'Write entries like `u:name:rwx`, `g:name:r-x`, `d:u:name:rwx` or `m::rw`; set base permissions with `mode`.',
        });
      }
    }
  },
};

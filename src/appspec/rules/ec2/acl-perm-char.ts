import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { checkAclEntry, isAclProblem } from './text-checks.js';
import { aclItems, permissionEntries } from './util.js';

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
    for (const p of permissionEntries(ctx)) {
      for (const item of aclItems(ctx, p.map)) {
        const v = ctx.scalar(item);
        if (v?.kind !== 'string' || ctx.isSuppressed(item)) continue;
        const result = checkAclEntry(v.text);
        if (!isAclProblem(result) || result.ruleId !== 'ec2/acl-perm-char') continue;
        ctx.report({
          node: item,
          message: `${result.message} The CodeDeploy agent rejects the AppSpec.`,
          help: 'Write entries like `u:name:rwx`, `g:name:r-x`, `d:u:name:rwx` or `m::rw`; set base permissions with `mode`.',
        });
      }
    }
  },
};

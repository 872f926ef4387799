import type { AppSpecRule } from '../types.js';
import { checkAclEntry, isAclProblem } from './text-checks.js';
import { aclItems, permissionEntries, permissionTypes } from './util.js';

/** `ec2/permission-default-acl-on-file`: a default ACL entry (`d:`) while `type` includes `file`. */
export const permissionDefaultAclOnFile: AppSpecRule = {
  meta: {
    id: 'ec2/permission-default-acl-on-file',
    defaultSeverity: 'warning',
    stage: 'install',
    platforms: ['server'],
    category: 'permissions',
    description: 'A default ACL entry on a permission that also applies to files.',
    rationale:
      'Default ACLs exist only for directories: the agent fails at Install as soon as it applies the entry to a copied file.',
    badExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    acls: ["d:u:bob:rwx"]\n',
    goodExample:
      'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    acls: ["d:u:bob:rwx"]\n    type: [directory]\n',
  },
  check(ctx) {
    for (const p of permissionEntries(ctx)) {
      const types = permissionTypes(ctx, p.map);
      if (!types?.includes('file')) continue;
      for (const item of aclItems(ctx, p.map)) {
        const v = ctx.scalar(item);
        if (v?.kind !== 'string' || ctx.isSuppressed(item)) continue;
        const result = checkAclEntry(v.text);
        if (isAclProblem(result) || !result.isDefault) continue;
        ctx.report({
          node: item,
          message: `${JSON.stringify(v.text)} is a default ACL entry, but \`type\` includes \`file\`${ctx.get(p.map, 'type') ? '' : ' (the default)'}; the agent fails at Install when it applies it to a copied file.`,
          help: 'Add `type: [directory]` to this entry, or move the default ACL to a separate directory-only entry.',
        });
      }
    }
  },
};

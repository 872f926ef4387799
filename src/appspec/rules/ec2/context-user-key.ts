import type { AppSpecRule } from '../types.js';
import { permissionEntries } from './util.js';

/** `ec2/context-user-key`: `context.user` (as documented) without `context.name` (what the agent reads). */
export const contextUserKey: AppSpecRule = {
  meta: {
    id: 'ec2/context-user-key',
    defaultSeverity: 'warning',
    platforms: ['server'],
    category: 'permissions',
    description: '`context.user` is set, but the agent reads the SELinux user from `context.name`.',
    rationale:
      'The User Guide documents `user`, but the agent ignores it and reads `name`, so the SELinux user is never set.',
    badExample:
      'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    context:\n      user: system_u\n      type: httpd_sys_content_t\n',
    goodExample:
      'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    context:\n      name: system_u\n      type: httpd_sys_content_t\n',
  },
  check(ctx) {
    for (const p of permissionEntries(ctx)) {
      const entry = ctx.get(p.map, 'context');
      if (!entry || ctx.isSuppressed(entry.value)) continue;
      const map = ctx.asMap(entry.value);
      if (!map) continue;
      const user = ctx.get(map, 'user');
      if (!user || ctx.get(map, 'name')) continue;
      ctx.report({
        range: ctx.keyRange(user),
        message: '`context.user` is ignored: the CodeDeploy agent reads the SELinux user from `context.name`.',
        help: 'Rename `user` to `name`.',
        suggestions: ['name'],
      });
    }
  },
};

import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { isNullEntry, permissionEntries, valueTarget } from './util.js';

/** `ec2/context-type-missing`: `context` without `type`, or `context` is a string or list. */
export const contextTypeMissing: AppSpecRule = {
  meta: {
    id: 'ec2/context-type-missing',
    defaultSeverity: 'error',
    platforms: ['server'],
    order: RULE_ORDER.permissions,
    category: 'permissions',
    description: 'A permission `context` without an SELinux `type`.',
    rationale:
      'The agent requires `context.type`; a context given as a plain string has none and is rejected, and a list makes it fail internally.',
    badExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    context: httpd_sys_content_t\n',
    goodExample:
      'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    context:\n      type: httpd_sys_content_t\n',
  },
  check(ctx) {
    for (const p of permissionEntries(ctx)) {
      const entry = ctx.get(p.map, 'context');
      if (!entry || isNullEntry(ctx, entry) || ctx.isSuppressed(entry.value)) continue;
      const map = ctx.asMap(entry.value);
      if (!map) {
        const v = ctx.scalar(entry.value);
        const word = v?.kind === 'string' ? v.text.trim() : null;
        ctx.report({
          node: valueTarget(entry),
          message: `\`context\` is ${ctx.describe(entry.value)} instead of a mapping with \`type\`; the CodeDeploy agent ${ctx.asSeq(entry.value) ? 'fails on this' : 'rejects the AppSpec'}.`,
          help: word
            ? `Write \`context:\` with \`type: ${word}\` indented below it.`
            : 'Write `context:` with `type: <selinux type>` below it.',
        });
        ctx.suppress(entry.value);
        continue;
      }
      const type = ctx.get(map, 'type');
      if (type && !isNullEntry(ctx, type)) continue;
      ctx.report({
        range: ctx.keyRange(type ?? entry),
        message: type
          ? '`context.type` is empty; the CodeDeploy agent rejects the AppSpec.'
          : '`context` has no `type`; the CodeDeploy agent rejects the AppSpec.',
        help: 'Add the SELinux type, e.g. `type: httpd_sys_content_t`.',
      });
    }
  },
};

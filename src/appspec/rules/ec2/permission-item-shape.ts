import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { permissionsSection } from './util.js';

/** `ec2/permission-item-shape`: a `permissions` item is a string, null or list instead of a mapping. */
export const permissionItemShape: AppSpecRule = {
  meta: {
    id: 'ec2/permission-item-shape',
    defaultSeverity: 'error',
    severity2x: 'error',
    platforms: ['server'],
    order: RULE_ORDER.permissions,
    category: 'permissions',
    description: 'A `permissions` item is not a mapping with `object`.',
    rationale: 'The agent looks up `object` in each item and fails internally on strings, empty items and lists.',
    badExample: 'version: 0.0\nos: linux\npermissions:\n  - /app\n',
    goodExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n',
  },
  check(ctx) {
    const section = permissionsSection(ctx);
    if (!section) return;
    for (const item of section.items) {
      if (ctx.isSuppressed(item) || ctx.asMap(item)) continue;
      ctx.report({
        range: ctx.itemRange(item),
        node: item,
        message: `A \`permissions\` item is ${ctx.describe(item)} instead of a mapping with \`object\`; the CodeDeploy agent fails on this.`,
        help: 'Write `- object: <absolute path>` with the other settings below it.',
      });
    }
  },
};

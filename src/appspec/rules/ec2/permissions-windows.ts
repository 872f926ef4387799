import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { permissionsSection, validOs } from './util.js';

/** `ec2/permissions-windows`: a `permissions` entry in an AppSpec with `os: windows`. */
export const permissionsWindows: AppSpecRule = {
  meta: {
    id: 'ec2/permissions-windows',
    defaultSeverity: 'error',
    severity2x: 'error',
    platforms: ['server'],
    order: RULE_ORDER.permissions,
    category: 'permissions',
    description: '`permissions` entries in a Windows AppSpec.',
    rationale: 'Permissions are supported only on Linux; the agent rejects any permission entry when `os: windows`.',
    badExample: 'version: 0.0\nos: windows\npermissions:\n  - object: C:\\app\n',
    goodExample: 'version: 0.0\nos: windows\nfiles:\n  - source: /\n    destination: C:\\app\n',
  },
  check(ctx) {
    if (validOs(ctx) !== 'windows') return;
    const section = permissionsSection(ctx);
    if (!section || section.items.length === 0) return;
    ctx.report({
      range: ctx.keyRange(section.entry),
      message: `\`permissions\` has ${section.items.length} entr${section.items.length === 1 ? 'y' : 'ies'}, but \`os: windows\`: the CodeDeploy agent supports permissions only on Linux and rejects the AppSpec.`,
      help: 'Remove the `permissions` section; set Windows ACLs from a script instead.',
    });
  },
};

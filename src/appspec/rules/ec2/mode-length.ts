import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { readMode } from './mode-analysis.js';
import { padMode } from './text-checks.js';
import { isNullEntry, permissionEntries, valueTarget } from './util.js';

/** `ec2/mode-length`: the mode text is longer than 4 characters after padding (`12345`, `0o755`, `"00644"`). */
export const modeLength: AppSpecRule = {
  meta: {
    id: 'ec2/mode-length',
    defaultSeverity: 'error',
    platforms: ['server'],
    order: RULE_ORDER.permissions,
    category: 'permissions',
    description: '`mode` is longer than 4 characters.',
    rationale: 'The agent accepts modes of 1 to 4 octal digits (padded to 3) and rejects longer ones.',
    badExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    mode: "00644"\n',
    goodExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    mode: "0644"\n',
  },
  check(ctx) {
    for (const p of permissionEntries(ctx)) {
      const entry = ctx.get(p.map, 'mode');
      if (!entry || isNullEntry(ctx, entry) || ctx.isSuppressed(entry.value)) continue;
      const v = ctx.scalar(entry.value);
      const reading = v ? readMode(v, ctx.agent) : { text: padMode(ctx.describe(entry.value)), octalFrom: null };
      if (reading.octalFrom || reading.text.length <= 4) continue;
      ctx.report({
        node: valueTarget(entry),
        message: `\`mode\` is read as ${JSON.stringify(reading.text)} (${reading.text.length} characters); the CodeDeploy agent accepts 1 to 4 octal digits and rejects the AppSpec.`,
        help: 'Write 3 or 4 octal digits, e.g. `mode: "0644"` or `mode: 644`.',
      });
    }
  },
};

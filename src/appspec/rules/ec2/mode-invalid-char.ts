import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { readMode } from './mode-analysis.js';
import { isNullEntry, permissionEntries, valueTarget } from './util.js';

/** `ec2/mode-invalid-char`: the mode text has a character other than 0–7 (`u+x`, `rwxr-xr-x`, `6.44`). */
export const modeInvalidChar: AppSpecRule = {
  meta: {
    id: 'ec2/mode-invalid-char',
    defaultSeverity: 'error',
    platforms: ['server'],
    order: RULE_ORDER.permissions,
    category: 'permissions',
    description: '`mode` contains a character other than the octal digits 0–7.',
    rationale: 'Symbolic modes are not supported: the agent rejects any character other than 0–7.',
    badExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    mode: u+x\n',
    goodExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    mode: "755"\n',
  },
  check(ctx) {
    for (const p of permissionEntries(ctx)) {
      const entry = ctx.get(p.map, 'mode');
      if (!entry || isNullEntry(ctx, entry) || ctx.isSuppressed(entry.value)) continue;
      const v = ctx.scalar(entry.value);
      if (!v) {
        ctx.report({
          node: valueTarget(entry),
          message: `\`mode\` is ${ctx.describe(entry.value)}, not octal digits; the CodeDeploy agent rejects the AppSpec.`,
          help: 'Write 3 or 4 octal digits, e.g. `mode: "644"`.',
        });
        continue;
      }
      const reading = readMode(v, ctx.agent);
      if (reading.octalFrom || reading.text.length > 4) continue;
      const bad = Array.from(reading.text).find((c) => c < '0' || c > '7');
      if (bad === undefined) continue;
      ctx.report({
        node: valueTarget(entry),
        message: `\`mode\` is read as ${JSON.stringify(reading.text)}, which contains ${JSON.stringify(bad)}; the CodeDeploy agent accepts only the octal digits 0-7 and rejects the AppSpec.`,
        help: 'Write a numeric mode such as `mode: "755"`; symbolic modes are not supported.',
      });
    }
  },
};

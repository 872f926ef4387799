import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { selinuxRangeProblem } from './text-checks.js';
import { isNullEntry, permissionEntries, valueTarget } from './util.js';

/** `ec2/context-range`: `context.range` is not a valid SELinux range `sN[-sN][:cN[.cN](,cN[.cN])*]`. */
export const contextRange: AppSpecRule = {
  meta: {
    id: 'ec2/context-range',
    defaultSeverity: 'error',
    platforms: ['server'],
    order: RULE_ORDER.permissions,
    category: 'permissions',
    description: '`context.range` is not a valid SELinux MLS range.',
    rationale:
      'The agent parses the range itself and rejects bad sensitivities, a high level below the low one, categories above c1023, reversed category ranges and duplicates.',
    badExample:
      'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    context:\n      type: t\n      range: s2-s1\n',
    goodExample:
      'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    context:\n      type: t\n      range: s0-s3:c0.c7,c13\n',
  },
  check(ctx) {
    for (const p of permissionEntries(ctx)) {
      const entry = ctx.get(p.map, 'context');
      if (!entry || ctx.isSuppressed(entry.value)) continue;
      const map = ctx.asMap(entry.value);
      const range = map ? ctx.get(map, 'range') : undefined;
      if (!range || isNullEntry(ctx, range) || ctx.isSuppressed(range.value)) continue;
      const v = ctx.scalar(range.value);
      const problem =
        v?.kind === 'string' ? selinuxRangeProblem(v.text) : `it is ${ctx.describe(range.value)}, not text`;
      if (!problem) continue;
      ctx.report({
        node: valueTarget(range),
        message:
          `\`context.range\` ${v ? JSON.stringify(v.text) : ''} is invalid: ${problem}; the CodeDeploy agent rejects the AppSpec.`.replace(
            '  ',
            ' ',
          ),
        help: 'Write a range like `s0`, `s0-s3` or `s0-s3:c0.c7,c13`.',
      });
    }
  },
};

import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { effectiveTimeout, scriptEntries, valueTarget } from './util.js';

/** `ec2/timeout-shape`: `timeout` is `true`, a list, a mapping, a symbol or ±infinity/NaN. */
export const timeoutShape: AppSpecRule = {
  meta: {
    id: 'ec2/timeout-shape',
    defaultSeverity: 'error',
    severity2x: 'error',
    platforms: ['server'],
    order: RULE_ORDER.hooks,
    category: 'hooks',
    description: '`timeout` cannot be converted to a number of seconds.',
    rationale:
      'The agent converts the timeout with `to_i`, which fails internally for `true` (`yes`, `on`), collections and infinite values.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: yes\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 300\n',
  },
  check(ctx) {
    for (const s of scriptEntries(ctx)) {
      const entry = ctx.get(s.map, 'timeout');
      if (!entry || entry.value === null || ctx.isSuppressed(entry.value)) continue;
      const v = ctx.scalar(entry.value);
      if (v && (v.kind === 'date' || v.kind === 'timestamp')) continue; // refused at load (yaml/timestamp)
      if (v && effectiveTimeout(v) !== null) continue;
      const what = v ? (v.kind === 'bool' ? `the boolean ${v.text}` : v.source) : ctx.describe(entry.value);
      ctx.report({
        node: valueTarget(entry),
        message: `\`timeout\` is ${what}, which the CodeDeploy agent cannot convert to seconds; it fails with an internal error.`,
        help: 'Write the timeout as an integer number of seconds, e.g. `timeout: 300`.',
      });
    }
  },
};

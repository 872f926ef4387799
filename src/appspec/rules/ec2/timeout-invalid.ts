import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { effectiveTimeout, scriptEntries, valueTarget } from './util.js';

/** `ec2/timeout-invalid`: the timeout converts to an integer ≤ 0 (`0`, `-5`, `0.5`, `"abc"`, `""`). */
export const timeoutInvalid: AppSpecRule = {
  meta: {
    id: 'ec2/timeout-invalid',
    defaultSeverity: 'error',
    severity2x: 'error',
    platforms: ['server'],
    order: RULE_ORDER.hooks,
    category: 'hooks',
    description: '`timeout` is not at least one second after the agent converts it to an integer.',
    rationale:
      'The agent truncates the timeout to an integer (text: its leading digits) and rejects values of 0 or less.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 0.5\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 30\n',
  },
  check(ctx) {
    for (const s of scriptEntries(ctx)) {
      const entry = ctx.get(s.map, 'timeout');
      if (!entry || ctx.isSuppressed(entry.value)) continue;
      const v = ctx.scalar(entry.value);
      const seconds = effectiveTimeout(v);
      if (!v || seconds === null || seconds >= 1) continue;
      ctx.report({
        node: valueTarget(entry),
        message: `\`timeout: ${v.source}\` becomes ${seconds} seconds for the CodeDeploy agent, which rejects timeouts below 1.`,
        help: 'Use an integer number of seconds from 1 to 3600.',
        data: { effectiveTimeout: seconds },
      });
    }
  },
};

import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { effectiveTimeout, scriptEntries, valueTarget } from './util.js';

/** `ec2/timeout-coerced`: a string, fractional or `false` timeout that the agent silently converts. */
export const timeoutCoerced: AppSpecRule = {
  meta: {
    id: 'ec2/timeout-coerced',
    defaultSeverity: 'warning',
    severity2x: 'error',
    platforms: ['server'],
    order: RULE_ORDER.hooks,
    category: 'hooks',
    description: '`timeout` is a string, a fraction or `false`, which agent 1.x converts silently.',
    rationale:
      'Agent 1.x keeps the leading integer of a text (`5m` is 5 seconds), truncates fractions and reads `false` as the 3600 s default; agent 2.x rejects strings and fractions.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 5m\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 300\n',
  },
  check(ctx) {
    for (const s of scriptEntries(ctx)) {
      const entry = ctx.get(s.map, 'timeout');
      if (!entry || ctx.isSuppressed(entry.value)) continue;
      const v = ctx.scalar(entry.value);
      const seconds = effectiveTimeout(v);
      if (!v || seconds === null || seconds < 1) continue;
      const coerced = v.kind === 'string' || v.kind === 'float' || (v.kind === 'bool' && v.value === false);
      if (!coerced) continue;
      const how =
        v.kind === 'string'
          ? 'is text; the agent keeps only its leading integer'
          : v.kind === 'float'
            ? 'is a fraction; the agent truncates it'
            : 'is false; the agent uses the default';
      ctx.report({
        node: valueTarget(entry),
        message: `\`timeout: ${v.source}\` ${how}: the effective timeout is ${seconds} second${seconds === 1 ? '' : 's'}.`,
        help: `Write \`timeout: ${seconds}\` (a plain integer of seconds).`,
        suggestions: [String(seconds)],
        data: { effectiveTimeout: seconds },
      });
    }
  },
};

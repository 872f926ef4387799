import type { AppSpecRule } from '../types.js';
import { effectiveTimeout, scriptEntries, valueTarget } from './util.js';

/** `ec2/timeout-too-long`: an explicit timeout above 3600 seconds. */
export const timeoutTooLong: AppSpecRule = {
  meta: {
    id: 'ec2/timeout-too-long',
    defaultSeverity: 'warning',
    stage: 'run',
    platforms: ['server'],
    category: 'hooks',
    description: 'A script timeout above 3600 seconds.',
    rationale:
      'The agent accepts any timeout, but CodeDeploy fails every lifecycle event that runs longer than one hour.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 7200\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 3600\n',
  },
  check(ctx) {
    for (const s of scriptEntries(ctx)) {
      const entry = ctx.get(s.map, 'timeout');
      if (!entry || ctx.isSuppressed(entry.value)) continue;
      const v = ctx.scalar(entry.value);
      if (!v || v.kind === 'null' || v.kind === 'bool') continue;
      const seconds = effectiveTimeout(v);
      if (seconds === null || seconds <= 3600) continue;
      ctx.report({
        node: valueTarget(entry),
        message: `\`timeout\` is ${seconds} seconds, but CodeDeploy stops every lifecycle event after 3600 seconds.`,
        help: 'Use at most 3600 seconds, or split the work across events.',
        suggestions: ['3600'],
        data: { effectiveTimeout: seconds },
      });
    }
  },
};

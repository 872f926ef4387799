import type { AppSpecRule } from '../types.js';
import { effectiveTimeout, eventItems, hookEvents } from './util.js';

/** `ec2/event-timeout-sum`: the explicit timeouts of one event add up to more than 3600 seconds. */
export const eventTimeoutSum: AppSpecRule = {
  meta: {
    id: 'ec2/event-timeout-sum',
    defaultSeverity: 'warning',
    stage: 'run',
    platforms: ['server'],
    category: 'hooks',
    description: 'The scripts of one event may run longer than the one-hour event limit.',
    rationale:
      'Scripts of an event run one after another; CodeDeploy fails the event once it has run for 3600 seconds.',
    badExample:
      'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 2400\n    - location: b.sh\n      timeout: 2400\n',
    goodExample:
      'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 1800\n    - location: b.sh\n      timeout: 1800\n',
  },
  check(ctx) {
    for (const event of hookEvents(ctx)) {
      let sum = 0;
      for (const item of eventItems(ctx, event)) {
        const map = ctx.asMap(item);
        if (!map || ctx.isSuppressed(item)) continue;
        const entry = ctx.get(map, 'timeout');
        const v = entry ? ctx.scalar(entry.value) : null;
        if (!v || v.kind === 'null' || v.kind === 'bool') continue;
        const seconds = effectiveTimeout(v);
        if (seconds !== null && seconds > 0) sum += seconds;
      }
      if (sum <= 3600) continue;
      ctx.report({
        range: ctx.keyRange(event),
        message: `The timeouts of \`${event.key ?? event.keyText}\` add up to ${sum} seconds; CodeDeploy stops the event after 3600 seconds.`,
        help: 'Shorten the timeouts or move scripts to other events.',
        data: { totalTimeout: sum },
      });
    }
  },
};

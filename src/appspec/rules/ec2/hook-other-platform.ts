import type { AppSpecRule } from '../types.js';
import { classifyEvent, eventName } from './hook-names.js';
import { hookEvents } from './util.js';

/** `ec2/hook-other-platform`: an ECS-only event (`AfterAllowTestTraffic`, `AllowTestTraffic`, `TestTraffic`). */
export const hookOtherPlatform: AppSpecRule = {
  meta: {
    id: 'ec2/hook-other-platform',
    defaultSeverity: 'warning',
    platforms: ['server'],
    category: 'hooks',
    description: 'A hook event that exists only for Amazon ECS deployments.',
    rationale: 'EC2/On-Premises deployments have no test-traffic events; scripts listed there never run.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  AfterAllowTestTraffic:\n    - location: test.sh\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  ValidateService:\n    - location: test.sh\n',
  },
  check(ctx) {
    for (const event of hookEvents(ctx)) {
      if (classifyEvent(event.key) !== 'other-platform') continue;
      ctx.report({
        range: ctx.keyRange(event),
        message: `\`${eventName(event)}\` is an Amazon ECS event; EC2/On-Premises deployments never run it.`,
        help: 'Use ValidateService (or AfterAllowTraffic with a load balancer) for checks on EC2.',
        suggestions: ['ValidateService'],
      });
    }
  },
};

import { ecsDoc } from '../examples-ecs-lambda.js';
import { checkHookName } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ecs/hook-name`: a hook event that is not one of the five ECS lifecycle events. */
export const ecsHookName: AppSpecRule = {
  meta: {
    id: 'ecs/hook-name',
    defaultSeverity: 'error',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description:
      'A hook event is not one of BeforeInstall, AfterInstall, AfterAllowTestTraffic, BeforeAllowTraffic, AfterAllowTraffic.',
    rationale:
      'The ECS events are a closed set: reserved events (Install, AllowTraffic, …), EC2-only events and misspellings are rejected.',
    badExample: ecsDoc(undefined, 'Hooks:\n  - Install: ValidateFn\n'),
    goodExample: ecsDoc(undefined, 'Hooks:\n  - AfterInstall: ValidateFn\n'),
  },
  check(ctx) {
    checkHookName(ctx, 'ecs');
  },
};

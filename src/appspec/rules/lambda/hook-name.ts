import { lambdaDoc } from '../examples-ecs-lambda.js';
import { checkHookName } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `lambda/hook-name`: a hook event that is not BeforeAllowTraffic or AfterAllowTraffic. */
export const lambdaHookName: AppSpecRule = {
  meta: {
    id: 'lambda/hook-name',
    defaultSeverity: 'error',
    platforms: ['lambda'],
    order: RULE_ORDER.other,
    category: 'lambda',
    description:
      'A hook event is not BeforeAllowTraffic or AfterAllowTraffic (including the template key LifeCycleEvent).',
    rationale: 'Lambda deployments have exactly two hookable events; any other name is rejected.',
    badExample: lambdaDoc(undefined, 'Hooks:\n  - LifeCycleEvent: ValidateFn\n'),
    goodExample: lambdaDoc(undefined, 'Hooks:\n  - BeforeAllowTraffic: ValidateFn\n'),
  },
  check(ctx) {
    checkHookName(ctx, 'lambda');
  },
};

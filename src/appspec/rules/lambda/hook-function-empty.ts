import { lambdaDoc } from '../examples-ecs-lambda.js';
import { checkHookFunctionEmpty } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `lambda/hook-function-empty`: A hook names no function: its value is null, empty, blank or not a string. */
export const lambdaHookFunctionEmpty: AppSpecRule = {
  meta: {
    id: 'lambda/hook-function-empty',
    defaultSeverity: 'error',
    platforms: ['lambda'],
    order: RULE_ORDER.other,
    category: 'lambda',
    description: 'A hook names no function: its value is null, empty, blank or not a string.',
    rationale: 'Each hook runs one Lambda function; a hook without one is rejected.',
    badExample: lambdaDoc(undefined, 'Hooks:\n  - BeforeAllowTraffic:\n'),
    goodExample: lambdaDoc(undefined, 'Hooks:\n  - BeforeAllowTraffic: ValidateFn\n'),
  },
  check(ctx) {
    checkHookFunctionEmpty(ctx);
  },
};

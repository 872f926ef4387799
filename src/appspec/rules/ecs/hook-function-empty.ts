import { ecsDoc } from '../examples-ecs-lambda.js';
import { checkHookFunctionEmpty } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ecs/hook-function-empty`: A hook names no function: its value is null, empty, blank or not a string. */
export const ecsHookFunctionEmpty: AppSpecRule = {
  meta: {
    id: 'ecs/hook-function-empty',
    defaultSeverity: 'error',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description: 'A hook names no function: its value is null, empty, blank or not a string.',
    rationale: 'Each hook runs one Lambda function; a hook without one is rejected.',
    badExample: ecsDoc(undefined, 'Hooks:\n  - AfterInstall: ""\n'),
    goodExample: ecsDoc(undefined, 'Hooks:\n  - AfterInstall: ValidateFn\n'),
  },
  check(ctx) {
    checkHookFunctionEmpty(ctx);
  },
};

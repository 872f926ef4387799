import { lambdaDoc } from '../examples-ecs-lambda.js';
import { checkHookDuplicate } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `lambda/hook-duplicate`: The same lifecycle event is listed twice in `Hooks`. */
export const lambdaHookDuplicate: AppSpecRule = {
  meta: {
    id: 'lambda/hook-duplicate',
    defaultSeverity: 'warning',
    platforms: ['lambda'],
    order: RULE_ORDER.other,
    category: 'lambda',
    description: 'The same lifecycle event is listed twice in `Hooks`.',
    rationale: 'Each event runs one hook per deployment; which of the entries wins is not documented.',
    badExample: lambdaDoc(undefined, 'Hooks:\n  - AfterAllowTraffic: FnA\n  - AfterAllowTraffic: FnB\n'),
    goodExample: lambdaDoc(undefined, 'Hooks:\n  - AfterAllowTraffic: FnA\n'),
  },
  check(ctx) {
    checkHookDuplicate(ctx);
  },
};

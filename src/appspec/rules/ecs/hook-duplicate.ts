import { ecsDoc } from '../examples-ecs-lambda.js';
import { checkHookDuplicate } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ecs/hook-duplicate`: The same lifecycle event is listed twice in `Hooks`. */
export const ecsHookDuplicate: AppSpecRule = {
  meta: {
    id: 'ecs/hook-duplicate',
    defaultSeverity: 'warning',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description: 'The same lifecycle event is listed twice in `Hooks`.',
    rationale: 'Each event runs one hook per deployment; which of the entries wins is not documented.',
    badExample: ecsDoc(undefined, 'Hooks:\n  - AfterInstall: FnA\n  - AfterInstall: FnB\n'),
    goodExample: ecsDoc(undefined, 'Hooks:\n  - AfterInstall: FnA\n'),
  },
  check(ctx) {
    checkHookDuplicate(ctx);
  },
};

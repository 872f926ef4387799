import { lambdaDoc } from '../examples-ecs-lambda.js';
import { checkResourcesMissing } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `lambda/resources-missing`: The AppSpec has no `Resources` section, or it is empty. */
export const lambdaResourcesMissing: AppSpecRule = {
  meta: {
    id: 'lambda/resources-missing',
    defaultSeverity: 'error',
    platforms: ['lambda'],
    order: RULE_ORDER.other,
    category: 'lambda',
    description: 'The AppSpec has no `Resources` section, or it is empty.',
    rationale: '`Resources` names what is deployed; the service rejects an AppSpec without it.',
    badExample: 'version: 0.0\nHooks:\n  - BeforeAllowTraffic: ValidateFn\n',
    goodExample: lambdaDoc(),
  },
  check(ctx) {
    checkResourcesMissing(ctx, 'lambda');
  },
};

import { lambdaDoc } from '../examples-ecs-lambda.js';
import { checkUnknownKeys } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `lambda/unknown-key`: A key that is not documented at its level (including a lifecycle event written at the top level). */
export const lambdaUnknownKey: AppSpecRule = {
  meta: {
    id: 'lambda/unknown-key',
    defaultSeverity: 'warning',
    platforms: ['lambda'],
    order: RULE_ORDER.other,
    category: 'lambda',
    description: 'A key that is not documented at its level (including a lifecycle event written at the top level).',
    rationale: 'Undocumented keys are presumably ignored by the service, so a typo silently drops a setting.',
    badExample: lambdaDoc().replace('Alias:', 'Alais:'),
    goodExample: lambdaDoc(),
  },
  check(ctx) {
    checkUnknownKeys(ctx, 'lambda');
  },
};

import { ecsDoc } from '../examples-ecs-lambda.js';
import { checkResourcesMissing } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ecs/resources-missing`: The AppSpec has no `Resources` section, or it is empty. */
export const ecsResourcesMissing: AppSpecRule = {
  meta: {
    id: 'ecs/resources-missing',
    defaultSeverity: 'error',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description: 'The AppSpec has no `Resources` section, or it is empty.',
    rationale: '`Resources` names what is deployed; the service rejects an AppSpec without it.',
    badExample: 'version: 0.0\nHooks:\n  - BeforeInstall: ValidateFn\n',
    goodExample: ecsDoc(),
  },
  check(ctx) {
    checkResourcesMissing(ctx, 'ecs');
  },
};

import { ecsDoc } from '../examples-ecs-lambda.js';
import { checkUnknownKeys } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ecs/unknown-key`: A key that is not documented at its level (including a lifecycle event written at the top level). */
export const ecsUnknownKey: AppSpecRule = {
  meta: {
    id: 'ecs/unknown-key',
    defaultSeverity: 'warning',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description: 'A key that is not documented at its level (including a lifecycle event written at the top level).',
    rationale: 'Undocumented keys are presumably ignored by the service, so a typo silently drops a setting.',
    badExample: ecsDoc().replace('ContainerPort: 80', 'ContainerPrt: 80').concat('BeforeInstall: ValidateFn\n'),
    goodExample: ecsDoc(undefined, 'Hooks:\n  - BeforeInstall: ValidateFn\n'),
  },
  check(ctx) {
    checkUnknownKeys(ctx, 'ecs');
  },
};

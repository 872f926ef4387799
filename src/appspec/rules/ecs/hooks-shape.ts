import { ecsDoc } from '../examples-ecs-lambda.js';
import { checkHooksShape } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ecs/hooks-shape`: `Hooks` is not a list (for example the EC2 mapping style), or a hook is not a single `Event: function` pair. */
export const ecsHooksShape: AppSpecRule = {
  meta: {
    id: 'ecs/hooks-shape',
    defaultSeverity: 'error',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description:
      '`Hooks` is not a list (for example the EC2 mapping style), or a hook is not a single `Event: function` pair.',
    rationale: 'ECS and Lambda hooks are a list of single-key mappings; other shapes are rejected.',
    badExample: ecsDoc(undefined, 'Hooks:\n  BeforeInstall: ValidateFn\n'),
    goodExample: ecsDoc(undefined, 'Hooks:\n  - BeforeInstall: ValidateFn\n'),
  },
  check(ctx) {
    checkHooksShape(ctx, 'ecs');
  },
};

import { lambdaDoc } from '../examples-ecs-lambda.js';
import { checkHooksShape } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `lambda/hooks-shape`: `Hooks` is not a list (for example the EC2 mapping style), or a hook is not a single `Event: function` pair. */
export const lambdaHooksShape: AppSpecRule = {
  meta: {
    id: 'lambda/hooks-shape',
    defaultSeverity: 'error',
    platforms: ['lambda'],
    order: RULE_ORDER.other,
    category: 'lambda',
    description:
      '`Hooks` is not a list (for example the EC2 mapping style), or a hook is not a single `Event: function` pair.',
    rationale: 'ECS and Lambda hooks are a list of single-key mappings; other shapes are rejected.',
    badExample: lambdaDoc(undefined, 'Hooks:\n  BeforeAllowTraffic: ValidateFn\n'),
    goodExample: lambdaDoc(undefined, 'Hooks:\n  - BeforeAllowTraffic: ValidateFn\n'),
  },
  check(ctx) {
    checkHooksShape(ctx, 'lambda');
  },
};

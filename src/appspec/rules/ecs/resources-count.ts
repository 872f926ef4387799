import { ecsDoc } from '../examples-ecs-lambda.js';
import { checkResourcesCount } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ecs/resources-count`: `Resources` lists more than one resource. */
export const ecsResourcesCount: AppSpecRule = {
  meta: {
    id: 'ecs/resources-count',
    defaultSeverity: 'error',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description: '`Resources` lists more than one resource.',
    rationale: 'One AppSpec deploys one ECS service or shifts one Lambda alias.',
    badExample: ecsDoc().concat('  - OtherService:\n      Type: AWS::ECS::Service\n'),
    goodExample: ecsDoc(),
  },
  check(ctx) {
    checkResourcesCount(ctx, 'ecs');
  },
};

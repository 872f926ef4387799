import { ecsDoc } from '../examples-ecs-lambda.js';
import { checkResourceType } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ecs/resource-type`: The resource's `Type` is missing or is not the platform's resource type. */
export const ecsResourceType: AppSpecRule = {
  meta: {
    id: 'ecs/resource-type',
    defaultSeverity: 'error',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description: "The resource's `Type` is missing or is not the platform's resource type.",
    rationale: 'The service deploys only `AWS::ECS::Service` (ECS) or `AWS::Lambda::Function` (Lambda) resources.',
    badExample: ecsDoc().replace('AWS::ECS::Service', 'AWS::ECS::TaskDefinition'),
    goodExample: ecsDoc(),
  },
  check(ctx) {
    checkResourceType(ctx, 'ecs');
  },
};

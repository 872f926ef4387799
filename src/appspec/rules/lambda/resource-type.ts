import { lambdaDoc } from '../examples-ecs-lambda.js';
import { checkResourceType } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `lambda/resource-type`: The resource's `Type` is missing or is not the platform's resource type. */
export const lambdaResourceType: AppSpecRule = {
  meta: {
    id: 'lambda/resource-type',
    defaultSeverity: 'error',
    platforms: ['lambda'],
    order: RULE_ORDER.other,
    category: 'lambda',
    description: "The resource's `Type` is missing or is not the platform's resource type.",
    rationale: 'The service deploys only `AWS::ECS::Service` (ECS) or `AWS::Lambda::Function` (Lambda) resources.',
    badExample: lambdaDoc().replace('AWS::Lambda::Function', 'AWS::Serverless::Function'),
    goodExample: lambdaDoc(),
  },
  check(ctx) {
    checkResourceType(ctx, 'lambda');
  },
};

import { lambdaDoc } from '../examples-ecs-lambda.js';
import { checkResourcesCount } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `lambda/resources-count`: `Resources` lists more than one resource. */
export const lambdaResourcesCount: AppSpecRule = {
  meta: {
    id: 'lambda/resources-count',
    defaultSeverity: 'error',
    platforms: ['lambda'],
    order: RULE_ORDER.other,
    category: 'lambda',
    description: '`Resources` lists more than one resource.',
    rationale: 'One AppSpec deploys one ECS service or shifts one Lambda alias.',
    badExample: lambdaDoc().concat('  - otherFunction:\n      Type: AWS::Lambda::Function\n'),
    goodExample: lambdaDoc(),
  },
  check(ctx) {
    checkResourcesCount(ctx, 'lambda');
  },
};

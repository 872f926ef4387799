import { lambdaDoc } from '../examples-ecs-lambda.js';
import { checkResourcesShape } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `lambda/resources-shape`: `Resources` is not a list, or a resource is not a single-key mapping holding Type and Properties. */
export const lambdaResourcesShape: AppSpecRule = {
  meta: {
    id: 'lambda/resources-shape',
    defaultSeverity: 'error',
    platforms: ['lambda'],
    order: RULE_ORDER.other,
    category: 'lambda',
    description: '`Resources` is not a list, or a resource is not a single-key mapping holding Type and Properties.',
    rationale: 'The AppSpec lists its resource (`- TargetService:`); the CloudFormation mapping style is not accepted.',
    badExample: lambdaDoc().replace('  - myFunction:', '  myFunction:'),
    goodExample: lambdaDoc(),
  },
  check(ctx) {
    checkResourcesShape(ctx, 'lambda');
  },
};

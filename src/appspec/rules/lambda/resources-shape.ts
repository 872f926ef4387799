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
    rationale:
      'The AppSpec lists its resource as a one-key mapping (`- TargetService:` with Type and Properties indented below it); other shapes, such as the CloudFormation mapping style or Type at the level of the name, are not accepted.',
    badExample: lambdaDoc().replace('      Type:', '    Type:').replace('      Properties:', '    Properties:'),
    goodExample: lambdaDoc(),
  },
  check(ctx) {
    checkResourcesShape(ctx, 'lambda');
  },
};

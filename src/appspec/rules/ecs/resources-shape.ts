import { ecsDoc } from '../examples-ecs-lambda.js';
import { checkResourcesShape } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ecs/resources-shape`: `Resources` is not a list, or a resource is not a single-key mapping holding Type and Properties. */
export const ecsResourcesShape: AppSpecRule = {
  meta: {
    id: 'ecs/resources-shape',
    defaultSeverity: 'error',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description: '`Resources` is not a list, or a resource is not a single-key mapping holding Type and Properties.',
    rationale:
      'The AppSpec lists its resource as a one-key mapping (`- TargetService:` with Type and Properties indented below it); other shapes, such as the CloudFormation mapping style or Type at the level of the name, are not accepted.',
    badExample: ecsDoc().replace('      Type:', '    Type:').replace('      Properties:', '    Properties:'),
    goodExample: ecsDoc(),
  },
  check(ctx) {
    checkResourcesShape(ctx, 'ecs');
  },
};

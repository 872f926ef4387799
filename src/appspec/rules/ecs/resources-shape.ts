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
    rationale: 'The AppSpec lists its resource (`- TargetService:`); the CloudFormation mapping style is not accepted.',
    badExample: ecsDoc().replace('  - TargetService:', '  TargetService:'),
    goodExample: ecsDoc(),
  },
  check(ctx) {
    checkResourcesShape(ctx, 'ecs');
  },
};

import { ecsDoc } from '../examples-ecs-lambda.js';
import { propertyScopes, requiredEntry } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ecs/load-balancer-info-missing`: no `LoadBalancerInfo`. */
export const ecsLoadBalancerInfoMissing: AppSpecRule = {
  meta: {
    id: 'ecs/load-balancer-info-missing',
    defaultSeverity: 'error',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description: 'The ECS resource has no LoadBalancerInfo.',
    rationale: 'LoadBalancerInfo names the container and port that receive traffic; it is required.',
    badExample: ecsDoc('        TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"\n'),
    goodExample: ecsDoc(),
  },
  check(ctx) {
    for (const scope of propertyScopes(ctx)) {
      const found = requiredEntry(ctx, scope.map, 'LoadBalancerInfo');
      if (found.status === 'missing') {
        ctx.report({
          range: ctx.keyRange(scope.anchor),
          message: `'${scope.anchor.keyText}' has no LoadBalancerInfo; the container name and port are required.`,
          help: 'Add `LoadBalancerInfo:` with `ContainerName` and `ContainerPort`.',
        });
      } else if (found.status === 'null') {
        ctx.report({
          range: ctx.keyRange(found.entry),
          message: 'LoadBalancerInfo is empty; ContainerName and ContainerPort are required.',
        });
      }
    }
  },
};

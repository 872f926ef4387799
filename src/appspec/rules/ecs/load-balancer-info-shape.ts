import { ecsDoc } from '../examples-ecs-lambda.js';
import { propertyScopes, requiredEntry, valueNode } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ecs/load-balancer-info-shape`: `LoadBalancerInfo` is a list or a scalar. */
export const ecsLoadBalancerInfoShape: AppSpecRule = {
  meta: {
    id: 'ecs/load-balancer-info-shape',
    defaultSeverity: 'error',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description: 'LoadBalancerInfo is a list or a scalar instead of a mapping.',
    rationale: 'The service rejects a LoadBalancerInfo that is not a mapping as not well-formed.',
    badExample: ecsDoc()
      .replace('ContainerName: "web"', '- ContainerName: "web"')
      .replace('          ContainerPort', '            ContainerPort'),
    goodExample: ecsDoc(),
  },
  check(ctx) {
    for (const scope of propertyScopes(ctx)) {
      const found = requiredEntry(ctx, scope.map, 'LoadBalancerInfo');
      if (found.status !== 'present' || ctx.asMap(found.entry.value)) continue;
      ctx.report({
        node: valueNode(found.entry),
        message: `LoadBalancerInfo must be a mapping with ContainerName and ContainerPort, not ${ctx.describe(found.entry.value)}.`,
        help: 'Indent `ContainerName:` and `ContainerPort:` under `LoadBalancerInfo:` without a dash.',
      });
    }
  },
};

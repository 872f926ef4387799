import { ecsDoc } from '../examples-ecs-lambda.js';
import { propertyMaps, requiredEntry } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ecs/container-port-missing`: `ContainerPort` missing or null. */
export const ecsContainerPortMissing: AppSpecRule = {
  meta: {
    id: 'ecs/container-port-missing',
    defaultSeverity: 'error',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description: 'LoadBalancerInfo has no ContainerPort, or it is null.',
    rationale: 'CodeDeploy routes traffic to this port of the container; it is required.',
    badExample: ecsDoc().replace('          ContainerPort: 80\n', ''),
    goodExample: ecsDoc(),
  },
  check(ctx) {
    for (const lbi of propertyMaps(ctx, 'LoadBalancerInfo')) {
      const found = requiredEntry(ctx, lbi.map, 'ContainerPort');
      if (found.status === 'missing') {
        ctx.report({
          range: ctx.keyRange(lbi.entry),
          message: 'LoadBalancerInfo has no ContainerPort; give the container port that receives traffic.',
          help: 'Add `ContainerPort: <port>`, e.g. `ContainerPort: 80`.',
        });
      } else if (found.status === 'null') {
        ctx.report({ range: ctx.keyRange(found.entry), message: 'ContainerPort has no value.' });
      }
    }
  },
};

import { ecsDoc } from '../examples-ecs-lambda.js';
import { isBlank, propertyMaps, requiredEntry, valueNode } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ecs/container-name-missing`: `ContainerName` missing or empty. */
export const ecsContainerNameMissing: AppSpecRule = {
  meta: {
    id: 'ecs/container-name-missing',
    defaultSeverity: 'error',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description: 'LoadBalancerInfo has no ContainerName, or it is empty.',
    rationale: 'CodeDeploy routes traffic to this container of the task definition; it is required.',
    badExample: ecsDoc().replace('ContainerName: "web"', 'ContainerName: ""'),
    goodExample: ecsDoc(),
  },
  check(ctx) {
    for (const lbi of propertyMaps(ctx, 'LoadBalancerInfo')) {
      const found = requiredEntry(ctx, lbi.map, 'ContainerName');
      if (found.status === 'missing') {
        ctx.report({
          range: ctx.keyRange(lbi.entry),
          message: 'LoadBalancerInfo has no ContainerName; name the container that receives traffic.',
          help: 'Add `ContainerName:` with the name of a container of the task definition.',
        });
      } else if (found.status === 'null') {
        ctx.report({ range: ctx.keyRange(found.entry), message: 'ContainerName has no value.' });
      } else if (found.status === 'present' && found.value === null) {
        ctx.report({
          node: valueNode(found.entry),
          message: `ContainerName must be a container name, not ${ctx.describe(found.entry.value)}.`,
        });
      } else if (found.status === 'present' && isBlank(found.value)) {
        ctx.report({ node: valueNode(found.entry), message: 'ContainerName is empty.' });
      }
    }
  },
};

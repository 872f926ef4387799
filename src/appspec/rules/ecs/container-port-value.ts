import { ecsDoc } from '../examples-ecs-lambda.js';
import { propertyMaps, readPort, requiredEntry, shown, valueNode } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ecs/container-port-value`: `ContainerPort` is not an integer 1–65535. */
export const ecsContainerPortValue: AppSpecRule = {
  meta: {
    id: 'ecs/container-port-value',
    defaultSeverity: 'error',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description: 'ContainerPort is not an integer from 1 to 65535 (a non-numeric string, 0, a fraction).',
    rationale: 'The service needs a real port of the container to route traffic to.',
    badExample: ecsDoc().replace('ContainerPort: 80', 'ContainerPort: 0'),
    goodExample: ecsDoc(),
  },
  check(ctx) {
    for (const lbi of propertyMaps(ctx, 'LoadBalancerInfo')) {
      const found = requiredEntry(ctx, lbi.map, 'ContainerPort');
      if (found.status !== 'present') continue;
      const reading = readPort(found.value, ctx.describe(found.entry.value));
      if (reading.kind === 'ok' || reading.kind === 'numeric-string') continue;
      if (reading.kind === 'key-name') {
        // `ContainerPort: ContainerPort` is a template slot a pipeline fills in: only wrong if deployed as is.
        ctx.report({
          node: valueNode(found.entry),
          severity: 'warning',
          message: `ContainerPort holds its own name ${shown(found.value)}, a template slot; the deployed file needs a port number.`,
          help: 'Make sure the pipeline substitutes the port, or write it in: `ContainerPort: 80`.',
          data: { placeholder: true },
        });
        continue;
      }
      const written = found.value ? shown(found.value) : ctx.describe(found.entry.value);
      ctx.report({
        node: valueNode(found.entry),
        message: `ContainerPort ${written} ${reading.reason}; it must be a port number from 1 to 65535.`,
        help: 'Give the container port that receives traffic, e.g. `ContainerPort: 80`.',
      });
    }
  },
};

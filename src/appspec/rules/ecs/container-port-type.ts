import { ecsDoc } from '../examples-ecs-lambda.js';
import { propertyMaps, readPort, requiredEntry, valueNode } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ecs/container-port-type`: `ContainerPort` is a numeric string such as `"80"`. */
export const ecsContainerPortType: AppSpecRule = {
  meta: {
    id: 'ecs/container-port-type',
    defaultSeverity: 'warning',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description: 'ContainerPort is a numeric string ("80") instead of a number.',
    rationale: 'ContainerPort is documented as a number; a quoted port depends on the service converting it.',
    badExample: ecsDoc().replace('ContainerPort: 80', 'ContainerPort: "80"'),
    goodExample: ecsDoc(),
  },
  check(ctx) {
    for (const lbi of propertyMaps(ctx, 'LoadBalancerInfo')) {
      const found = requiredEntry(ctx, lbi.map, 'ContainerPort');
      if (found.status !== 'present') continue;
      const reading = readPort(found.value, ctx.describe(found.entry.value));
      if (reading.kind !== 'numeric-string') continue;
      ctx.report({
        node: valueNode(found.entry),
        message: `ContainerPort is the string ${found.value?.source ?? ''}; it is documented as a number.`,
        help: `Write \`ContainerPort: ${reading.port}\` without quotes.`,
        suggestions: [String(reading.port)],
      });
    }
  },
};

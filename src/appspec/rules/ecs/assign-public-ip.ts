import { ECS_NETWORK, ECS_PROPS, ecsDoc } from '../examples-ecs-lambda.js';
import { findKey, mapValue, propertyMaps, requiredEntry, shown, valueNode } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

const ALLOWED: readonly string[] = ['ENABLED', 'DISABLED'];

/** `ecs/assign-public-ip`: `AssignPublicIp` is not `ENABLED` or `DISABLED`. */
export const ecsAssignPublicIp: AppSpecRule = {
  meta: {
    id: 'ecs/assign-public-ip',
    defaultSeverity: 'error',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description: 'AssignPublicIp is not exactly ENABLED or DISABLED.',
    rationale: 'AssignPublicIp is an enumeration; other values (lower case, booleans) are rejected.',
    badExample: ecsDoc(`${ECS_PROPS}${ECS_NETWORK.replace('"DISABLED"', 'false')}`),
    goodExample: ecsDoc(`${ECS_PROPS}${ECS_NETWORK}`),
  },
  check(ctx) {
    for (const network of propertyMaps(ctx, 'NetworkConfiguration')) {
      const settings = mapValue(ctx, findKey(ctx, network.map, 'AwsvpcConfiguration'));
      const found = requiredEntry(ctx, settings, 'AssignPublicIp');
      if (found.status !== 'present') continue;
      const value = found.value;
      if (value?.kind === 'string' && ALLOWED.includes(String(value.value))) continue;
      let suggestions: string[] = [...ALLOWED];
      if (value?.kind === 'string') {
        const upper = String(value.value).trim().toUpperCase();
        if (ALLOWED.includes(upper)) suggestions = [upper];
      } else if (value?.kind === 'bool') {
        suggestions = [value.value === true ? 'ENABLED' : 'DISABLED'];
      }
      ctx.report({
        node: valueNode(found.entry),
        message: `AssignPublicIp must be ENABLED or DISABLED, not ${value ? shown(value) : ctx.describe(found.entry.value)}.`,
        suggestions,
      });
    }
  },
};

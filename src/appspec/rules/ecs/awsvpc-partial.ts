import { ECS_NETWORK, ECS_PROPS, ecsDoc } from '../examples-ecs-lambda.js';
import { findKey, LEVEL_KEYS, mapValue, propertyMaps } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ecs/awsvpc-partial`: `AwsvpcConfiguration` lacks one of `Subnets`, `SecurityGroups`, `AssignPublicIp`. */
export const ecsAwsvpcPartial: AppSpecRule = {
  meta: {
    id: 'ecs/awsvpc-partial',
    defaultSeverity: 'error',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description: 'AwsvpcConfiguration lacks any of Subnets, SecurityGroups and AssignPublicIp.',
    rationale: 'The guide requires all three awsvpc settings together, or none of them.',
    badExample: ecsDoc(`${ECS_PROPS}${ECS_NETWORK.replace(/ {12}AssignPublicIp: .*\n/, '')}`),
    goodExample: ecsDoc(`${ECS_PROPS}${ECS_NETWORK}`),
  },
  check(ctx) {
    for (const network of propertyMaps(ctx, 'NetworkConfiguration')) {
      const entry = findKey(ctx, network.map, 'AwsvpcConfiguration');
      const settings = mapValue(ctx, entry);
      if (!entry || !settings) continue;
      const missing = LEVEL_KEYS.awsvpc.filter((key) => {
        const found = findKey(ctx, settings, key);
        return !found || found.value === null || ctx.scalar(found.value)?.kind === 'null';
      });
      if (missing.length === 0) continue;
      ctx.report({
        range: ctx.keyRange(entry),
        message: `AwsvpcConfiguration lacks ${missing.join(', ')}; give all three settings or remove the block.`,
        data: { missing },
      });
    }
  },
};

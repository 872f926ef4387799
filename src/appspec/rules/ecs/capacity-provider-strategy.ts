import { ECS_PROPS, ecsDoc } from '../examples-ecs-lambda.js';
import { findKey, isBlank, propertyScopes, requiredEntry, shown, valueNode } from '../shared-ecs-lambda.js';
import type { MapEntry, RuleContext } from '../types.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import type { YamlNode } from '../../parse/types.js';

/**
 * The value of `Base`/`Weight`: the number when it is a non-negative integer, `absent` when the
 * key is missing, null or suppressed, `invalid` (reported here) otherwise.
 */
function nonNegativeInteger(ctx: RuleContext, entry: MapEntry | undefined): number | 'absent' | 'invalid' {
  if (!entry || ctx.isSuppressed(entry.valueNode) || ctx.isSuppressed(entry.value)) return 'absent';
  const value = ctx.scalar(entry.value);
  if (entry.value === null || value?.kind === 'null') return 'absent';
  if (value?.kind === 'int' && typeof value.value === 'number' && value.value >= 0) return value.value;
  ctx.report({
    node: valueNode(entry),
    message: `${entry.keyText} must be a non-negative integer, not ${value ? shown(value) : ctx.describe(entry.value)}.`,
  });
  return 'invalid';
}

/** `ecs/capacity-provider-strategy`: a malformed `CapacityProviderStrategy`. */
export const ecsCapacityProviderStrategy: AppSpecRule = {
  meta: {
    id: 'ecs/capacity-provider-strategy',
    defaultSeverity: 'error',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description:
      'CapacityProviderStrategy is not a list, an item has no CapacityProvider, Base/Weight are not non-negative integers, more than one item has a Base, or several items all have weight 0.',
    rationale:
      'These are the ECS capacity provider strategy rules restated in the AppSpec reference; the service rejects violations.',
    badExample: ecsDoc(
      `${ECS_PROPS}        CapacityProviderStrategy:\n          - CapacityProvider: FARGATE\n            Base: 1\n          - CapacityProvider: FARGATE_SPOT\n            Base: 2\n`,
    ),
    goodExample: ecsDoc(
      `${ECS_PROPS}        CapacityProviderStrategy:\n          - CapacityProvider: FARGATE\n            Base: 1\n            Weight: 1\n          - CapacityProvider: FARGATE_SPOT\n            Weight: 3\n`,
    ),
  },
  check(ctx) {
    for (const scope of propertyScopes(ctx)) {
      const found = requiredEntry(ctx, scope.map, 'CapacityProviderStrategy');
      if (found.status !== 'present') continue;
      const seq = ctx.asSeq(found.entry.value);
      if (!seq) {
        ctx.report({
          node: valueNode(found.entry),
          message: `CapacityProviderStrategy must be a list of capacity providers, not ${ctx.describe(found.entry.value)}.`,
          help: 'Write `- CapacityProvider: FARGATE` items with optional Base and Weight.',
        });
        continue;
      }
      const withBase: MapEntry[] = [];
      let items = 0;
      let positiveWeights = 0;
      for (const node of seq.items) {
        const item = node as YamlNode;
        if (ctx.isSuppressed(item)) continue;
        items++;
        const map = ctx.asMap(item);
        if (!map) {
          ctx.report({
            node: item,
            range: ctx.itemRange(item),
            message: `A capacity provider must be a mapping with CapacityProvider, not ${ctx.describe(item)}.`,
          });
          continue;
        }
        const provider = requiredEntry(ctx, map, 'CapacityProvider');
        if (provider.status === 'missing' || provider.status === 'null') {
          ctx.report({ range: ctx.itemRange(item), message: 'A capacity provider item has no CapacityProvider name.' });
        } else if (provider.status === 'present' && (provider.value?.kind !== 'string' || isBlank(provider.value))) {
          ctx.report({
            node: valueNode(provider.entry),
            message: 'CapacityProvider must be the non-empty name of a capacity provider.',
          });
        }
        const baseEntry = findKey(ctx, map, 'Base');
        const base = nonNegativeInteger(ctx, baseEntry);
        if (typeof base === 'number' && base > 0 && baseEntry) withBase.push(baseEntry);
        const weight = nonNegativeInteger(ctx, findKey(ctx, map, 'Weight'));
        // An invalid weight is already reported: don't add the all-zero finding on top of it.
        if (weight === 'invalid' || (typeof weight === 'number' && weight > 0)) positiveWeights++;
      }
      const second = withBase[1];
      if (second) {
        ctx.report({
          node: valueNode(second),
          message: `${withBase.length} capacity providers set a Base greater than 0; at most one may.`,
          related: [{ range: ctx.range(valueNode(withBase[0] as MapEntry)), message: 'first Base' }],
        });
      }
      if (items > 1 && positiveWeights === 0) {
        ctx.report({
          range: ctx.keyRange(found.entry),
          message:
            'Every capacity provider has weight 0; with several providers at least one Weight must be greater than 0.',
        });
      }
    }
  },
};

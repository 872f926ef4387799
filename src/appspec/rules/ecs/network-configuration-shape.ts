import { ECS_NETWORK, ECS_PROPS, ecsDoc } from '../examples-ecs-lambda.js';
import { findKey, isBlank, propertyScopes, requiredEntry, valueNode, valueSuppressed } from '../shared-ecs-lambda.js';
import type { MapEntry, RuleContext } from '../types.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import type { YamlNode } from '../../parse/types.js';

/** Checks that `Subnets`/`SecurityGroups` is a list of non-empty strings. */
function checkIdList(ctx: RuleContext, entry: MapEntry): void {
  if (valueSuppressed(ctx, entry) || entry.value === null || ctx.scalar(entry.value)?.kind === 'null') return;
  const seq = ctx.asSeq(entry.value);
  if (!seq) {
    ctx.report({
      node: valueNode(entry),
      message: `${entry.keyText} must be a list of ids, not ${ctx.describe(entry.value)}.`,
      help: `Write \`${entry.keyText}: ["id-1", "id-2"]\`.`,
    });
    return;
  }
  for (const node of seq.items) {
    const item = node as YamlNode;
    if (ctx.isSuppressed(item)) continue;
    const value = ctx.scalar(item);
    if (value !== null && value.kind === 'string' && !isBlank(value)) continue;
    ctx.report({
      node: item,
      range: ctx.itemRange(item),
      message: `Every item of ${entry.keyText} must be a non-empty id, not ${value?.kind === 'string' ? 'an empty string' : ctx.describe(item)}.`,
    });
  }
}

/** `ecs/network-configuration-shape`: `NetworkConfiguration` without `AwsvpcConfiguration`, or malformed id lists. */
export const ecsNetworkConfigurationShape: AppSpecRule = {
  meta: {
    id: 'ecs/network-configuration-shape',
    defaultSeverity: 'error',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description:
      'NetworkConfiguration has no AwsvpcConfiguration mapping, or Subnets/SecurityGroups are not lists of non-empty strings.',
    rationale:
      'The service reads the awsvpc settings only from NetworkConfiguration.AwsvpcConfiguration, as lists of ids.',
    badExample: ecsDoc(`${ECS_PROPS}        NetworkConfiguration:\n          Subnets: ["subnet-1234abcd"]\n`),
    goodExample: ecsDoc(`${ECS_PROPS}${ECS_NETWORK}`),
  },
  check(ctx) {
    for (const scope of propertyScopes(ctx)) {
      const network = requiredEntry(ctx, scope.map, 'NetworkConfiguration');
      if (network.status === 'missing' || network.status === 'suppressed') continue;
      if (network.status === 'null') {
        ctx.report({
          range: ctx.keyRange(network.entry),
          message: 'NetworkConfiguration is empty; it needs AwsvpcConfiguration.',
        });
        continue;
      }
      const map = ctx.asMap(network.entry.value);
      if (!map) {
        ctx.report({
          node: valueNode(network.entry),
          message: `NetworkConfiguration must be a mapping with AwsvpcConfiguration, not ${ctx.describe(network.entry.value)}.`,
        });
        continue;
      }
      const awsvpc = requiredEntry(ctx, map, 'AwsvpcConfiguration');
      if (awsvpc.status === 'suppressed') continue;
      if (awsvpc.status === 'missing' || awsvpc.status === 'null') {
        ctx.report({
          range: ctx.keyRange(awsvpc.status === 'null' ? awsvpc.entry : network.entry),
          message:
            'NetworkConfiguration has no AwsvpcConfiguration; Subnets, SecurityGroups and AssignPublicIp go under it.',
          help: 'Indent the settings under `AwsvpcConfiguration:`.',
        });
        continue;
      }
      const settings = ctx.asMap(awsvpc.entry.value);
      if (!settings) {
        ctx.report({
          node: valueNode(awsvpc.entry),
          message: `AwsvpcConfiguration must be a mapping, not ${ctx.describe(awsvpc.entry.value)}.`,
        });
        continue;
      }
      for (const key of ['Subnets', 'SecurityGroups']) {
        const entry = findKey(ctx, settings, key);
        if (entry) checkIdList(ctx, entry);
      }
    }
  },
};

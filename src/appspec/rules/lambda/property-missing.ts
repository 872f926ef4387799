import { lambdaDoc } from '../examples-ecs-lambda.js';
import { isBlank, LEVEL_KEYS, propertyScopes, requiredEntry, valueNode } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

const TEXT_KEYS: ReadonlySet<string> = new Set(['Name', 'Alias']);

/** `lambda/property-missing`: `Name`, `Alias`, `CurrentVersion` or `TargetVersion` missing or empty. */
export const lambdaPropertyMissing: AppSpecRule = {
  meta: {
    id: 'lambda/property-missing',
    defaultSeverity: 'error',
    platforms: ['lambda'],
    order: RULE_ORDER.other,
    category: 'lambda',
    description: 'The Lambda resource lacks Name, Alias, CurrentVersion or TargetVersion, or one of them is empty.',
    rationale:
      'All four properties are required: the function, the alias that is shifted, and the versions it moves between (the YAML template calls CurrentVersion optional; the reference requires it).',
    badExample: lambdaDoc().replace(/ {8}CurrentVersion: .*\n/, ''),
    goodExample: lambdaDoc(),
  },
  check(ctx) {
    for (const scope of propertyScopes(ctx)) {
      for (const key of LEVEL_KEYS.lambdaProperties) {
        const found = requiredEntry(ctx, scope.map, key);
        if (found.status === 'missing') {
          ctx.report({
            range: ctx.keyRange(scope.anchor),
            message: `'${scope.anchor.keyText}' has no ${key}; Name, Alias, CurrentVersion and TargetVersion are all required.`,
            suggestions: [key],
            data: { property: key },
          });
        } else if (found.status === 'null') {
          ctx.report({ range: ctx.keyRange(found.entry), message: `${key} has no value.`, data: { property: key } });
        } else if (found.status === 'present' && found.value !== null && isBlank(found.value)) {
          ctx.report({ node: valueNode(found.entry), message: `${key} is empty.`, data: { property: key } });
        } else if (found.status === 'present' && found.value === null && TEXT_KEYS.has(key)) {
          ctx.report({
            node: valueNode(found.entry),
            message: `${key} must be a name, not ${ctx.describe(found.entry.value)}.`,
            data: { property: key },
          });
        }
      }
    }
  },
};

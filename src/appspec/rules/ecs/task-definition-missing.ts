import { ecsDoc } from '../examples-ecs-lambda.js';
import { isBlank, propertyScopes, requiredEntry, valueNode } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ecs/task-definition-missing`: `TaskDefinition` missing or empty. */
export const ecsTaskDefinitionMissing: AppSpecRule = {
  meta: {
    id: 'ecs/task-definition-missing',
    defaultSeverity: 'error',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description: 'The ECS resource has no TaskDefinition, or it is empty.',
    rationale: 'The task definition is what the replacement task set runs; it is required.',
    badExample: ecsDoc().replace(/ {8}TaskDefinition: .*\n/, ''),
    goodExample: ecsDoc(),
  },
  check(ctx) {
    for (const scope of propertyScopes(ctx)) {
      const found = requiredEntry(ctx, scope.map, 'TaskDefinition');
      if (found.status === 'suppressed') continue;
      if (found.status === 'missing') {
        ctx.report({
          range: ctx.keyRange(scope.anchor),
          message: `'${scope.anchor.keyText}' has no TaskDefinition; the task definition ARN is required.`,
          help: 'Add `TaskDefinition: arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>`.',
        });
      } else if (found.status === 'null') {
        ctx.report({ range: ctx.keyRange(found.entry), message: 'TaskDefinition has no value.' });
      } else if (found.value === null) {
        ctx.report({
          node: valueNode(found.entry),
          message: `TaskDefinition must be a task definition ARN, not ${ctx.describe(found.entry.value)}.`,
        });
      } else if (isBlank(found.value)) {
        ctx.report({ node: valueNode(found.entry), message: 'TaskDefinition is empty.' });
      }
    }
  },
};

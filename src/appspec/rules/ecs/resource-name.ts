import { ecsDoc } from '../examples-ecs-lambda.js';
import { resources } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ecs/resource-name`: the resource is not named `TargetService`. */
export const ecsResourceName: AppSpecRule = {
  meta: {
    id: 'ecs/resource-name',
    defaultSeverity: 'warning',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description: 'The ECS resource is not named TargetService.',
    rationale: 'All documentation names the ECS resource TargetService; other names are undocumented.',
    badExample: ecsDoc().replace('- TargetService:', '- MyService:'),
    goodExample: ecsDoc(),
  },
  check(ctx) {
    for (const resource of resources(ctx)) {
      const name = resource.entry.key;
      if (name === 'TargetService') continue;
      const written = name ?? resource.entry.keyText;
      ctx.report({
        range: ctx.keyRange(resource.entry),
        message:
          written.toLowerCase() === 'targetservice'
            ? `The resource is named '${written}'; the documented name is 'TargetService'.`
            : `The resource is named '${written}'; ECS AppSpec files name it 'TargetService'.`,
        suggestions: ['TargetService'],
      });
    }
  },
};

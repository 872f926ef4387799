import { ecsDoc } from '../examples-ecs-lambda.js';
import { checkKeyCase } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ecs/key-case`: A documented key written in another letter case (`resources`, `taskdefinition`). */
export const ecsKeyCase: AppSpecRule = {
  meta: {
    id: 'ecs/key-case',
    defaultSeverity: 'info',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description: 'A documented key written in another letter case (`resources`, `taskdefinition`).',
    rationale:
      'The service matches these keys in any case (the guide itself uses both spellings); the PascalCase spelling of the examples is the one every tool recognises.',
    badExample: ecsDoc().replace('Resources:', 'resources:'),
    goodExample: ecsDoc(),
  },
  check(ctx) {
    checkKeyCase(ctx, 'ecs');
  },
};

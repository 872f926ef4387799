import { lambdaDoc } from '../examples-ecs-lambda.js';
import { checkKeyCase } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `lambda/key-case`: A documented key written in another letter case (`resources`, `taskdefinition`). */
export const lambdaKeyCase: AppSpecRule = {
  meta: {
    id: 'lambda/key-case',
    defaultSeverity: 'info',
    platforms: ['lambda'],
    order: RULE_ORDER.other,
    category: 'lambda',
    description: 'A documented key written in another letter case (`resources`, `taskdefinition`).',
    rationale:
      'The service matches these keys in any case (the guide itself uses both spellings); the PascalCase spelling of the examples is the one every tool recognises.',
    badExample: lambdaDoc().replace('CurrentVersion:', 'currentversion:'),
    goodExample: lambdaDoc(),
  },
  check(ctx) {
    checkKeyCase(ctx, 'lambda');
  },
};

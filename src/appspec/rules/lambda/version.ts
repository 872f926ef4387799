import { lambdaDoc } from '../examples-ecs-lambda.js';
import { checkVersion } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `lambda/version`: `version` is missing, or is not 0.0 (a number, or the string "0.0"). */
export const lambdaVersion: AppSpecRule = {
  meta: {
    id: 'lambda/version',
    defaultSeverity: 'error',
    platforms: ['lambda'],
    order: RULE_ORDER.version,
    category: 'lambda',
    description: '`version` is missing, or is not 0.0 (a number, or the string "0.0").',
    rationale: 'The only AppSpec version is 0.0; the service rejects other values.',
    badExample: lambdaDoc().replace('version: 0.0', 'version: 1'),
    goodExample: lambdaDoc(),
  },
  check(ctx) {
    checkVersion(ctx);
  },
};

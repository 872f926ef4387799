import { ecsDoc } from '../examples-ecs-lambda.js';
import { checkVersion } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ecs/version`: `version` is missing, or is not 0.0 (a number, or the string "0.0"). */
export const ecsVersion: AppSpecRule = {
  meta: {
    id: 'ecs/version',
    defaultSeverity: 'error',
    platforms: ['ecs'],
    order: RULE_ORDER.version,
    category: 'ecs',
    description: '`version` is missing, or is not 0.0 (a number, or the string "0.0").',
    rationale: 'The only AppSpec version is 0.0; the service rejects other values.',
    badExample: ecsDoc().replace('version: 0.0', 'version: 1'),
    goodExample: ecsDoc(),
  },
  check(ctx) {
    checkVersion(ctx);
  },
};

/**
 * The AppSpec rule registry: every rule, in run order.
 *
 * @module
 */
import { appspecRules } from './appspec/index.js';
import { ec2Rules } from './ec2/index.js';
import { ecsRules } from './ecs/index.js';
import { fileRules } from './file/index.js';
import { lambdaRules } from './lambda/index.js';
import type { AppSpecRule, AppSpecRuleMeta } from './types.js';
import { yamlRules } from './yaml/index.js';

/** Every AppSpec rule in run order: file, yaml, appspec (all platforms), then ec2, ecs, lambda. */
export const allAppSpecRules: readonly AppSpecRule[] = Object.freeze([
  ...fileRules,
  ...yamlRules,
  ...appspecRules,
  ...ec2Rules,
  ...ecsRules,
  ...lambdaRules,
]);

/** Metadata of every AppSpec rule. */
export const appSpecRules: readonly AppSpecRuleMeta[] = Object.freeze(allAppSpecRules.map((r) => r.meta));

/**
 * `iamspec/appspec`: CodeDeploy AppSpec files parsed, linted like the CodeDeploy agent reads
 * them, and planned into lifecycle steps.
 *
 * @module
 */
export type * from '../diagnostics/types.js';
export type * from './model.js';
export { matchPermissionGlob } from './glob.js';
export type { PermissionGlobOptions } from './glob.js';
export { appSpecSchemas, validateAppSpecSchema } from './schema/index.js';
export type { AppSpecSchemaInfo, SchemaError, SchemaValidationResult } from './schema/index.js';
export { lintAppSpec } from './lint.js';
export { inferPlatform, parseAppSpec } from './parse/index.js';
export { appSpecRules } from './rules/index.js';
export type {
  AgentVersion,
  DetectedPlatform,
  InstanceOs,
  LintOptions,
  LintResult,
  ParseResult,
  Verdict,
} from './types.js';
export type { AppSpecRuleMeta } from './rules/types.js';
export { planDeployment, planRules, planToMermaid, planToText } from './plan/index.js';
export type {
  CustomConfig,
  DeploymentPlan,
  DeploymentType,
  EnvironmentVariable,
  InstanceRole,
  Phase,
  PhaseTarget,
  PlanKind,
  PlannedScript,
  PlanOptions,
  PlanTextOptions,
  RevisionSource,
  ScriptSource,
  Step,
  StepStatus,
  StepStatusReason,
  TrafficShift,
} from './plan/index.js';

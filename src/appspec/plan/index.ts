/**
 * The lifecycle planner: `planDeployment`, its `plan/*` rules and the text and Mermaid formatters.
 *
 * @module
 */
export { planDeployment } from './plan.js';
export { planRules } from './rules.js';
export { planToMermaid } from './mermaid.js';
export { planToText } from './text.js';
export type { PlanTextOptions } from './text.js';
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
  RevisionSource,
  ScriptSource,
  Step,
  StepStatus,
  StepStatusReason,
  TrafficShift,
} from './types.js';

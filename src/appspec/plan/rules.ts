/**
 * The `plan/*` rules: one file per rule under `rules/`, registered here in a fixed order.
 *
 * @module
 */
import { applyRuleSettings, sortDiagnostics } from '../../diagnostics/rules.js';
import type { Diagnostic, RuleMeta, RuleSetting } from '../../diagnostics/types.js';
import type { PlanContext } from './context.js';
import { appspecInvalid } from './rules/appspec-invalid.js';
import { configInvalid } from './rules/config-invalid.js';
import { configUnknown } from './rules/config-unknown.js';
import { empty } from './rules/empty.js';
import { eventBudgetExceeded } from './rules/event-budget-exceeded.js';
import { exceedsDeploymentLimit } from './rules/exceeds-deployment-limit.js';
import { firstDeploymentNoop } from './rules/first-deployment-noop.js';
import { hookNeverRuns } from './rules/hook-never-runs.js';
import { optionInvalid } from './rules/option-invalid.js';
import { platformMismatch } from './rules/platform-mismatch.js';
import { previousAppspecUnknown } from './rules/previous-appspec-unknown.js';
import { previousRevisionScripts } from './rules/previous-revision-scripts.js';
import { rollbackRunsFailedRevision } from './rules/rollback-runs-failed-revision.js';
import { runasIgnoredWindows } from './rules/runas-ignored-windows.js';
import { sequenceUndocumented } from './rules/sequence-undocumented.js';
import { testTrafficHookWithoutListener } from './rules/test-traffic-hook-without-listener.js';
import { trafficHooksWithoutLb } from './rules/traffic-hooks-without-lb.js';
import type { PlanRule } from './rules/util.js';

/** Every planner rule, the twelve of spec §6.7 first. */
export const PLAN_RULES: readonly PlanRule[] = Object.freeze([
  appspecInvalid,
  firstDeploymentNoop,
  previousRevisionScripts,
  previousAppspecUnknown,
  rollbackRunsFailedRevision,
  trafficHooksWithoutLb,
  testTrafficHookWithoutListener,
  hookNeverRuns,
  eventBudgetExceeded,
  exceedsDeploymentLimit,
  sequenceUndocumented,
  runasIgnoredWindows,
  empty,
  configUnknown,
  configInvalid,
  platformMismatch,
  optionInvalid,
]);

/** Metadata of every `plan/*` rule the planner reports. */
export const planRules: readonly RuleMeta[] = Object.freeze(PLAN_RULES.map((r) => Object.freeze({ ...r.meta })));

/** Runs every rule on a planned deployment; applies the caller's settings and sorts. */
export function runPlanRules(ctx: PlanContext, settings?: Readonly<Record<string, RuleSetting>>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of PLAN_RULES) out.push(...rule.check(ctx));
  return sortDiagnostics(applyRuleSettings(out, settings));
}

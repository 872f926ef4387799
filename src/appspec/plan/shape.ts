/**
 * The renderers' guard: `planToText` and `planToMermaid` take plans made by `planDeployment`, and
 * render an empty plan for anything else a JavaScript caller hands them.
 *
 * @module
 */
import type { DeploymentPlan, PhaseTarget, PlanKind } from './types.js';

/** A plan with no phases, no findings and no budget (what an unreadable value renders as). */
export const EMPTY_PLAN: DeploymentPlan = Object.freeze({
  kind: 'server-in-place',
  platform: 'server',
  rollback: false,
  phases: Object.freeze([]),
  diagnostics: Object.freeze([]),
  budgetSeconds: 0,
  deploymentWorstCaseSeconds: 0,
  environment: Object.freeze([]),
});

const KINDS: readonly PlanKind[] = [
  'server-in-place',
  'server-in-place-lb',
  'server-blue-green',
  'server-blue-green-rollback',
  'ecs-blue-green',
  'ecs-rollback',
  'lambda',
];
const TARGETS: readonly PhaseTarget[] = ['instance', 'original', 'replacement', 'ecs-service', 'lambda-function'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * `value` when it has the outline of a {@link DeploymentPlan} (a known kind, phases of known
 * targets holding step objects, findings with ranges, an array of variables, numeric budgets), else
 * {@link EMPTY_PLAN}.
 */
export function planOrEmpty(value: unknown): DeploymentPlan {
  if (!isObject(value)) return EMPTY_PLAN;
  const v = value;
  const ok =
    KINDS.includes(v.kind as PlanKind) &&
    typeof v.budgetSeconds === 'number' &&
    typeof v.deploymentWorstCaseSeconds === 'number' &&
    Array.isArray(v.diagnostics) &&
    v.diagnostics.every(
      (d) => isObject(d) && typeof d.message === 'string' && isObject(d.range) && isObject(d.range.start),
    ) &&
    Array.isArray(v.environment) &&
    Array.isArray(v.phases) &&
    v.phases.every(
      (p) =>
        isObject(p) &&
        TARGETS.includes(p.target as PhaseTarget) &&
        Array.isArray(p.steps) &&
        p.steps.every((s) => isObject(s) && typeof s.event === 'string'),
    );
  return ok ? (value as unknown as DeploymentPlan) : EMPTY_PLAN;
}

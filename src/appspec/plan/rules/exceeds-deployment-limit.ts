import { START_RANGE } from '../../../diagnostics/line-index.js';
import type { Diagnostic } from '../../../diagnostics/types.js';
import type { PlanContext } from '../context.js';
import { diagnostic, type PlanRule } from './util.js';

/** Longest EC2 in-place deployment (8 h). */
export const IN_PLACE_LIMIT_SECONDS: number = 8 * 3600;
/** Longest time between the first and last traffic shift of a Lambda deployment. */
export const LAMBDA_SHIFT_LIMIT_MINUTES: number = 2880;

/** `plan/exceeds-deployment-limit`: the worst case runs past a CodeDeploy deployment limit. */
export const exceedsDeploymentLimit: PlanRule = {
  meta: {
    id: 'plan/exceeds-deployment-limit',
    defaultSeverity: 'warning',
    description:
      'The worst-case duration of an in-place deployment is over 8 hours, or a Lambda traffic shift takes over 2880 minutes.',
    rationale: 'CodeDeploy stops deployments that run past these limits.',
    category: 'time',
  },
  check(ctx: PlanContext): Diagnostic[] {
    if (ctx.platform === 'server' && ctx.deploymentType === 'in-place') {
      const worst = ctx.deploymentWorstCaseSeconds;
      if (worst <= IN_PLACE_LIMIT_SECONDS) return [];
      const batches = ctx.batches?.length ?? 1;
      return [
        diagnostic(
          this.meta,
          `In the worst case this in-place deployment takes ${worst} s (${batches} batch${batches === 1 ? '' : 'es'} × ${ctx.budgetSeconds} s of scripts), more than the ${IN_PLACE_LIMIT_SECONDS} s (8 h) limit.`,
          START_RANGE,
          { data: { deploymentWorstCaseSeconds: worst, limitSeconds: IN_PLACE_LIMIT_SECONDS, batches } },
        ),
      ];
    }
    if (ctx.platform === 'lambda' && ctx.traffic) {
      const last = ctx.traffic[ctx.traffic.length - 1]?.minute ?? 0;
      if (last <= LAMBDA_SHIFT_LIMIT_MINUTES) return [];
      return [
        diagnostic(
          this.meta,
          `The traffic shift takes ${last} minutes, more than the ${LAMBDA_SHIFT_LIMIT_MINUTES} minutes allowed between the first and the last shift of a Lambda deployment.`,
          START_RANGE,
          { data: { shiftMinutes: last, limitMinutes: LAMBDA_SHIFT_LIMIT_MINUTES } },
        ),
      ];
    }
    return [];
  },
};

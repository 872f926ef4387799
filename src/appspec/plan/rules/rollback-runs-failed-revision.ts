import type { Diagnostic } from '../../../diagnostics/types.js';
import type { PlanContext } from '../context.js';
import { diagnostic, hookRange, type PlanRule } from './util.js';

/** `plan/rollback-runs-failed-revision`: an in-place rollback may run the failed revision's scripts. */
export const rollbackRunsFailedRevision: PlanRule = {
  meta: {
    id: 'plan/rollback-runs-failed-revision',
    defaultSeverity: 'warning',
    description:
      'An EC2 in-place rollback runs ApplicationStop (and block-traffic) scripts of the revision that failed.',
    rationale:
      'A rollback is a new deployment of the last good revision; the revision that failed counts as last successful once its Install completed, so its possibly broken stop scripts run first and can fail the rollback too.',
    category: 'lifecycle',
  },
  check(ctx: PlanContext): Diagnostic[] {
    if (!ctx.rollback || ctx.deploymentType !== 'in-place' || ctx.platform !== 'server') return [];
    const out: Diagnostic[] = [];
    for (const s of ctx.steps) {
      if (s.step.source !== 'last-successful' || s.step.failureIgnored) continue;
      out.push(
        diagnostic(
          this.meta,
          `In this rollback ${s.step.event} runs the scripts of the last successful revision, which is the revision that failed if its Install completed; if those scripts fail, the rollback fails too.`,
          hookRange(ctx.current, s.step.event),
          {
            data: { event: s.step.event },
            help: 'Roll back with the option to ignore ApplicationStop failures if the failed revision has broken stop scripts.',
          },
        ),
      );
    }
    return out;
  },
};

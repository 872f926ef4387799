import type { Diagnostic } from '../../../diagnostics/types.js';
import type { PlanContext } from '../context.js';
import { diagnostic, hookRange, type PlanRule, sourceName } from './util.js';

/** `plan/previous-appspec-unknown`: a step needs an older revision's AppSpec that was not given. */
export const previousAppspecUnknown: PlanRule = {
  meta: {
    id: 'plan/previous-appspec-unknown',
    defaultSeverity: 'warning',
    description: 'A step runs the scripts of an older revision whose AppSpec was not supplied.',
    rationale:
      'Which scripts run in ApplicationStop and the block-traffic events depends on the revision already on the instance; the plan cannot list them without its AppSpec.',
    category: 'input',
  },
  check(ctx: PlanContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const s of ctx.steps) {
      if (s.step.statusReason !== 'previous-appspec-unknown') continue;
      const option = s.step.source === 'most-recent' ? 'mostRecentAppSpec' : 'previousAppSpec';
      out.push(
        diagnostic(
          this.meta,
          `${s.step.event} runs the scripts of the ${sourceName(s.step.source)} revision, whose AppSpec was not given; the plan cannot list them.`,
          hookRange(ctx.current, s.step.event),
          {
            data: { event: s.step.event, target: s.target, option },
            help: `Pass ${option} (CLI: ${option === 'previousAppSpec' ? '--previous' : '--most-recent'} <file>), or firstDeployment when nothing was deployed before.`,
          },
        ),
      );
    }
    return out;
  },
};

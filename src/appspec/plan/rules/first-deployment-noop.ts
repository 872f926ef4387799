import type { Diagnostic } from '../../../diagnostics/types.js';
import type { PlanContext } from '../context.js';
import { diagnostic, hookRange, type PlanRule } from './util.js';

/** `plan/first-deployment-noop`: a step does nothing because there is no previous revision. */
export const firstDeploymentNoop: PlanRule = {
  meta: {
    id: 'plan/first-deployment-noop',
    defaultSeverity: 'info',
    description: 'A step that runs the scripts of a previous revision does nothing because there is none.',
    rationale:
      'ApplicationStop, BeforeBlockTraffic and AfterBlockTraffic run the scripts of the revision already on the instance; on a first deployment or a freshly provisioned replacement instance there is none, so the scripts of this revision first run in the next deployment.',
    category: 'lifecycle',
  },
  check(ctx: PlanContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const s of ctx.steps) {
      if (!s.noPreviousCause) continue;
      const why =
        s.noPreviousCause === 'fresh-instance'
          ? 'the replacement instances are freshly provisioned and have no previous revision'
          : s.noPreviousCause === 'first-deployment'
            ? 'this is the first deployment of the deployment group to the instance'
            : 'there is no previous revision on the instance';
      out.push(
        diagnostic(
          this.meta,
          `${s.step.event} does nothing on the ${s.target === 'instance' ? 'instances' : `${s.target} instances`}: ${why}. This revision's ${s.step.event} scripts first run in the next deployment.`,
          hookRange(ctx.current, s.step.event),
          { data: { event: s.step.event, target: s.target, cause: s.noPreviousCause } },
        ),
      );
    }
    return out;
  },
};

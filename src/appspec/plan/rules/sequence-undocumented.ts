import { START_RANGE } from '../../../diagnostics/line-index.js';
import type { Diagnostic } from '../../../diagnostics/types.js';
import type { PlanContext } from '../context.js';
import { diagnostic, type PlanRule } from './util.js';

/** `plan/sequence-undocumented`: no lifecycle sequence is documented for this kind of deployment. */
export const sequenceUndocumented: PlanRule = {
  meta: {
    id: 'plan/sequence-undocumented',
    defaultSeverity: 'warning',
    description: 'AWS documents no hook sequence for an ECS rollback.',
    rationale:
      'An ECS rollback reroutes traffic back to the original task set; whether any hook runs is not documented, so the plan lists only the rerouting.',
    category: 'lifecycle',
  },
  check(ctx: PlanContext): Diagnostic[] {
    if (ctx.kind !== 'ecs-rollback') return [];
    return [
      diagnostic(
        this.meta,
        'AWS documents no hook sequence for an ECS rollback: traffic is rerouted back to the original task set. The plan lists only that step.',
        START_RANGE,
      ),
    ];
  },
};

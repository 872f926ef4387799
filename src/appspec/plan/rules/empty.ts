import { START_RANGE } from '../../../diagnostics/line-index.js';
import type { Diagnostic } from '../../../diagnostics/types.js';
import type { PlanContext } from '../context.js';
import { diagnostic, type PlanRule } from './util.js';

/** `plan/empty`: no hook runs in the whole deployment. */
export const empty: PlanRule = {
  meta: {
    id: 'plan/empty',
    defaultSeverity: 'warning',
    description: 'No hook step runs in the planned deployment.',
    rationale:
      'A deployment whose hooks all do nothing only copies files (EC2) or shifts traffic (ECS/Lambda); usually hooks are misplaced, misspelled or belong to another kind of deployment.',
    category: 'lifecycle',
  },
  check(ctx: PlanContext): Diagnostic[] {
    if (!ctx.current || ctx.kind === 'ecs-rollback') return [];
    const runs = ctx.steps.some(
      (s) => !s.step.reserved && (s.step.status === 'runs' || s.step.statusReason === 'previous-appspec-unknown'),
    );
    if (runs) return [];
    const what = ctx.platform === 'server' ? 'script' : 'hook function';
    return [
      diagnostic(this.meta, `No ${what} runs in this deployment: every hook step is a no-op or skipped.`, START_RANGE, {
        help:
          ctx.platform === 'server'
            ? 'Add scripts under hooks (for example ApplicationStart), or check the other plan findings for hooks that never run.'
            : 'Add Hooks entries with a function, or check the other plan findings.',
      }),
    ];
  },
};

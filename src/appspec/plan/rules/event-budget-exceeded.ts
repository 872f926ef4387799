import type { Diagnostic } from '../../../diagnostics/types.js';
import type { PlanContext } from '../context.js';
import { diagnostic, hookRange, type PlanRule, sourceName } from './util.js';

/** `plan/event-budget-exceeded`: the scripts of one event can run past the one-hour event limit. */
export const eventBudgetExceeded: PlanRule = {
  meta: {
    id: 'plan/event-budget-exceeded',
    defaultSeverity: 'warning',
    description: "The sum of an event's script timeouts is more than 3600 seconds.",
    rationale:
      'The agent lets each script run up to its own timeout, but CodeDeploy fails any lifecycle event that has not finished within one hour.',
    category: 'time',
  },
  check(ctx: PlanContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const s of ctx.steps) {
      const uncapped = s.step.uncappedSeconds ?? 0;
      if (uncapped <= s.step.limitSeconds) continue;
      const whose = s.origin === 'current' ? '' : ` (scripts of the ${sourceName(s.step.source)} revision)`;
      out.push(
        diagnostic(
          this.meta,
          `The scripts of ${s.step.event}${whose} can run for up to ${uncapped} s, but every lifecycle event fails after ${s.step.limitSeconds} s.`,
          hookRange(ctx.current, s.step.event),
          {
            data: {
              event: s.step.event,
              target: s.target,
              uncappedSeconds: uncapped,
              limitSeconds: s.step.limitSeconds,
            },
            help: 'Shorten the timeouts, or move scripts to other events.',
          },
        ),
      );
    }
    return out;
  },
};

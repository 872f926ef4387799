import { START_RANGE } from '../../../diagnostics/line-index.js';
import type { Diagnostic } from '../../../diagnostics/types.js';
import type { PlanContext } from '../context.js';
import { diagnostic, type PlanRule } from './util.js';

/** `plan/option-invalid`: a planner option with a bad value, or one that cannot apply. */
export const optionInvalid: PlanRule = {
  meta: {
    id: 'plan/option-invalid',
    defaultSeverity: 'warning',
    description: 'A planner option has a bad value or contradicts the kind of deployment; it is ignored.',
    category: 'input',
  },
  check(ctx: PlanContext): Diagnostic[] {
    return ctx.optionIssues.map((i) =>
      diagnostic(this.meta, `Option ${i.option}: ${i.message}`, START_RANGE, { data: { option: i.option } }),
    );
  },
};

import { START_RANGE } from '../../../diagnostics/line-index.js';
import type { Diagnostic } from '../../../diagnostics/types.js';
import type { PlanContext } from '../context.js';
import { diagnostic, type PlanRule } from './util.js';

const NAMES = { current: 'AppSpec', previous: 'previous AppSpec', 'most-recent': 'most recent AppSpec' } as const;

/**
 * `plan/appspec-invalid`: an input AppSpec has lint errors (error when it has no usable model at
 * all), or an AppSpec object is malformed (always an error, naming the malformed paths).
 */
export const appspecInvalid: PlanRule = {
  meta: {
    id: 'plan/appspec-invalid',
    defaultSeverity: 'warning',
    description: 'An input AppSpec has lint errors; the plan uses its effective model anyway.',
    rationale:
      'The agent or service would reject such a revision, so the plan shows what would run only if it were accepted. When the text cannot be read into a model at all the finding is an error.',
    category: 'input',
  },
  check(ctx: PlanContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const input of ctx.inputs) {
      const problems = input.modelProblems ?? [];
      if (problems.length > 0) {
        const shown = problems.slice(0, 3).join('; ');
        const more = problems.length > 3 ? `; and ${problems.length - 3} more` : '';
        out.push(
          diagnostic(
            this.meta,
            `The ${NAMES[input.role]} object is malformed: ${shown}${more}. The plan uses only its well-formed parts.`,
            START_RANGE,
            {
              severity: 'error',
              data: { input: input.role, problems: [...problems] },
              help: 'Pass a model made by parseAppSpec or lintAppSpec, or the AppSpec text.',
            },
          ),
        );
      }
      if (!input.noModel && input.lintErrors.length === 0) continue;
      const first = input.lintErrors[0];
      const firstText = first
        ? ` (first: ${first.ruleId}: ${first.message})`
        : input.detected === 'not-an-appspec'
          ? ' (it is not an AppSpec)'
          : input.detected === 'unknown'
            ? ' (its compute platform cannot be told; pass the platform)'
            : input.detected === undefined
              ? ' (it is not an AppSpec model)'
              : '';
      const range = input.role === 'current' && first ? first.range : START_RANGE;
      const data = {
        input: input.role,
        errors: input.lintErrors.length,
        ...(first ? { firstRuleId: first.ruleId } : {}),
      };
      if (input.noModel) {
        const consequence =
          input.role === 'current' ? 'nothing can be planned' : 'the steps that need it are planned as unknown';
        out.push(
          diagnostic(this.meta, `The ${NAMES[input.role]} cannot be read${firstText}; ${consequence}.`, range, {
            severity: 'error',
            data,
          }),
        );
      } else {
        const n = input.lintErrors.length;
        out.push(
          diagnostic(
            this.meta,
            `The ${NAMES[input.role]} has ${n} lint error${n === 1 ? '' : 's'}${firstText}; the deployment would fail, and the plan shows what it would run if it were accepted.`,
            range,
            { data, help: 'Run `iamspec lint` on it and fix the errors.' },
          ),
        );
      }
    }
    return out;
  },
};

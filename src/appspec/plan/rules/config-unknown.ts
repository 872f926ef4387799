import { START_RANGE } from '../../../diagnostics/line-index.js';
import type { Diagnostic } from '../../../diagnostics/types.js';
import { clip, predefinedConfigNames } from '../configs.js';
import type { PlanContext } from '../context.js';
import { diagnostic, type PlanRule } from './util.js';

/** `plan/config-unknown`: the deployment configuration name is not a predefined one. */
export const configUnknown: PlanRule = {
  meta: {
    id: 'plan/config-unknown',
    defaultSeverity: 'warning',
    description: 'The deployment configuration is not a predefined name of this compute platform.',
    rationale:
      'A misspelled name fails the deployment; a custom configuration of the account cannot be looked up by a pure planner, so batches or traffic are left out.',
    category: 'config',
  },
  check(ctx: PlanContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const issue of ctx.config.issues) {
      if (issue.kind !== 'unknown') continue;
      const hint = issue.suggestions.length > 0 ? ` Did you mean ${issue.suggestions.join(' or ')}?` : '';
      out.push(
        diagnostic(this.meta, `Unknown deployment configuration '${clip(issue.name)}'.${hint}`, START_RANGE, {
          data: { name: clip(issue.name) },
          ...(issue.suggestions.length > 0 ? { suggestions: issue.suggestions } : {}),
          help: `Predefined configurations: ${predefinedConfigNames(ctx.platform).join(', ')}. Give a custom configuration by its definition (canary, linear, all-at-once or minimum healthy hosts).`,
        }),
      );
    }
    return out;
  },
};

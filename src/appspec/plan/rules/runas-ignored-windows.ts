import type { Diagnostic } from '../../../diagnostics/types.js';
import type { PlanContext } from '../context.js';
import { diagnostic, hookRange, type PlanRule } from './util.js';

/** `plan/runas-ignored-windows`: `runas`/`sudo` on scripts that run on Windows. */
export const runasIgnoredWindows: PlanRule = {
  meta: {
    id: 'plan/runas-ignored-windows',
    defaultSeverity: 'info',
    description: 'A script planned on Windows has runas or sudo, which the Windows agent ignores.',
    rationale: 'On Windows every script runs as the agent’s own account.',
    category: 'lifecycle',
  },
  check(ctx: PlanContext): Diagnostic[] {
    if (ctx.os !== 'windows') return [];
    const out: Diagnostic[] = [];
    for (const s of ctx.steps) {
      for (const script of s.rawScripts ?? []) {
        if (script.runas === null && !script.sudo) continue;
        const keys = [script.runas !== null ? 'runas' : '', script.sudo ? 'sudo' : ''].filter(Boolean).join(' and ');
        out.push(
          diagnostic(
            this.meta,
            `${s.step.event}: ${keys} of ${script.location} is ignored on Windows; the script runs as the agent's account.`,
            s.origin === 'current' ? script.range : hookRange(ctx.current, s.step.event),
            { data: { event: s.step.event, location: script.location } },
          ),
        );
      }
    }
    return out;
  },
};

import type { Diagnostic } from '../../../diagnostics/types.js';
import type { Ec2Script } from '../../model.js';
import type { PlanContext } from '../context.js';
import { diagnostic, hookRange, type PlanRule, sourceName } from './util.js';

function sameScripts(a: readonly Ec2Script[], b: readonly Ec2Script[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i] as Ec2Script;
      return (
        x.location === y.location && x.timeoutSeconds === y.timeoutSeconds && x.runas === y.runas && x.sudo === y.sudo
      );
    })
  );
}

/** `plan/previous-revision-scripts`: this revision's scripts for an event are not the ones that run. */
export const previousRevisionScripts: PlanRule = {
  meta: {
    id: 'plan/previous-revision-scripts',
    defaultSeverity: 'info',
    description:
      'The AppSpec defines scripts for an event that runs the scripts of an older revision, and those differ (or are unknown).',
    rationale:
      'A fix to ApplicationStop, BeforeBlockTraffic or AfterBlockTraffic takes effect one deployment later; until then the old scripts run, which is the usual reason why a changed ApplicationStop script "does not run".',
    category: 'lifecycle',
  },
  check(ctx: PlanContext): Diagnostic[] {
    const current = ctx.current;
    if (current?.platform !== 'server') return [];
    const out: Diagnostic[] = [];
    const seen = new Set<string>();
    for (const s of ctx.steps) {
      const event = s.step.event;
      if (s.step.source !== 'last-successful' && s.step.source !== 'most-recent') continue;
      if (s.noPreviousCause || seen.has(event)) continue;
      const own = Object.hasOwn(current.hooks, event) ? (current.hooks[event] as readonly Ec2Script[]) : [];
      if (own.length === 0) continue;
      const unknown = s.step.statusReason === 'previous-appspec-unknown';
      if (!unknown && sameScripts(own, s.rawScripts ?? [])) continue;
      seen.add(event);
      const which = sourceName(s.step.source);
      const detail = unknown ? `which may differ from these` : `which differ from these`;
      out.push(
        diagnostic(
          this.meta,
          `${event} runs the scripts of the ${which} revision, ${detail}; the ${event} scripts of this revision run only in the next deployment.`,
          hookRange(current, event),
          {
            data: { event, source: s.step.source, known: !unknown },
            help: 'If the old scripts fail, deploy with the option to ignore ApplicationStop failures (it covers ApplicationStop, BeforeBlockTraffic and AfterBlockTraffic).',
          },
        ),
      );
    }
    return out;
  },
};

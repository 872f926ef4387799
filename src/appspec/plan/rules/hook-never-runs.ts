import { suggestNames } from '../../../diagnostics/suggest.js';
import type { Diagnostic } from '../../../diagnostics/types.js';
import type { PlanContext } from '../context.js';
import {
  EC2_SCRIPTABLE_EVENTS,
  EC2_TRAFFIC_EVENTS,
  ECS_HOOK_EVENTS,
  isReservedEvent,
  LAMBDA_HOOK_EVENTS,
} from '../sequences.js';
import { START_RANGE } from '../../../diagnostics/line-index.js';
import { diagnostic, hookEvents, hookRanges, type PlanRule } from './util.js';

const KIND_TEXT: Readonly<Record<PlanContext['kind'], string>> = {
  'server-in-place': 'an in-place deployment without a load balancer',
  'server-in-place-lb': 'an in-place deployment',
  'server-blue-green': 'a blue/green deployment',
  'server-blue-green-rollback': 'a blue/green rollback',
  'ecs-blue-green': 'an ECS deployment',
  'ecs-rollback': 'an ECS rollback',
  lambda: 'a Lambda deployment',
};

const PLATFORM_TEXT = { server: 'EC2/On-Premises', ecs: 'ECS', lambda: 'Lambda' } as const;

/** Why `event` never runs on `ctx`'s platform, with did-you-mean candidates. */
function reason(ctx: PlanContext, event: string): { text: string; suggestions: string[] } {
  const own =
    ctx.platform === 'server' ? EC2_SCRIPTABLE_EVENTS : ctx.platform === 'ecs' ? ECS_HOOK_EVENTS : LAMBDA_HOOK_EVENTS;
  if (own.includes(event)) {
    const role =
      ctx.platform === 'server' && ctx.deploymentType === 'blue-green' && ctx.instanceRole !== 'both'
        ? ` on the ${ctx.instanceRole} instances, the only ones planned`
        : '';
    return { text: `is not part of ${KIND_TEXT[ctx.kind]}${role}`, suggestions: [] };
  }
  if (isReservedEvent(event) || event === 'TestTraffic') {
    return { text: 'is reserved: the agent or the service does its work, and no hook runs for it', suggestions: [] };
  }
  const others = (['server', 'ecs', 'lambda'] as const).filter((p) => {
    const names =
      p === 'server'
        ? EC2_SCRIPTABLE_EVENTS
        : p === 'ecs'
          ? [...ECS_HOOK_EVENTS, 'AllowTestTraffic']
          : LAMBDA_HOOK_EVENTS;
    return p !== ctx.platform && names.includes(event);
  });
  if (others.length > 0) {
    const of = others.map((p) => PLATFORM_TEXT[p]).join(' and ');
    return { text: `is an event of ${of}, not of ${PLATFORM_TEXT[ctx.platform]}`, suggestions: [] };
  }
  return { text: 'is not a lifecycle event', suggestions: suggestNames(event, own) };
}

/** `plan/hook-never-runs`: the AppSpec has hooks for events that are not in this deployment's sequence. */
export const hookNeverRuns: PlanRule = {
  meta: {
    id: 'plan/hook-never-runs',
    defaultSeverity: 'info',
    description: 'The AppSpec has hooks for an event that is not in the sequence of this kind of deployment.',
    rationale:
      'Hooks under unknown, reserved or other-platform event names, or under events of another kind of deployment or instance role, are stored and never run.',
    category: 'lifecycle',
  },
  check(ctx: PlanContext): Diagnostic[] {
    if (ctx.kind === 'ecs-rollback') return []; // plan/sequence-undocumented covers it
    const planned = new Set(ctx.steps.filter((s) => !s.step.reserved).map((s) => s.step.event));
    const out: Diagnostic[] = [];
    const ranges = hookRanges(ctx.current);
    for (const event of hookEvents(ctx.current)) {
      if (planned.has(event)) continue;
      if (ctx.kind === 'server-in-place' && EC2_TRAFFIC_EVENTS.includes(event)) continue; // plan/traffic-hooks-without-lb
      const r = reason(ctx, event);
      const didYouMean = r.suggestions.length > 0 ? ` Did you mean ${r.suggestions.join(' or ')}?` : '';
      out.push(
        diagnostic(
          this.meta,
          `The ${event} hook never runs: ${event} ${r.text}.${didYouMean}`,
          ranges.get(event) ?? START_RANGE,
          {
            data: { event },
            ...(r.suggestions.length > 0 ? { suggestions: r.suggestions } : {}),
          },
        ),
      );
    }
    return out;
  },
};

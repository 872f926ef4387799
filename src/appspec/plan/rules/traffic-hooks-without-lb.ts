import type { Diagnostic } from '../../../diagnostics/types.js';
import type { PlanContext } from '../context.js';
import { EC2_TRAFFIC_EVENTS } from '../sequences.js';
import { diagnostic, hookEvents, hookRange, type PlanRule } from './util.js';

/** `plan/traffic-hooks-without-lb`: traffic hooks in an in-place deployment without a load balancer. */
export const trafficHooksWithoutLb: PlanRule = {
  meta: {
    id: 'plan/traffic-hooks-without-lb',
    defaultSeverity: 'warning',
    description: 'The AppSpec has traffic hooks, but an in-place deployment without a load balancer never runs them.',
    rationale:
      'BeforeBlockTraffic, AfterBlockTraffic, BeforeAllowTraffic and AfterAllowTraffic exist only when the deployment group has a load balancer (or in blue/green deployments).',
    category: 'lifecycle',
  },
  check(ctx: PlanContext): Diagnostic[] {
    if (ctx.kind !== 'server-in-place') return [];
    return hookEvents(ctx.current)
      .filter((e) => EC2_TRAFFIC_EVENTS.includes(e))
      .map((event) =>
        diagnostic(
          this.meta,
          `${event} never runs: an in-place deployment without a load balancer has no traffic events.`,
          hookRange(ctx.current, event),
          {
            data: { event },
            help: 'Add a load balancer to the deployment group (CLI: --load-balancer), or move the scripts to another event.',
          },
        ),
      );
  },
};

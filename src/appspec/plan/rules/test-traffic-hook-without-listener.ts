import type { Diagnostic } from '../../../diagnostics/types.js';
import type { PlanContext } from '../context.js';
import { diagnostic, hookEvents, hookRange, type PlanRule } from './util.js';

/** `plan/test-traffic-hook-without-listener`: an AfterAllowTestTraffic hook without a test listener. */
export const testTrafficHookWithoutListener: PlanRule = {
  meta: {
    id: 'plan/test-traffic-hook-without-listener',
    defaultSeverity: 'warning',
    description: 'The ECS AppSpec has an AfterAllowTestTraffic hook, but without a test listener it is skipped.',
    rationale: 'Without a test listener AllowTestTraffic does nothing and the AfterAllowTestTraffic hook is ignored.',
    category: 'lifecycle',
  },
  check(ctx: PlanContext): Diagnostic[] {
    if (ctx.kind !== 'ecs-blue-green' || ctx.testListener) return [];
    if (!hookEvents(ctx.current).includes('AfterAllowTestTraffic')) return [];
    return [
      diagnostic(
        this.meta,
        'AfterAllowTestTraffic is skipped: the deployment group has no test listener, so no test traffic is routed.',
        hookRange(ctx.current, 'AfterAllowTestTraffic'),
        {
          data: { event: 'AfterAllowTestTraffic' },
          help: 'Add a test listener to the deployment group (CLI: --test-listener).',
        },
      ),
    ];
  },
};

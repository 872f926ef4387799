import type { AppSpecRule } from '../types.js';

/** `appspec/platform-unknown`: the compute platform cannot be inferred (§3.4 steps 6–7). */
export const platformUnknown: AppSpecRule = {
  meta: {
    id: 'appspec/platform-unknown',
    defaultSeverity: 'warning',
    platforms: 'all',
    category: 'appspec',
    description: 'The compute platform (EC2/On-Premises, ECS or Lambda) cannot be inferred; only generic checks ran.',
    rationale: 'Platform rules need the platform: pass it explicitly.',
    badExample: 'version: 0.0\n',
    goodExample: 'version: 0.0\nos: linux\n',
  },
  check(ctx) {
    if (ctx.platform !== 'unknown' || ctx.inferred.step < 6) return;
    ctx.report({
      range: ctx.documentStartRange(),
      message: 'Cannot tell whether this AppSpec is for EC2/On-Premises, ECS or Lambda; only generic checks ran.',
      help: "Pass the platform ('server', 'ecs' or 'lambda').",
    });
  },
};

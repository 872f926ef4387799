import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

const NAMES = { server: 'EC2/On-Premises', ecs: 'Amazon ECS', lambda: 'AWS Lambda' } as const;

/** `appspec/platform-mismatch`: the requested platform contradicts the content (§3.4). */
export const platformMismatch: AppSpecRule = {
  meta: {
    id: 'appspec/platform-mismatch',
    defaultSeverity: 'error',
    platforms: 'all',
    order: RULE_ORDER.topLevel,
    category: 'appspec',
    description:
      'The requested platform contradicts the content (for example an ECS AppSpec linted for EC2/On-Premises).',
    rationale: 'The EC2 agent rejects an ECS AppSpec (no os); the service rejects the wrong structure.',
    badExample: 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n',
    goodExample: 'version: 0.0\nos: linux\n',
  },
  check(ctx) {
    const requested = ctx.platform;
    const inferred = ctx.inferred.platform;
    if (ctx.platformSource !== 'option' || (ctx.inferred.step !== 4 && ctx.inferred.step !== 5)) return;
    if (requested === inferred || (inferred !== 'server' && inferred !== 'ecs' && inferred !== 'lambda')) return;
    if (requested !== 'server' && requested !== 'ecs' && requested !== 'lambda') return;
    ctx.report({
      range: ctx.documentStartRange(),
      message: `This looks like an ${NAMES[inferred]} AppSpec, but it is checked as ${NAMES[requested]}.`,
      help: 'Use the AppSpec of the right platform, or pass the right platform.',
      data: { requested, inferred },
    });
  },
};

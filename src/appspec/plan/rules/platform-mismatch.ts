import { START_RANGE } from '../../../diagnostics/line-index.js';
import type { Diagnostic } from '../../../diagnostics/types.js';
import type { PlanContext } from '../context.js';
import { diagnostic, type PlanRule } from './util.js';

/** `plan/platform-mismatch`: an AppSpec of another compute platform than the deployment's. */
export const platformMismatch: PlanRule = {
  meta: {
    id: 'plan/platform-mismatch',
    defaultSeverity: 'error',
    description: "An AppSpec object belongs to another compute platform than the deployment's.",
    rationale:
      'Each compute platform has its own AppSpec structure and lifecycle; a server AppSpec cannot drive an ECS deployment, nor the other way round.',
    category: 'input',
  },
  check(ctx: PlanContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    if (ctx.requestedPlatform !== undefined) {
      out.push(
        diagnostic(
          this.meta,
          `A '${ctx.requestedPlatform}' deployment was requested, but the AppSpec is a '${ctx.platform}' AppSpec; the plan follows the AppSpec.`,
          START_RANGE,
          { data: { requested: ctx.requestedPlatform, appSpec: ctx.platform } },
        ),
      );
    }
    for (const input of ctx.inputs) {
      if (input.wrongPlatform === undefined) continue;
      out.push(
        diagnostic(
          this.meta,
          `The ${input.role === 'previous' ? 'previous' : 'most recent'} AppSpec is a '${input.wrongPlatform}' AppSpec, not a '${ctx.platform}' one; it is not used.`,
          START_RANGE,
          { data: { input: input.role, appSpec: input.wrongPlatform } },
        ),
      );
    }
    return out;
  },
};

import { START_RANGE } from '../../../diagnostics/line-index.js';
import type { Diagnostic } from '../../../diagnostics/types.js';
import { predefinedConfigNames } from '../configs.js';
import type { PlanContext } from '../context.js';
import { diagnostic, type PlanRule } from './util.js';

const PLATFORM_TEXT = { server: 'EC2/On-Premises', ecs: 'ECS', lambda: 'Lambda' } as const;

/** `plan/config-invalid`: the deployment configuration cannot apply to this deployment. */
export const configInvalid: PlanRule = {
  meta: {
    id: 'plan/config-invalid',
    defaultSeverity: 'error',
    description:
      'The deployment configuration belongs to another compute platform, or a custom configuration has values CodeDeploy does not accept.',
    rationale: 'CodeDeploy rejects a deployment group or deployment with such a configuration.',
    category: 'config',
  },
  check(ctx: PlanContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const issue of ctx.config.issues) {
      if (issue.kind === 'other-platform') {
        out.push(
          diagnostic(
            this.meta,
            `${issue.name} is a configuration of the ${PLATFORM_TEXT[issue.configPlatform]} compute platform; this is ${ctx.platform === 'server' ? 'an' : 'a'} ${PLATFORM_TEXT[ctx.platform]} deployment.`,
            START_RANGE,
            {
              data: { name: issue.name, configPlatform: issue.configPlatform },
              suggestions: predefinedConfigNames(ctx.platform),
            },
          ),
        );
      } else if (issue.kind === 'invalid') {
        out.push(diagnostic(this.meta, `Invalid custom deployment configuration: ${issue.message}.`, START_RANGE));
      }
    }
    return out;
  },
};

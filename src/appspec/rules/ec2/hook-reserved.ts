import type { AppSpecRule } from '../types.js';
import { classifyEvent, eventName, suggestEvent } from './hook-names.js';
import { hookEvents } from './util.js';

/** `ec2/hook-reserved`: scripts under a reserved event (`Install`, `DownloadBundle`, `AllowTraffic`, …). */
export const hookReserved: AppSpecRule = {
  meta: {
    id: 'ec2/hook-reserved',
    defaultSeverity: 'warning',
    platforms: ['server'],
    category: 'hooks',
    description: 'Scripts under a reserved lifecycle event, which never runs scripts.',
    rationale:
      'Start, DownloadBundle, Install, BlockTraffic, AllowTraffic and End are performed by CodeDeploy itself; the agent accepts scripts there and never runs them.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  Install:\n    - location: a.sh\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n',
  },
  check(ctx) {
    for (const event of hookEvents(ctx)) {
      if (classifyEvent(event.key) !== 'reserved') continue;
      const suggestions = suggestEvent(eventName(event));
      ctx.report({
        range: ctx.keyRange(event),
        message: `\`${eventName(event)}\` is a reserved event that CodeDeploy performs itself; scripts listed under it never run.`,
        help:
          suggestions.length > 0
            ? `Use the neighbouring scriptable event: \`${suggestions.join('` or `')}\`.`
            : 'Move the scripts to a scriptable event such as BeforeInstall or ValidateService.',
        ...(suggestions.length > 0 ? { suggestions } : {}),
      });
    }
  },
};

import type { AppSpecRule } from '../types.js';
import { classifyEvent, eventName, suggestEvent } from './hook-names.js';
import { hookEvents } from './util.js';

/** `ec2/hook-unknown`: an event name that is not an EC2 event at all (`AfterInstal`, `PostInstall`). */
export const hookUnknown: AppSpecRule = {
  meta: {
    id: 'ec2/hook-unknown',
    defaultSeverity: 'warning',
    platforms: ['server'],
    category: 'hooks',
    description: 'A hook event name that CodeDeploy never runs on EC2/On-Premises.',
    rationale:
      'The agent stores any event name without checking it; scripts under an invented or misspelled name never run.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstal:\n    - location: a.sh\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n',
  },
  check(ctx) {
    for (const event of hookEvents(ctx)) {
      if (classifyEvent(event.key) !== 'unknown') continue;
      const name = eventName(event);
      const suggestions = event.key === null ? [] : suggestEvent(event.key);
      ctx.report({
        range: ctx.keyRange(event),
        message: `\`${name}\` is not a lifecycle event; the CodeDeploy agent accepts it but never runs its scripts${suggestions.length > 0 ? ` (did you mean \`${suggestions.join('` or `')}\`?)` : ''}.`,
        help:
          suggestions.length > 0
            ? `Did you mean \`${suggestions.join('` or `')}\`?`
            : `Use one of: ${['ApplicationStop', 'BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService'].join(', ')} (or the traffic events with a load balancer).`,
        ...(suggestions.length > 0 ? { suggestions } : {}),
      });
    }
  },
};

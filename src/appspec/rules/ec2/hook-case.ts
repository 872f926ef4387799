import type { AppSpecRule } from '../types.js';
import { classifyEvent, eventName, suggestEvent } from './hook-names.js';
import { hookEvents } from './util.js';

/** `ec2/hook-case`: an event name equals a scriptable event only ignoring case (`afterInstall`). */
export const hookCase: AppSpecRule = {
  meta: {
    id: 'ec2/hook-case',
    defaultSeverity: 'warning',
    platforms: ['server'],
    category: 'hooks',
    description: 'A hook event name with the wrong capitalisation.',
    rationale: 'Event names are case-sensitive: the agent accepts `afterInstall` but never runs its scripts.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  afterInstall:\n    - location: a.sh\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n',
  },
  check(ctx) {
    for (const event of hookEvents(ctx)) {
      if (classifyEvent(event.key) !== 'case') continue;
      const suggestions = suggestEvent(eventName(event));
      ctx.report({
        range: ctx.keyRange(event),
        message: `\`${eventName(event)}\` is not spelled like the event \`${suggestions[0]}\`; event names are case-sensitive, so its scripts never run.`,
        help: `Rename it to \`${suggestions[0]}\`.`,
        suggestions,
      });
    }
  },
};

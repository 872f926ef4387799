import type { AppSpecRule } from '../types.js';
import { hookEvents } from './util.js';

/** `ec2/hook-empty`: an event's value is null, `false`, `[]` or `{}`. */
export const hookEmpty: AppSpecRule = {
  meta: {
    id: 'ec2/hook-empty',
    defaultSeverity: 'info',
    platforms: ['server'],
    category: 'structure',
    description: 'A hook event lists no scripts.',
    rationale: 'The agent ignores an empty event (very old agents failed on it); it is usually an unfinished edit.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  ApplicationStop:\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  ApplicationStop:\n    - location: scripts/stop.sh\n',
  },
  check(ctx) {
    for (const event of hookEvents(ctx)) {
      const value = event.value;
      if (ctx.isSuppressed(value)) continue;
      let empty = value === null;
      if (!empty) {
        const seq = ctx.asSeq(value);
        const map = ctx.asMap(value);
        if (seq || map) empty = (seq ?? map)?.items.length === 0;
        else {
          const v = ctx.scalar(value);
          empty = v?.kind === 'null' || (v?.kind === 'bool' && v.value === false);
        }
      }
      if (!empty) continue;
      ctx.report({
        range: ctx.keyRange(event),
        message: `Event \`${event.key ?? event.keyText}\` lists no scripts; the CodeDeploy agent ignores it.`,
        help: 'Remove the event or add `- location: …` items.',
      });
    }
  },
};

import type { AppSpecRule } from '../types.js';
import { topLevelEventMatch } from './hook-names.js';
import { rootMap } from './util.js';

/** `ec2/hook-at-top-level`: a top-level key that is (nearly) a scriptable event, outside `hooks`. */
export const hookAtTopLevel: AppSpecRule = {
  meta: {
    id: 'ec2/hook-at-top-level',
    defaultSeverity: 'warning',
    platforms: ['server'],
    category: 'hooks',
    description: 'A lifecycle event written at the top level instead of under `hooks`.',
    rationale:
      'Broken indentation moves an event out of `hooks`; the agent ignores top-level events silently, so the scripts never run.',
    badExample:
      'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\nApplicationStart:\n  - location: b.sh\n',
    goodExample:
      'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n  ApplicationStart:\n    - location: b.sh\n',
  },
  check(ctx) {
    const root = rootMap(ctx);
    if (!root) return;
    for (const entry of ctx.entries(root)) {
      const key = entry.key;
      if (key === null) continue;
      const best = topLevelEventMatch(key);
      if (!best) continue;
      ctx.report({
        range: ctx.keyRange(entry),
        message:
          best === key
            ? `The event \`${key}\` is at the top level, outside \`hooks\`; the CodeDeploy agent ignores it, so its scripts never run.`
            : `\`${key}\` at the top level looks like the event \`${best}\`, outside \`hooks\`; the CodeDeploy agent ignores it.`,
        help: `Indent it under \`hooks:\`${best === key ? '' : ` and spell it \`${best}\``}.`,
        suggestions: [best],
      });
    }
  },
};

import type { AppSpecRule } from '../types.js';
import { locationShellProblem } from './text-checks.js';
import { scriptEntries, trimmedText, valueTarget } from './util.js';

/** `ec2/location-args`: `location` holds arguments, a command or shell syntax instead of a path. */
export const locationArgs: AppSpecRule = {
  meta: {
    id: 'ec2/location-args',
    defaultSeverity: 'warning',
    stage: 'run',
    platforms: ['server'],
    category: 'hooks',
    description: '`location` contains arguments, a command or shell syntax.',
    rationale:
      'The agent takes the whole text as the path of one file; `scripts/a.sh --flag` or `bash a.sh` is accepted at parse time and then not found when the event runs.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/a.sh --flag\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/a.sh\n',
  },
  check(ctx) {
    for (const s of scriptEntries(ctx)) {
      const entry = ctx.get(s.map, 'location');
      const text = trimmedText(ctx, entry);
      if (!entry || !text || ctx.isSuppressed(entry.value)) continue;
      const problem = locationShellProblem(text);
      if (!problem) continue;
      const first = text.split(/\s+/)[0] ?? text;
      ctx.report({
        node: valueTarget(entry),
        message: `\`location\` ${problem}: the agent looks for a file named ${JSON.stringify(text)} in the bundle, which fails when the event runs.`,
        help: 'Point `location` at one script file and put arguments or commands inside that script.',
        ...(/\s/.test(text) && first !== text ? { suggestions: [first] } : {}),
      });
    }
  },
};

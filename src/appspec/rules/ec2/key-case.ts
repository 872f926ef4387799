import type { AppSpecRule } from '../types.js';
import { caseVariantOf, keyLevels } from './util.js';

/** `ec2/key-case`: a key matches a defined key only ignoring case (`Hooks`, `OS`, `Location`). */
export const keyCase: AppSpecRule = {
  meta: {
    id: 'ec2/key-case',
    defaultSeverity: 'warning',
    platforms: ['server'],
    category: 'structure',
    description: 'A key differs from a defined AppSpec key only in case.',
    rationale:
      'EC2 AppSpec keys are case-sensitive: the agent ignores `Hooks` or `RunAs` silently, or reports the real key as missing.',
    badExample: 'version: 0.0\nos: linux\nHooks:\n  AfterInstall:\n    - location: a.sh\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n',
  },
  check(ctx) {
    for (const { map, known } of keyLevels(ctx)) {
      for (const entry of ctx.entries(map)) {
        if (entry.key === null) continue;
        const target = caseVariantOf(entry.key, known);
        if (!target) continue;
        ctx.report({
          range: ctx.keyRange(entry),
          message: `\`${entry.key}\` is not \`${target}\`: AppSpec keys are case-sensitive, so the CodeDeploy agent ignores this entry.`,
          help: `Rename the key to \`${target}\`.`,
          suggestions: [target],
        });
      }
    }
  },
};

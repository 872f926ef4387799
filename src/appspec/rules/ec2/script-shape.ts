import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { eventItems, hookEvents } from './util.js';

/** `ec2/script-shape`: a script item is a string, number, null (bare `-`) or list instead of a mapping. */
export const scriptShape: AppSpecRule = {
  meta: {
    id: 'ec2/script-shape',
    defaultSeverity: 'error',
    severity2x: 'error',
    platforms: ['server'],
    order: RULE_ORDER.hooks,
    category: 'hooks',
    description: 'A script item is not a mapping with `location`.',
    rationale: 'The agent looks up `location` in each item and fails internally when the item is a bare path or empty.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - scripts/a.sh\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/a.sh\n',
  },
  check(ctx) {
    for (const event of hookEvents(ctx)) {
      for (const item of eventItems(ctx, event)) {
        if (ctx.isSuppressed(item) || ctx.asMap(item)) continue;
        const v = ctx.scalar(item);
        const path = v?.kind === 'string' ? v.text.trim() : null;
        ctx.report({
          range: ctx.itemRange(item),
          node: item,
          message: `A script of \`${event.key ?? event.keyText}\` is ${ctx.describe(item)} instead of a mapping with \`location\`; the CodeDeploy agent fails on this.`,
          help: path ? `Write \`- location: ${path}\`.` : 'Write each script as `- location: path/to/script.sh`.',
          ...(path ? { suggestions: [`location: ${path}`] } : {}),
        });
      }
    }
  },
};

import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { filesSection } from './util.js';

/** `ec2/files-item-shape`: a `files` item is a string (`- /`), null or list instead of a mapping. */
export const filesItemShape: AppSpecRule = {
  meta: {
    id: 'ec2/files-item-shape',
    defaultSeverity: 'error',
    severity2x: 'error',
    platforms: ['server'],
    order: RULE_ORDER.files,
    category: 'files',
    description: 'A `files` item is not a mapping with `source` and `destination`.',
    rationale: 'The agent rejects a string item as missing its source and fails internally on an empty item or a list.',
    badExample: 'version: 0.0\nos: linux\nfiles:\n  - /\n',
    goodExample: 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /app\n',
  },
  check(ctx) {
    const section = filesSection(ctx);
    if (!section) return;
    for (const item of section.items) {
      if (ctx.isSuppressed(item) || ctx.asMap(item)) continue;
      ctx.report({
        range: ctx.itemRange(item),
        node: item,
        message: `A \`files\` item is ${ctx.describe(item)} instead of a mapping with \`source\` and \`destination\`; the CodeDeploy agent rejects it.`,
        help: 'Write `- source: <bundle path>` with `destination: <absolute instance path>` below it.',
      });
    }
  },
};

import { suggestNames } from '../../../diagnostics/suggest.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { isNullEntry, rootMap } from './util.js';

/** `ec2/version-missing`: no `version` key, or its value is null. */
export const versionMissing: AppSpecRule = {
  meta: {
    id: 'ec2/version-missing',
    defaultSeverity: 'error',
    platforms: ['server'],
    order: RULE_ORDER.version,
    category: 'structure',
    description: 'The AppSpec has no `version` (keys are case-sensitive), or it is empty.',
    rationale: 'The agent rejects an AppSpec whose version is not numeric 0.0.',
    badExample: 'Version: 0.0\nos: linux\n',
    goodExample: 'version: 0.0\nos: linux\n',
  },
  check(ctx) {
    const root = rootMap(ctx);
    if (!root) return;
    const entry = ctx.get(root, 'version');
    if (entry && !isNullEntry(ctx, entry)) return;
    if (entry) {
      ctx.report({
        range: ctx.keyRange(entry),
        message: '`version` has no value; the CodeDeploy agent needs `version: 0.0`.',
        help: 'Write `version: 0.0` (unquoted).',
        suggestions: ['version: 0.0'],
      });
      return;
    }
    const variants = ctx
      .entries(root)
      .filter((e) => e.key !== null && e.key !== 'version' && suggestNames(e.key, ['version']).length > 0);
    const named = variants[0]?.key;
    ctx.report({
      range: ctx.documentStartRange(),
      message: named
        ? `The AppSpec has no \`version\` key: \`${named}\` does not count (keys are case-sensitive).`
        : 'The AppSpec has no `version` key; the CodeDeploy agent needs `version: 0.0`.',
      help: 'Add `version: 0.0` (unquoted) at the top level.',
      suggestions: ['version: 0.0'],
      ...(variants[0]
        ? { related: [{ range: ctx.keyRange(variants[0]), message: `\`${named}\` is not \`version\`` }] }
        : {}),
    });
  },
};

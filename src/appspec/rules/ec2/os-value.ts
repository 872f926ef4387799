import { suggestNames } from '../../../diagnostics/suggest.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { suggestOs } from './text-checks.js';
import { isNullEntry, rootMap, valueTarget } from './util.js';

/** `ec2/os-value`: `os` is not exactly `linux` or `windows`. */
export const osValue: AppSpecRule = {
  meta: {
    id: 'ec2/os-value',
    defaultSeverity: 'error',
    platforms: ['server'],
    order: RULE_ORDER.os,
    category: 'structure',
    description: '`os` is not exactly `linux` or `windows`.',
    rationale:
      'The agent accepts only the lower-case words linux and windows; distribution names and case variants are rejected.',
    badExample: 'version: 0.0\nos: ubuntu\n',
    goodExample: 'version: 0.0\nos: linux\n',
  },
  check(ctx) {
    const root = rootMap(ctx);
    if (!root) return;
    const entry = ctx.get(root, 'os');
    if (!entry || isNullEntry(ctx, entry) || ctx.isSuppressed(entry.value)) return;
    const v = ctx.scalar(entry.value);
    if (v?.kind === 'string' && (v.value === 'linux' || v.value === 'windows')) return;
    const text = v ? v.text : ctx.describe(entry.value);
    const fromName = suggestOs(text);
    const suggestions = fromName.length > 0 ? fromName : suggestNames(text, ['linux', 'windows']);
    ctx.report({
      node: valueTarget(entry),
      message: `\`os\` is ${JSON.stringify(text)}; the CodeDeploy agent accepts only \`linux\` or \`windows\` and rejects the AppSpec.`,
      help: suggestions.length > 0 ? `Write \`os: ${suggestions[0]}\`.` : 'Write `os: linux` or `os: windows`.',
      suggestions: suggestions.length > 0 ? suggestions : ['linux', 'windows'],
    });
  },
};

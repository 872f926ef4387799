import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { isNullEntry, rootMap, valueTarget } from './util.js';

/** `ec2/version-value`: `version` is not a string and not numeric zero (`1`, `1.0`, `true`, a list). */
export const versionValue: AppSpecRule = {
  meta: {
    id: 'ec2/version-value',
    defaultSeverity: 'error',
    platforms: ['server'],
    order: RULE_ORDER.version,
    category: 'structure',
    description: '`version` is not 0.0.',
    rationale: 'The only AppSpec version the agent supports is 0.0; any other value is rejected.',
    badExample: 'version: 1.0\nos: linux\n',
    goodExample: 'version: 0.0\nos: linux\n',
  },
  check(ctx) {
    const root = rootMap(ctx);
    if (!root) return;
    const entry = ctx.get(root, 'version');
    if (!entry || isNullEntry(ctx, entry) || ctx.isSuppressed(entry.value)) return;
    const v = ctx.scalar(entry.value);
    if (v && (v.kind === 'string' || v.kind === 'date' || v.kind === 'timestamp')) return;
    if (v && typeof v.value === 'number' && v.value === 0) return;
    ctx.report({
      node: valueTarget(entry),
      message: `\`version\` is ${v ? v.text || ctx.describe(entry.value) : ctx.describe(entry.value)}; the CodeDeploy agent accepts only 0.0 and rejects the AppSpec.`,
      help: 'Write `version: 0.0`.',
      suggestions: ['0.0'],
    });
  },
};

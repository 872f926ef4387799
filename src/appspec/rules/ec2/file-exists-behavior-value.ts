import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { isNullEntry, rootMap, valueTarget } from './util.js';

const VALUES = ['DISALLOW', 'OVERWRITE', 'RETAIN'];

/** `ec2/file-exists-behavior-value`: `file_exists_behavior` is not exactly DISALLOW, OVERWRITE or RETAIN. */
export const fileExistsBehaviorValue: AppSpecRule = {
  meta: {
    id: 'ec2/file-exists-behavior-value',
    defaultSeverity: 'error',
    platforms: ['server'],
    order: RULE_ORDER.fileExistsBehavior,
    category: 'files',
    description: '`file_exists_behavior` is not DISALLOW, OVERWRITE or RETAIN.',
    rationale:
      'The values are case-sensitive; `overwrite` or `yes` (a boolean in YAML 1.1) makes the agent reject the AppSpec.',
    badExample: 'version: 0.0\nos: linux\nfile_exists_behavior: overwrite\n',
    goodExample: 'version: 0.0\nos: linux\nfile_exists_behavior: OVERWRITE\n',
  },
  check(ctx) {
    const root = rootMap(ctx);
    const entry = root ? ctx.get(root, 'file_exists_behavior') : undefined;
    if (!entry || isNullEntry(ctx, entry) || ctx.isSuppressed(entry.value)) return;
    const v = ctx.scalar(entry.value);
    if (v?.kind === 'string' && VALUES.includes(v.value as string)) return;
    const text = v ? v.text : ctx.describe(entry.value);
    const upper = text.toUpperCase();
    const suggestion = VALUES.includes(upper) ? upper : v?.kind === 'bool' && v.value === true ? 'OVERWRITE' : null;
    ctx.report({
      node: valueTarget(entry),
      message: `\`file_exists_behavior\` is ${v?.kind === 'bool' ? `the boolean ${text}` : JSON.stringify(text)}; the CodeDeploy agent accepts only DISALLOW, OVERWRITE or RETAIN (upper case) and rejects the AppSpec.`,
      help: suggestion ? `Write \`file_exists_behavior: ${suggestion}\`.` : 'Use DISALLOW, OVERWRITE or RETAIN.',
      suggestions: suggestion ? [suggestion] : VALUES,
    });
  },
};

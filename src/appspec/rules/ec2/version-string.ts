import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { rootMap, scalarOf, valueTarget } from './util.js';

/** `ec2/version-string`: `version` resolves to a string (`"0.0"`, `'0'`, `0e0`). */
export const versionString: AppSpecRule = {
  meta: {
    id: 'ec2/version-string',
    defaultSeverity: 'error',
    severity2x: 'error',
    platforms: ['server'],
    order: RULE_ORDER.version,
    category: 'yaml',
    description: '`version` is a string; the EC2 agent accepts only the number 0.0.',
    rationale:
      'The User Guide writes the version as a string, but the agent compares it with the number 0.0 and rejects every string, including "0.0" and the plain 0e0 (a string in YAML 1.1).',
    badExample: 'version: "0.0"\nos: linux\n',
    goodExample: 'version: 0.0\nos: linux\n',
  },
  check(ctx) {
    const root = rootMap(ctx);
    if (!root) return;
    const entry = ctx.get(root, 'version');
    const v = scalarOf(ctx, entry);
    if (!entry || !v || v.kind !== 'string' || ctx.isSuppressed(entry.value)) return;
    ctx.report({
      node: valueTarget(entry),
      message: `\`version\` is the string ${JSON.stringify(v.text)}; the CodeDeploy agent accepts only the number 0.0 and rejects the AppSpec.`,
      help: 'Write `version: 0.0` without quotes.',
      suggestions: ['0.0'],
    });
  },
};

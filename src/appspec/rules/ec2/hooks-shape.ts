import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { rootMap, valueTarget } from './util.js';

/** `ec2/hooks-shape`: `hooks` is a list, string, number or `true` instead of a mapping. */
export const hooksShape: AppSpecRule = {
  meta: {
    id: 'ec2/hooks-shape',
    defaultSeverity: 'error',
    severity2x: 'error',
    platforms: ['server'],
    order: RULE_ORDER.hooks,
    category: 'structure',
    description: '`hooks` is not a mapping of event names to script lists.',
    rationale: 'The agent fails with an internal error when `hooks` is a list (ECS/Lambda style) or a scalar.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  - AfterInstall:\n      - location: a.sh\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n',
  },
  check(ctx) {
    const root = rootMap(ctx);
    const entry = root ? ctx.get(root, 'hooks') : undefined;
    if (!entry || ctx.isSuppressed(entry.value) || ctx.asMap(entry.value)) return;
    if (!ctx.asSeq(entry.value)) {
      const v = ctx.scalar(entry.value);
      if (!v || v.kind === 'null' || (v.kind === 'bool' && v.value === false)) return;
    }
    ctx.report({
      node: valueTarget(entry),
      message: `\`hooks\` is ${ctx.describe(entry.value)}; the CodeDeploy agent needs a mapping of event names to script lists and fails on this.`,
      help: 'Write `hooks:` followed by indented `EventName:` keys, each holding a list of `- location: …` items.',
    });
  },
};

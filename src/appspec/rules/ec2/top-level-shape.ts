import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `ec2/top-level-shape`: the document is a list or a non-null scalar instead of a mapping. */
export const topLevelShape: AppSpecRule = {
  meta: {
    id: 'ec2/top-level-shape',
    defaultSeverity: 'error',
    severity2x: 'error',
    platforms: ['server'],
    order: RULE_ORDER.topLevel,
    category: 'structure',
    description: 'The top level of the AppSpec is a list or a scalar instead of a mapping.',
    rationale:
      'The agent fails with an internal error on a list, number or true, and rejects a string as an invalid version.',
    badExample: '- version: 0.0\n  os: linux\n',
    goodExample: 'version: 0.0\nos: linux\n',
  },
  check(ctx) {
    const root = ctx.root;
    if (!root || ctx.asMap(root) || ctx.isSuppressed(root)) return;
    if (!ctx.asSeq(root)) {
      const v = ctx.scalar(root);
      if (!v || v.kind === 'null' || (v.kind === 'bool' && v.value === false)) return;
    }
    ctx.report({
      node: root,
      message: `The top level of the AppSpec is ${ctx.describe(root)}; the CodeDeploy agent needs a mapping of keys (version, os, hooks, …).`,
      help: 'Write the top level as a mapping: `version: 0.0` and `os: linux` at column 1.',
    });
  },
};

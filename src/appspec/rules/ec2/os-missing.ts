import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { isNullEntry, rootMap } from './util.js';

/** `ec2/os-missing`: no `os` key, or its value is null. */
export const osMissing: AppSpecRule = {
  meta: {
    id: 'ec2/os-missing',
    defaultSeverity: 'error',
    platforms: ['server'],
    order: RULE_ORDER.os,
    category: 'structure',
    description: 'The AppSpec has no `os` (keys are case-sensitive), or it is empty.',
    rationale: 'The agent rejects an AppSpec without `os: linux` or `os: windows`.',
    badExample: 'version: 0.0\n',
    goodExample: 'version: 0.0\nos: linux\n',
  },
  check(ctx) {
    const root = rootMap(ctx);
    if (!root) return;
    const entry = ctx.get(root, 'os');
    if (entry && !isNullEntry(ctx, entry)) return;
    ctx.report({
      range: entry ? ctx.keyRange(entry) : ctx.documentStartRange(),
      message: entry
        ? '`os` has no value; the CodeDeploy agent needs `os: linux` or `os: windows`.'
        : 'The AppSpec has no `os` key; the CodeDeploy agent needs `os: linux` or `os: windows`.',
      help: 'Add `os: linux` or `os: windows` at the top level.',
      suggestions: ['os: linux', 'os: windows'],
    });
  },
};

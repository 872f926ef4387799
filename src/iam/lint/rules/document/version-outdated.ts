import type { PolicyRule } from '../../types.js';
import { ALL, checkRule } from './shared.js';
import { member } from './tree.js';

/** `version-outdated`: `Version` is `2008-10-17`. */
export const versionOutdated: PolicyRule = checkRule(
  {
    id: 'version-outdated',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ALL,
    description: 'Version is the old "2008-10-17".',
    rationale: 'The old language version disables policy variables; new features need "2012-10-17".',
    badExample: '{"Version": "2008-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}',
    goodExample: '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}',
  },
  (ctx) => {
    if (ctx.policy.version !== '2008-10-17') return;
    const v = member(ctx.tree, 'Version')?.value;
    ctx.report({
      at: v ?? { pointer: '/Version' },
      message: 'Version "2008-10-17" is outdated: policy variables are not recognised.',
      suggestions: ['2012-10-17'],
      help: 'Use "Version": "2012-10-17".',
    });
  },
);

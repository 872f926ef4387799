import type { PolicyRule } from '../../types.js';
import { checkRule } from './shared.js';
import { headAt } from './tree.js';

/** `guardrail-no-allow`: a boundary, session policy or SCP without any `Allow` statement. */
export const guardrailNoAllow: PolicyRule = checkRule(
  {
    id: 'guardrail-no-allow',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: Object.freeze(['boundary', 'session', 'scp'] as const),
    description: 'A permissions boundary, session policy or SCP has no Allow statement.',
    rationale:
      'These policies must allow an action explicitly; with only Deny statements they deny everything they limit.',
    badExample: '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "iam:*", "Resource": "*"}]}',
    goodExample:
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "iam:*", "Resource": "*"}]}',
  },
  (ctx) => {
    const statements = ctx.policy.statements;
    if (statements.length === 0 || statements.some((s) => s.effect === 'Allow')) return;
    ctx.report({
      at: ctx.tree ? headAt(ctx.tree) : { pointer: '' },
      message: `This ${ctx.type === 'scp' ? 'SCP' : `${ctx.type} policy`} has no Allow statement, so it denies every action it limits.`,
      help: 'Add an Allow statement for the actions that should stay possible (for example "Action": "*", "Resource": "*").',
    });
  },
);

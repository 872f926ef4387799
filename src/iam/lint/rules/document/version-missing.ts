// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the examples show policy variables.
import type { PolicyRule } from '../../types.js';
import { ALL, checkRule } from './shared.js';
import { headAt, member } from './tree.js';

/** `version-missing`: no `Version` element (an error for SCPs and RCPs, §1.3). */
export const versionMissing: PolicyRule = checkRule(
  {
    id: 'version-missing',
    defaultSeverity: 'warning',
    severityByType: { scp: 'error', rcp: 'error' },
    category: 'correctness',
    appliesTo: ALL,
    description: 'The policy has no Version element.',
    rationale:
      'Without "Version": "2012-10-17" policy variables such as ${aws:username} are literal text; SCPs and RCPs require the element.',
    badExample:
      '{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::home/${aws:username}/*"}]}',
    goodExample:
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::home/${aws:username}/*"}]}',
  },
  (ctx) => {
    if (ctx.policy.version !== undefined) return;
    if (ctx.tree && member(ctx.tree, 'Version')) return; // present but not a string: value-type-invalid
    ctx.report({
      at: ctx.tree ? headAt(ctx.tree) : { pointer: '' },
      message: 'The policy has no Version; policy variables are treated as literal text.',
      help: 'Add "Version": "2012-10-17" as the first element.',
      suggestions: ['"Version": "2012-10-17"'],
    });
  },
);

import type { PolicyRule } from '../../types.js';
import { parserRule } from './shared.js';

/** `element-not-allowed` (reported by `parsePolicy`): An element the policy type forbids: Id in an SCP/RCP, NotAction in an RCP, Resource/NotResource in a trust policy, NotPrincipal in a trust policy or RCP. */
export const elementNotAllowed: PolicyRule = parserRule({
  id: 'element-not-allowed',
  defaultSeverity: 'error',
  category: 'correctness',
  appliesTo: ['scp', 'rcp', 'trust'],
  description:
    'An element the policy type forbids: Id in an SCP/RCP, NotAction in an RCP, Resource/NotResource in a trust policy, NotPrincipal in a trust policy or RCP.',
  rationale: 'Each policy type has its own grammar (spec §1.3); AWS rejects the document.',
  badExample:
    '{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole", "Resource": "*"}',
  goodExample: '{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}',
});

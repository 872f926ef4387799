import type { PolicyRule } from '../../types.js';
import { checkRule, ID_LIKE } from './shared.js';
import { keyAt, member } from './tree.js';

/** `id-in-identity-policy`: an `Id` element in an identity, boundary or session policy (§1.3 note 2). */
export const idInIdentityPolicy: PolicyRule = checkRule(
  {
    id: 'id-in-identity-policy',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ID_LIKE,
    description: 'An identity, boundary or session policy has an Id element.',
    rationale: 'The grammar notes exclude Id from identity-based policies; it has no effect there.',
    badExample:
      '{"Version": "2012-10-17", "Id": "MyPolicy", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}',
    goodExample: '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}',
  },
  (ctx) => {
    const e = member(ctx.tree, 'Id');
    if (!e && ctx.policy.policyId === undefined) return;
    ctx.report({
      at: e ? keyAt(e) : { pointer: '/Id' },
      message: `Id is not used in ${ctx.type} policies; remove it.`,
    });
  },
);

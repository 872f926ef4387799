import { defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `notprincipal-deny`: a `Deny` statement that uses `NotPrincipal`. */
export const notprincipalDeny: SemanticRule = defineRule(
  {
    id: 'notprincipal-deny',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ['resource', 'endpoint'],
    description: 'A Deny statement uses NotPrincipal.',
    rationale:
      'NotPrincipal with Deny always denies principals that have a permissions boundary, and account/role/session levels must all be listed; a condition on aws:PrincipalArn is clearer.',
    badExample:
      '{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:*","Resource":"arn:aws:s3:::b/*"}',
    goodExample:
      '{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b/*","Condition":{"ArnNotEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:user/alice"}}}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      if (st.effect === 'Deny' && st.notPrincipal) {
        out.push({
          at: st.notPrincipal,
          message: 'Deny with NotPrincipal also denies every listed principal that has a permissions boundary.',
          help: 'Use "Principal": "*" with an ArnNotEquals condition on aws:PrincipalArn.',
        });
      }
    }
    return out;
  },
);

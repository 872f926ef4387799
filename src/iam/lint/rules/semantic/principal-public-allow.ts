import { conditionOnAny, isPublicPrincipal, PRINCIPAL_SCOPING_KEYS } from './shared/policy.js';
import { defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `principal-public-allow`: an `Allow` to every principal without a condition that scopes the caller. */
export const principalPublicAllow: SemanticRule = defineRule(
  {
    id: 'principal-public-allow',
    defaultSeverity: 'warning',
    category: 'security',
    appliesTo: ['resource', 'endpoint'],
    description:
      'An Allow statement names "*" (or {"AWS":"*"}) as principal without a condition on aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:SourceArn, aws:SourceAccount, aws:SourceVpce, aws:SourceVpc or aws:SourceIp.',
    rationale: 'It grants public, anonymous access to the resource.',
    badExample: '{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}',
    goodExample:
      '{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      if (st.effect !== 'Allow' || !st.principal || !isPublicPrincipal(st.principal)) continue;
      if (conditionOnAny(st, PRINCIPAL_SCOPING_KEYS)) continue;
      out.push({
        at: st.principal,
        message: 'This statement allows every principal, including anonymous callers.',
        help: 'Name the principals, or add a condition such as aws:PrincipalOrgID or aws:SourceVpce.',
      });
    }
    return out;
  },
);

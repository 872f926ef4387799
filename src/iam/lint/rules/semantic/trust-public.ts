import { admitsAction, conditionOnAny, isPublicPrincipal, PRINCIPAL_SCOPING_KEYS } from './shared/policy.js';
import { defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'];

/** `trust-public`: a trust policy that lets every principal assume the role without a scoping condition. */
export const trustPublic: SemanticRule = defineRule(
  {
    id: 'trust-public',
    defaultSeverity: 'warning',
    category: 'security',
    appliesTo: ['trust'],
    description:
      'A trust policy allows sts:AssumeRole* to "*" without a condition on the caller (aws:PrincipalArn, aws:PrincipalOrgID, aws:SourceAccount, …).',
    rationale: 'Anyone could become the role.',
    badExample: '{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}',
    goodExample:
      '{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      if (st.effect !== 'Allow' || !st.principal || !isPublicPrincipal(st.principal)) continue;
      if (!ASSUME_ACTIONS.some((a) => admitsAction(st, a)) || conditionOnAny(st, PRINCIPAL_SCOPING_KEYS)) continue;
      out.push({
        at: st.principal,
        message: 'Any principal, in any account, can assume this role.',
        help: 'Name the trusted principals, or add a condition such as aws:PrincipalOrgID or aws:PrincipalArn.',
      });
    }
    return out;
  },
);

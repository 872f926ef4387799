import { admitsAction } from './shared/policy.js';
import { oidcHost } from './shared/principal.js';
import { defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `trust-federated-unconstrained`: an OIDC provider trusted for web identity without a condition on its keys. */
export const trustFederatedUnconstrained: SemanticRule = defineRule(
  {
    id: 'trust-federated-unconstrained',
    defaultSeverity: 'warning',
    category: 'security',
    appliesTo: ['trust'],
    description:
      'A Federated OIDC principal is allowed sts:AssumeRoleWithWebIdentity without a condition on a key of that provider (such as "<host>:aud" or "<host>:sub").',
    rationale: 'Any identity of the provider (for example any GitHub repository) could assume the role.',
    badExample:
      '{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity"}',
    goodExample:
      '{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:org/app:ref:refs/heads/main"}}}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      if (st.effect !== 'Allow' || !st.principal || !admitsAction(st, 'sts:AssumeRoleWithWebIdentity')) continue;
      const keys = (st.condition ?? []).map((e) => e.key.toLowerCase());
      for (const e of st.principal.entries) {
        if (e.kind !== 'Federated') continue;
        for (const v of e.values) {
          const host = oidcHost(v.value);
          if (!host) continue;
          const prefix = `${host.toLowerCase()}:`;
          if (keys.some((k) => k.startsWith(prefix))) continue;
          out.push({
            at: v,
            message: `Any identity of '${host}' can assume this role: no condition tests a '${host}:' key.`,
            help: `Add a condition on '${host}:aud' and '${host}:sub'.`,
            data: { provider: host },
          });
        }
      }
    }
    return out;
  },
);

import { admitsAction } from './shared/policy.js';
import { defineRule, ID_LIKE, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `passrole-star`: `Allow` of `iam:PassRole` on `"*"` (or with `NotResource`). */
export const passroleStar: SemanticRule = defineRule(
  {
    id: 'passrole-star',
    defaultSeverity: 'warning',
    category: 'security',
    appliesTo: ID_LIKE,
    description:
      'An Allow statement admits iam:PassRole (explicitly, by wildcard or via NotAction) with Resource "*" or any NotResource.',
    rationale: 'The principal can hand any role to a service, which is a privilege escalation path.',
    badExample: '{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}',
    goodExample: '{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/app-*"}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      if (st.effect !== 'Allow' || !admitsAction(st, 'iam:PassRole')) continue;
      const star = st.resource?.find((v) => v.value === '*');
      if (!star && !st.notResource) continue;
      out.push({
        at: star ?? st.notResource?.[0] ?? st,
        message: 'This statement lets the principal pass any role to a service (iam:PassRole on every role).',
        help: 'Limit Resource to the roles that may be passed, and consider an iam:PassedToService condition.',
      });
    }
    return out;
  },
);

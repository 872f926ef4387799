import { isAccountId, parsePrincipalArn, uniqueIdKind } from '../../../policy/arn.js';
import { defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `notprincipal-incomplete`: a `NotPrincipal` user/session ARN listed without its account (and role). */
export const notprincipalIncomplete: SemanticRule = defineRule(
  {
    id: 'notprincipal-incomplete',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ['resource', 'endpoint'],
    description:
      'NotPrincipal lists a user or session ARN without its account (and, for a role session, without its role) in the same list.',
    rationale: 'Services may check the account and role first, so the intended exception can still be denied.',
    badExample:
      '{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:sts::111122223333:assumed-role/App/s1"},"Action":"s3:*","Resource":"*"}',
    goodExample:
      '{"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:sts::111122223333:assumed-role/App/s1","arn:aws:iam::111122223333:role/App","111122223333"]},"Action":"s3:*","Resource":"*"}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      if (!st.notPrincipal) continue;
      const values = st.notPrincipal.entries.filter((e) => e.kind === 'AWS').flatMap((e) => e.values);
      const accounts = new Set<string>();
      const roles = new Set<string>();
      let roleIds = false;
      for (const v of values) {
        if (isAccountId(v.value)) accounts.add(v.value);
        const arn = parsePrincipalArn(v.value);
        if (arn?.kind === 'root') accounts.add(arn.account);
        if (arn?.kind === 'role') roles.add(`${arn.account}/${arn.name ?? ''}`);
        if (uniqueIdKind(v.value) === 'role') roleIds = true;
      }
      for (const v of values) {
        const arn = parsePrincipalArn(v.value);
        if (!arn || (arn.kind !== 'user' && arn.kind !== 'assumed-role' && arn.kind !== 'federated-user')) continue;
        const missing: string[] = [];
        if (!accounts.has(arn.account)) missing.push(`account ${arn.account}`);
        if (arn.kind === 'assumed-role' && !roleIds && !roles.has(`${arn.account}/${arn.name ?? ''}`)) {
          missing.push(`role ${arn.name ?? ''}`);
        }
        if (missing.length > 0) {
          out.push({
            at: v,
            message: `NotPrincipal lists '${v.value}' without its ${missing.join(' and ')}; the exception may not apply.`,
            help: 'List every level of the principal: its account, its role (for a session) and the principal itself.',
            data: { missing },
          });
        }
      }
    }
    return out;
  },
);

import { conditionEntries } from './shared/conditions.js';
import { keyFacts } from './shared/policy.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `set-operator-single-valued-key`: `ForAllValues:`/`ForAnyValue:` on a key known to be single-valued. */
export const setOperatorSingleValuedKey: SemanticRule = defineRule(
  {
    id: 'set-operator-single-valued-key',
    defaultSeverity: 'warning',
    category: 'security',
    appliesTo: ALL_TYPES,
    description:
      'A ForAllValues/ForAnyValue operator is used on a key known to be single-valued (a security finding for ForAllValues in an Allow statement).',
    rationale:
      'Set operators are meant for multivalued keys; ForAllValues is vacuously true when the key is absent, which can make an Allow overly permissive.',
    badExample:
      '{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}}',
    goodExample:
      '{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}}',
  },
  ({ policy, catalog }) => {
    const out: SemanticFinding[] = [];
    for (const { st, e } of conditionEntries(policy)) {
      if (!e.setOperator) continue;
      const facts = keyFacts(e.key, catalog);
      if (!facts?.type || facts.multivalued) continue;
      const security = e.setOperator === 'ForAllValues' && st.effect === 'Allow';
      out.push({
        at: e.operatorLocation,
        message: `${e.setOperator} is used on ${facts.name}, which is single-valued${security ? '; the Allow also applies when the key is absent' : ''}.`,
        help: `Drop the ${e.setOperator}: prefix.`,
        data: { security },
      });
    }
    return out;
  },
);

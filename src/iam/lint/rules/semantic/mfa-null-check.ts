import { parseBool } from '../../../policy/values.js';
import { conditionValues, onKey } from './shared/conditions.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `mfa-null-check`: `Null` on `aws:MultiFactorAuthPresent` (`false` in Allow, `true` in Deny). */
export const mfaNullCheck: SemanticRule = defineRule(
  {
    id: 'mfa-null-check',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description: 'A Null condition on aws:MultiFactorAuthPresent ("false" in an Allow, "true" in a Deny).',
    rationale:
      'The key is present for every request with temporary credentials, with or without MFA: Null tests the credential type, not MFA.',
    badExample:
      '{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Null":{"aws:MultiFactorAuthPresent":"false"}}}',
    goodExample:
      '{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const { st, e, v } of conditionValues(policy)) {
      if (!e.known || e.baseOperator !== 'Null' || !onKey(e, 'aws:MultiFactorAuthPresent')) continue;
      const b = parseBool(v.value);
      if ((st.effect === 'Allow' && b === false) || (st.effect === 'Deny' && b === true)) {
        out.push({
          at: v,
          message:
            'Null on aws:MultiFactorAuthPresent tests whether temporary credentials were used, not whether MFA was.',
          help:
            st.effect === 'Allow'
              ? 'Use Bool {"aws:MultiFactorAuthPresent": "true"}.'
              : 'Use BoolIfExists {"aws:MultiFactorAuthPresent": "false"}.',
        });
      }
    }
    return out;
  },
);

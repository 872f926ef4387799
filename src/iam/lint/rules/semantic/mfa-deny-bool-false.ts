import { parseBool } from '../../../policy/values.js';
import { conditionValues, onKey } from './shared/conditions.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `mfa-deny-bool-false`: `Deny` with `Bool {"aws:MultiFactorAuthPresent": "false"}` (not IfExists). */
export const mfaDenyBoolFalse: SemanticRule = defineRule(
  {
    id: 'mfa-deny-bool-false',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description: 'A Deny statement uses Bool {"aws:MultiFactorAuthPresent": "false"} without IfExists.',
    rationale:
      'Requests signed with long-term access keys carry no aws:MultiFactorAuthPresent key, so they are not denied.',
    badExample:
      '{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}',
    goodExample:
      '{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const { st, e, v } of conditionValues(policy)) {
      if (st.effect !== 'Deny' || !e.known || e.baseOperator !== 'Bool' || e.ifExists || e.setOperator) continue;
      if (!onKey(e, 'aws:MultiFactorAuthPresent') || parseBool(v.value) !== false) continue;
      out.push({
        at: e.operatorLocation,
        message: 'This Deny does not apply to requests made with long-term access keys (the MFA key is absent there).',
        help: 'Use BoolIfExists so that a missing key is treated as "no MFA".',
        suggestions: ['BoolIfExists'],
      });
    }
    return out;
  },
);

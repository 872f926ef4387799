import { parseBool } from '../../../policy/values.js';
import { conditionValues } from './shared/conditions.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `null-value-invalid`: a `Null` condition value other than `true`/`false`. */
export const nullValueInvalid: SemanticRule = defineRule(
  {
    id: 'null-value-invalid',
    defaultSeverity: 'error',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description: 'A Null condition has a value other than "true" or "false".',
    rationale: 'Null only tests whether a key is present; any other value never matches.',
    badExample: '{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Null":{"aws:TokenIssueTime":"yes"}}}',
    goodExample: '{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Null":{"aws:TokenIssueTime":"true"}}}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const { e, v } of conditionValues(policy)) {
      if (e.known && e.baseOperator === 'Null' && parseBool(v.value) === undefined) {
        out.push({
          at: v,
          message: `Null condition value '${v.value}' is neither "true" nor "false".`,
          help: 'Use "true" (key absent) or "false" (key present).',
        });
      }
    }
    return out;
  },
);

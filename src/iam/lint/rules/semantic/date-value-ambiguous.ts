import { parseDate, parseDecimal } from '../../../policy/values.js';
import { conditionValues, onKey } from './shared/conditions.js';
import { familyOf } from './shared/policy.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** Epoch values at or above this many seconds (year 5138) are probably milliseconds. */
const MS_THRESHOLD = 1e11;

/** `date-value-ambiguous`: a date-time without zone, or an epoch value that looks like milliseconds. */
export const dateValueAmbiguous: SemanticRule = defineRule(
  {
    id: 'date-value-ambiguous',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description:
      'A Date condition value is a date-time without a time zone, or an epoch value of at least 10^11 (probably milliseconds).',
    rationale: 'Zone-less times are read as UTC, and epoch values are seconds.',
    badExample:
      '{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"1735689600000"}}}',
    goodExample:
      '{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"1735689600"}}}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const { e, v } of conditionValues(policy)) {
      const family = familyOf(e);
      if (family === 'Date') {
        const d = parseDate(v.value);
        const dec = parseDecimal(v.value);
        if (d?.noZone) {
          out.push({
            at: v,
            message: `'${v.value}' has no time zone; it is read as UTC.`,
            help: "Add 'Z' or an offset such as '+02:00'.",
          });
        } else if (dec && Number(dec.int) >= MS_THRESHOLD) {
          out.push(millis(v, v.value));
        }
      } else if (family === 'Numeric' && onKey(e, 'aws:EpochTime')) {
        const dec = parseDecimal(v.value);
        if (dec && Number(dec.int) >= MS_THRESHOLD) out.push(millis(v, v.value));
      }
    }
    return out;
  },
);

function millis(at: SemanticFinding['at'], value: string): SemanticFinding {
  return {
    at,
    message: `'${value}' looks like milliseconds; epoch values in policies are seconds.`,
    help: 'Divide by 1000.',
  };
}

import { splitArn } from '../../../policy/arn.js';
import type { OperatorFamily } from '../../../policy/operators.js';
import { decodeBase64, parseBool, parseDate, parseDecimal, parseIp } from '../../../policy/values.js';
import { conditionValues } from './shared/conditions.js';
import { familyOf, variablesOf } from './shared/policy.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

const PARSERS: Partial<Record<OperatorFamily, { readonly ok: (v: string) => boolean; readonly expect: string }>> = {
  Numeric: { ok: (v) => parseDecimal(v) !== undefined, expect: 'a decimal number such as 10 or 2.5' },
  Date: {
    ok: (v) => parseDate(v) !== undefined,
    expect: 'an ISO 8601 date such as 2024-06-01T00:00:00Z, or epoch seconds',
  },
  Bool: { ok: (v) => parseBool(v) !== undefined, expect: '"true" or "false"' },
  Binary: { ok: (v) => decodeBase64(v) !== undefined, expect: 'base64 text with padding' },
  IpAddress: { ok: (v) => parseIp(v) !== undefined, expect: 'an IPv4 or IPv6 address or CIDR range' },
  Arn: { ok: (v) => splitArn(v) !== null, expect: 'an ARN with six colon-separated components' },
};

/** `condition-value-invalid`: a condition value that cannot be parsed for its operator family. */
export const conditionValueInvalid: SemanticRule = defineRule(
  {
    id: 'condition-value-invalid',
    defaultSeverity: 'error',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description:
      'A condition value cannot be parsed for its operator family (number, date, boolean, base64, IP address, or an ARN with six components).',
    rationale: 'An unparsable policy value never matches (spec/iam.md §3.3).',
    badExample:
      '{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"1h"}}}',
    goodExample:
      '{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const { e, v } of conditionValues(policy)) {
      const family = familyOf(e);
      const parser = family ? PARSERS[family] : undefined;
      if (!parser || parser.ok(v.value)) continue;
      // A variable is reported by the variable rules; its substituted value is unknown here.
      if (variablesOf(v.value, policy.variablesEnabled).length > 0) continue;
      out.push({
        at: v,
        message: `'${v.value}' is not a valid ${family} value for ${e.operator}; expected ${parser.expect}.`,
        data: { family },
      });
    }
    return out;
  },
);

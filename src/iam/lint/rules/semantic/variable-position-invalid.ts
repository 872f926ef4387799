// biome-ignore-all lint/suspicious/noTemplateCurlyInString: policy variables are literal text in examples and messages
import type { OperatorFamily } from '../../../policy/operators.js';
import { familyOf, templateOf } from './shared/policy.js';
import { valueSites } from './shared/variables.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

const NO_VARIABLES: ReadonlySet<OperatorFamily> = new Set(['Numeric', 'Date', 'Binary', 'IpAddress', 'Null']);

/** Offset of the fifth colon of `text`, or `text.length` when it has fewer. */
function fifthColon(text: string): number {
  let at = -1;
  for (let i = 0; i < 5; i++) {
    at = text.indexOf(':', at + 1);
    if (at < 0) return text.length;
  }
  return at;
}

/** `variable-position-invalid`: a policy variable where variables are not substituted. */
export const variablePositionInvalid: SemanticRule = defineRule(
  {
    id: 'variable-position-invalid',
    defaultSeverity: 'error',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description:
      'A policy variable appears in Action/NotAction, a principal, a condition key, ARN segments 1–5, or a value of a Numeric, Date, Binary, IP or Null operator.',
    rationale: 'Variables are not substituted there; the text stays literal (spec/iam.md §2.4 V3).',
    badExample:
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:${aws:RequestedRegion}::b/*"}}',
    goodExample:
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}/*"}}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const { v, element, entry } of valueSites(policy)) {
      const t = templateOf(v.value, policy.variablesEnabled);
      if (!t?.hasVariables) continue;
      let where: string | undefined;
      if (element === 'Action' || element === 'NotAction') where = `in ${element}`;
      else if (element === 'Principal') where = 'in a principal';
      else if (element === 'ConditionKey') where = 'in a condition key';
      else if (element === 'Resource' || element === 'NotResource') {
        const limit = fifthColon(v.value);
        if (v.value.indexOf('${') < limit) where = 'in the partition, service, region or account segment of an ARN';
      } else if (entry) {
        const family = familyOf(entry);
        if (family && NO_VARIABLES.has(family)) where = `in a value of ${entry.baseOperator}`;
      }
      if (where) {
        out.push({
          at: v,
          message: `Policy variables are not substituted ${where}; '${v.value}' is literal text.`,
          help: 'Use variables only in the resource part of ARNs and in String, Arn and Bool condition values.',
        });
      }
    }
    return out;
  },
);

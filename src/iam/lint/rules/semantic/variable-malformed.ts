// biome-ignore-all lint/suspicious/noTemplateCurlyInString: policy variables are literal text in examples and messages
import { templateOf } from './shared/policy.js';
import { valueSites } from './shared/variables.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `variable-malformed`: an unterminated or malformed `${…}`. */
export const variableMalformed: SemanticRule = defineRule(
  {
    id: 'variable-malformed',
    defaultSeverity: 'error',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description: "A '${' is unterminated, names no key, or has a badly quoted default.",
    rationale: 'A malformed variable is kept as literal text.',
    badExample:
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username/*"}}',
    goodExample:
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}/*"}}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const { v, element } of valueSites(policy)) {
      if (element !== 'Resource' && element !== 'NotResource' && element !== 'Condition') continue;
      const t = templateOf(v.value, policy.variablesEnabled);
      for (const problem of t?.problems ?? []) {
        out.push({
          at: v,
          message: `Malformed policy variable in '${v.value}': ${problem.message}; it is kept as literal text.`,
          help: "Write ${key} or ${key, 'default'}.",
          data: { reason: problem.reason, offset: problem.offset },
        });
      }
    }
    return out;
  },
);

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: policy variables are literal text in examples and messages
import { unknownKey } from './shared/keys.js';
import { variablesOf } from './shared/policy.js';
import { valueSites } from './shared/variables.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `variable-key-unknown`: a policy variable naming an unknown `aws:` key (or, with a catalog, service key). */
export const variableKeyUnknown: SemanticRule = defineRule(
  {
    id: 'variable-key-unknown',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description:
      'A policy variable names an aws: key that is not a known global key (or, with the catalog, an unknown service key).',
    rationale: 'The variable is never resolved, so the value matches nothing unless it has a default.',
    badExample:
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:user-name}/*"}}',
    goodExample:
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}/*"}}',
  },
  ({ policy, catalog }) => {
    const out: SemanticFinding[] = [];
    for (const { v } of valueSites(policy)) {
      for (const variable of variablesOf(v.value, policy.variablesEnabled)) {
        const unknown = unknownKey(variable.variable, catalog);
        if (!unknown) continue;
        out.push({
          at: v,
          message: `\${${variable.variable}} names an unknown condition key; it never resolves.`,
          ...(unknown.suggestions.length > 0
            ? { suggestions: unknown.suggestions, help: `Did you mean \${${unknown.suggestions[0]}}?` }
            : {}),
        });
      }
    }
    return out;
  },
);

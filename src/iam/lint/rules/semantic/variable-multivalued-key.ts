// biome-ignore-all lint/suspicious/noTemplateCurlyInString: policy variables are literal text in examples and messages
import { keyFacts, variablesOf } from './shared/policy.js';
import { valueSites } from './shared/variables.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `variable-multivalued-key`: a policy variable naming a multivalued key. */
export const variableMultivaluedKey: SemanticRule = defineRule(
  {
    id: 'variable-multivalued-key',
    defaultSeverity: 'error',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description: 'A policy variable names a multivalued key (such as aws:TagKeys or aws:PrincipalOrgPaths).',
    rationale: 'Multivalued keys cannot be substituted: the variable resolves to no value.',
    badExample:
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:TagKeys}/*"}}',
    goodExample:
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:PrincipalTag/team}/*"}}',
  },
  ({ policy, catalog }) => {
    const out: SemanticFinding[] = [];
    for (const { v } of valueSites(policy)) {
      for (const variable of variablesOf(v.value, policy.variablesEnabled)) {
        const facts = keyFacts(variable.variable, catalog);
        if (!facts?.multivalued) continue;
        out.push({
          at: v,
          message: `\${${variable.variable}} names the multivalued key ${facts.name}; it never resolves.`,
          data: { variable: variable.variable },
        });
      }
    }
    return out;
  },
);

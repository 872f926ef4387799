// biome-ignore-all lint/suspicious/noTemplateCurlyInString: policy variables are literal text in examples and messages
import { valueSites } from './shared/variables.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `variable-ignored-version`: `${` in a policy whose `Version` is not `2012-10-17`. */
export const variableIgnoredVersion: SemanticRule = defineRule(
  {
    id: 'variable-ignored-version',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description: 'A value contains "${" but the policy Version is not "2012-10-17".',
    rationale: 'Policy variables are recognised only under Version 2012-10-17; otherwise the text is literal.',
    badExample:
      '{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}/*"}}',
    goodExample:
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}/*"}}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    if (policy.variablesEnabled) return out;
    for (const { v } of valueSites(policy)) {
      if (!v.value.includes('${')) continue;
      out.push({
        at: v,
        message: `'${v.value}' looks like it uses a policy variable, but variables are literal text ${policy.version === undefined ? 'without a Version' : `under Version ${policy.version}`}.`,
        help: 'Add "Version": "2012-10-17" at the top of the policy.',
      });
    }
    return out;
  },
);

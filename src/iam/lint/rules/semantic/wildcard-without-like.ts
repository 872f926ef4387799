import { conditionValues } from './shared/conditions.js';
import { hasWildcard } from './shared/glob.js';
import { literalText } from './shared/policy.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

const LITERAL_OPERATORS = new Set([
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
]);

/** `wildcard-without-like`: `*`/`?` in a value of an operator that compares literally. */
export const wildcardWithoutLike: SemanticRule = defineRule(
  {
    id: 'wildcard-without-like',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description: 'A value of StringEquals, StringNotEquals or their IgnoreCase forms contains "*" or "?".',
    rationale: 'Those operators compare literally; the wildcard only matches a literal "*" or "?".',
    badExample:
      '{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"StringEquals":{"s3:prefix":"home/*"}}}',
    goodExample:
      '{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"StringLike":{"s3:prefix":"home/*"}}}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const { e, v } of conditionValues(policy)) {
      if (!e.known || !LITERAL_OPERATORS.has(e.baseOperator)) continue;
      if (!hasWildcard(literalText(v.value, policy.variablesEnabled))) continue;
      const like = e.baseOperator.includes('Not') ? 'StringNotLike' : 'StringLike';
      out.push({
        at: v,
        message: `'${v.value}' contains a wildcard, but ${e.baseOperator} compares literally.`,
        help: `Use ${like} for a pattern (it is case-sensitive).`,
        suggestions: [like],
      });
    }
    return out;
  },
);

import { redundantValues } from './action-redundant.js';
import { arnPatternMatches, hasWildcard, type MatchBudget, matchBudget } from './shared/glob.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** True when resource value `general` covers `specific`: equal, `"*"`, or `specific` has no wildcard and matches. */
export function resourceSubsumes(general: string, specific: string, budget?: MatchBudget): boolean {
  if (general === specific || general === '*') return true;
  if (specific.includes('${') || general.includes('${') || hasWildcard(specific)) return false;
  return hasWildcard(general) && arnPatternMatches(general, specific, budget);
}

/** `resource-redundant`: a resource value subsumed by another value of the same element. */
export const resourceRedundant: SemanticRule = defineRule(
  {
    id: 'resource-redundant',
    defaultSeverity: 'info',
    category: 'suggestion',
    appliesTo: ALL_TYPES,
    description: 'A Resource or NotResource value is already covered by another value of the same element.',
    rationale: 'Redundant values are noise and hide what the statement really covers.',
    badExample: '{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/*","arn:aws:s3:::b/x"]}',
    goodExample: '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    const budget = matchBudget();
    const subsumes = (g: string, s: string): boolean => resourceSubsumes(g, s, budget);
    for (const st of policy.statements) {
      if (st.resource) out.push(...redundantValues(st.resource, subsumes, 'Resource'));
      if (st.notResource) out.push(...redundantValues(st.notResource, subsumes, 'Resource'));
    }
    return out;
  },
);

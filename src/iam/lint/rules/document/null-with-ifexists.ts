import type { PolicyRule } from '../../types.js';
import { ALL, parserRule } from './shared.js';

/** `null-with-ifexists` (reported by `parsePolicy`): NullIfExists, or ForAllValues:/ForAnyValue: with Null. */
export const nullWithIfexists: PolicyRule = parserRule({
  id: 'null-with-ifexists',
  defaultSeverity: 'error',
  category: 'correctness',
  appliesTo: ALL,
  description: 'NullIfExists, or ForAllValues:/ForAnyValue: with Null.',
  rationale: 'IfExists cannot qualify Null, and the set form of Null has no meaning.',
  badExample: '{"Condition": {"NullIfExists": {"aws:TokenIssueTime": "true"}}}',
  goodExample: '{"Condition": {"Null": {"aws:TokenIssueTime": "true"}}}',
});

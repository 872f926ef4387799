import type { PolicyRule } from '../../types.js';
import { ALL, parserRule } from './shared.js';

/** `condition-operator-unknown` (reported by `parsePolicy`): A condition operator is not one of spec §3.2 after removing ForAllValues:/ForAnyValue: and IfExists. */
export const conditionOperatorUnknown: PolicyRule = parserRule({
  id: 'condition-operator-unknown',
  defaultSeverity: 'error',
  category: 'correctness',
  appliesTo: ALL,
  description: 'A condition operator is not one of spec §3.2 after removing ForAllValues:/ForAnyValue: and IfExists.',
  rationale: 'IAM rejects unknown operators.',
  badExample: '{"Condition": {"StringEqual": {"aws:PrincipalTag/team": "blue"}}}',
  goodExample: '{"Condition": {"StringEquals": {"aws:PrincipalTag/team": "blue"}}}',
});

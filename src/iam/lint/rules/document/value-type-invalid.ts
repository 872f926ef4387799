import type { PolicyRule } from '../../types.js';
import { ALL, parserRule } from './shared.js';

/** `value-type-invalid` (reported by `parsePolicy`): An element or value has a JSON type the grammar does not allow (a numeric Action, an array Condition, a null condition value, a Principal string other than "*", …). */
export const valueTypeInvalid: PolicyRule = parserRule({
  id: 'value-type-invalid',
  defaultSeverity: 'error',
  category: 'correctness',
  appliesTo: ALL,
  description:
    'An element or value has a JSON type the grammar does not allow (a numeric Action, an array Condition, a null condition value, a Principal string other than "*", …).',
  rationale: 'Such values have no defined meaning.',
  badExample: '{"Effect": "Allow", "Action": 42, "Resource": "*"}',
  goodExample: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}',
});

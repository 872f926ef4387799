import type { PolicyRule } from '../../types.js';
import { ALL, parserRule } from './shared.js';

/** `action-missing` (reported by `parsePolicy`): A statement has neither or both of Action and NotAction. */
export const actionMissing: PolicyRule = parserRule({
  id: 'action-missing',
  defaultSeverity: 'error',
  category: 'correctness',
  appliesTo: ALL,
  description: 'A statement has neither or both of Action and NotAction.',
  rationale: 'Exactly one of the pair is required.',
  badExample: '{"Effect": "Allow", "Resource": "*"}',
  goodExample: '{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}',
});

import type { PolicyRule } from '../../types.js';
import { ALL, parserRule } from './shared.js';

/** `effect-invalid` (reported by `parsePolicy`): Effect is absent or not exactly "Allow" or "Deny". */
export const effectInvalid: PolicyRule = parserRule({
  id: 'effect-invalid',
  defaultSeverity: 'error',
  category: 'correctness',
  appliesTo: ALL,
  description: 'Effect is absent or not exactly "Allow" or "Deny".',
  rationale: 'Effect is required and case-sensitive; "allow" is rejected by AWS.',
  badExample: '{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}',
  goodExample: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}',
});

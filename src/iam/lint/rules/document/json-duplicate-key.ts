import type { PolicyRule } from '../../types.js';
import { ALL, parserRule } from './shared.js';

/** `json-duplicate-key` (reported by `parsePolicy`): An object repeats a key at any depth. */
export const jsonDuplicateKey: PolicyRule = parserRule({
  id: 'json-duplicate-key',
  defaultSeverity: 'error',
  category: 'correctness',
  appliesTo: ALL,
  description: 'An object repeats a key at any depth.',
  rationale: 'The policy grammar forbids repeated keys; "last wins" parsers silently hide one of the values.',
  badExample: '{"Effect": "Allow", "Action": "s3:GetObject", "Action": "s3:PutObject", "Resource": "*"}',
  goodExample: '{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"}',
});

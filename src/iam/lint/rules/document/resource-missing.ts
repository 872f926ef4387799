import type { PolicyRule } from '../../types.js';
import { ALL, parserRule } from './shared.js';

/** `resource-missing` (reported by `parsePolicy`): An identity-like, SCP or RCP statement has neither Resource nor NotResource; or any statement has both. */
export const resourceMissing: PolicyRule = parserRule({
  id: 'resource-missing',
  defaultSeverity: 'error',
  category: 'correctness',
  appliesTo: ALL,
  description:
    'An identity-like, SCP or RCP statement has neither Resource nor NotResource; or any statement has both.',
  rationale: 'The resource element is required for these types, and the pair is exclusive.',
  badExample: '{"Effect": "Allow", "Action": "s3:GetObject"}',
  goodExample: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}',
});

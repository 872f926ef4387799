import type { PolicyRule } from '../../types.js';
import { parserRule } from './shared.js';

/** `principal-conflict` (reported by `parsePolicy`): A statement has both Principal and NotPrincipal. */
export const principalConflict: PolicyRule = parserRule({
  id: 'principal-conflict',
  defaultSeverity: 'error',
  category: 'correctness',
  appliesTo: ['resource', 'trust', 'endpoint', 'rcp'],
  description: 'A statement has both Principal and NotPrincipal.',
  rationale: 'The pair is exclusive.',
  badExample: '{"Effect": "Deny", "Principal": "*", "NotPrincipal": {"AWS": "111122223333"}, "Action": "s3:*"}',
  goodExample: '{"Effect": "Deny", "NotPrincipal": {"AWS": "111122223333"}, "Action": "s3:*"}',
});

import type { PolicyRule } from '../../types.js';
import { parserRule } from './shared.js';

/** `rcp-principal-not-star` (reported by `parsePolicy`): An RCP statement's Principal is not "*". */
export const rcpPrincipalNotStar: PolicyRule = parserRule({
  id: 'rcp-principal-not-star',
  defaultSeverity: 'error',
  category: 'correctness',
  appliesTo: ['rcp'],
  description: 'An RCP statement\'s Principal is not "*".',
  rationale: 'RCPs apply to every principal; scope them with conditions instead.',
  badExample: '{"Effect": "Deny", "Principal": {"AWS": "111122223333"}, "Action": "s3:*", "Resource": "*"}',
  goodExample:
    '{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:PrincipalAccount": "111122223333"}}}',
});

import type { PolicyRule } from '../../types.js';
import { parserRule } from './shared.js';

/** `principal-missing` (reported by `parsePolicy`): A resource-based, trust or RCP statement has neither Principal nor NotPrincipal (a trust statement needs Principal). */
export const principalMissing: PolicyRule = parserRule({
  id: 'principal-missing',
  defaultSeverity: 'error',
  category: 'correctness',
  appliesTo: ['resource', 'trust', 'rcp'],
  description:
    'A resource-based, trust or RCP statement has neither Principal nor NotPrincipal (a trust statement needs Principal).',
  rationale: 'Resource-based policies must name who they cover.',
  badExample: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}',
  goodExample:
    '{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}',
});

import type { PolicyRule } from '../../types.js';
import { parserRule } from './shared.js';

/** `principal-in-identity-policy` (reported by `parsePolicy`): Principal or NotPrincipal appears in an identity, boundary, session policy or SCP. */
export const principalInIdentityPolicy: PolicyRule = parserRule({
  id: 'principal-in-identity-policy',
  defaultSeverity: 'error',
  category: 'correctness',
  appliesTo: ['identity', 'boundary', 'session', 'scp'],
  description: 'Principal or NotPrincipal appears in an identity, boundary, session policy or SCP.',
  rationale: 'The principal of these policies is implicit (the entity they are attached to); AWS rejects the element.',
  badExample: '{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}',
  goodExample: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}',
});

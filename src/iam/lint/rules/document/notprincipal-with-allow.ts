import type { PolicyRule } from '../../types.js';
import { parserRule } from './shared.js';

/** `notprincipal-with-allow` (reported by `parsePolicy`): Effect "Allow" combined with NotPrincipal. */
export const notprincipalWithAllow: PolicyRule = parserRule({
  id: 'notprincipal-with-allow',
  defaultSeverity: 'error',
  category: 'security',
  appliesTo: ['resource', 'endpoint'],
  description: 'Effect "Allow" combined with NotPrincipal.',
  rationale: 'Unsupported by AWS; it would grant every other principal, anonymous users included.',
  badExample:
    '{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:user/bob"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}',
  goodExample:
    '{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}',
});

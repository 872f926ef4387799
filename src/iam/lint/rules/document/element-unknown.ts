import type { PolicyRule } from '../../types.js';
import { ALL, parserRule } from './shared.js';

/** `element-unknown` (reported by `parsePolicy`): A top-level key is not Version, Id or Statement, a statement key is not one of the statement elements, or a principal map key is not AWS, Service, Federated or CanonicalUser (names are case-sensitive). */
export const elementUnknown: PolicyRule = parserRule({
  id: 'element-unknown',
  defaultSeverity: 'error',
  category: 'correctness',
  appliesTo: ALL,
  description:
    'A top-level key is not Version, Id or Statement, a statement key is not one of the statement elements, or a principal map key is not AWS, Service, Federated or CanonicalUser (names are case-sensitive).',
  rationale: 'IAM rejects unknown elements; a misspelt element such as "Resources" would otherwise be ignored.',
  badExample: '{"Effect": "Allow", "Action": "s3:GetObject", "Resources": "*"}',
  goodExample: '{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}',
});

import type { PolicyRule } from '../../types.js';
import { ALL, parserRule } from './shared.js';

/** `statement-missing` (reported by `parsePolicy`): Statement is absent, not an object or array, an empty array, or holds an element that is not an object. */
export const statementMissing: PolicyRule = parserRule({
  id: 'statement-missing',
  defaultSeverity: 'error',
  category: 'correctness',
  appliesTo: ALL,
  description:
    'Statement is absent, not an object or array, an empty array, or holds an element that is not an object.',
  rationale: 'A policy needs at least one statement.',
  badExample: '{"Version": "2012-10-17", "Statement": []}',
  goodExample: '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}',
});

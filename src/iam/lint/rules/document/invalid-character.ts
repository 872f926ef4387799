import type { PolicyRule } from '../../types.js';
import { ALL, parserRule } from './shared.js';

/** `invalid-character` (reported by `parsePolicy`): The policy contains a character outside U+0009, U+000A, U+000D and U+0020–U+00FF. */
export const invalidCharacter: PolicyRule = parserRule({
  id: 'invalid-character',
  defaultSeverity: 'error',
  category: 'correctness',
  appliesTo: ALL,
  description: 'The policy contains a character outside U+0009, U+000A, U+000D and U+0020–U+00FF.',
  rationale: 'AWS rejects such documents.',
  badExample: '{"Sid": "Read–Only", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}',
  goodExample: '{"Sid": "ReadOnly", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}',
});

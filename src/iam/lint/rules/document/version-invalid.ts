import type { PolicyRule } from '../../types.js';
import { ALL, parserRule } from './shared.js';

/** `version-invalid` (reported by `parsePolicy`): Version is present and is neither "2012-10-17" nor "2008-10-17". */
export const versionInvalid: PolicyRule = parserRule({
  id: 'version-invalid',
  defaultSeverity: 'error',
  category: 'correctness',
  appliesTo: ALL,
  description: 'Version is present and is neither "2012-10-17" nor "2008-10-17".',
  rationale: 'Only two policy-language versions exist; AWS rejects any other value.',
  badExample: '{"Version": "2024-01-01", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}',
  goodExample: '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}',
});

import type { PolicyRule } from '../../types.js';
import { ALL, parserRule } from './shared.js';

/** `sid-invalid` (reported by `parsePolicy`): A Sid contains characters other than ASCII letters and digits. */
export const sidInvalid: PolicyRule = parserRule({
  id: 'sid-invalid',
  defaultSeverity: 'error',
  category: 'correctness',
  appliesTo: ALL,
  severityByType: { resource: 'warning', scp: 'warning', rcp: 'warning', endpoint: 'warning' },
  description: 'A Sid contains characters other than ASCII letters and digits.',
  rationale: 'IAM accepts only [A-Za-z0-9] in a Sid; other services have their own rules, so it is a warning there.',
  badExample: '{"Sid": "Allow read-only", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}',
  goodExample: '{"Sid": "AllowReadOnly", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}',
});

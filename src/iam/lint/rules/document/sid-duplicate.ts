import type { PolicyRule } from '../../types.js';
import { ALL, parserRule } from './shared.js';

/** `sid-duplicate` (reported by `parsePolicy`): Two statements share a Sid. */
export const sidDuplicate: PolicyRule = parserRule({
  id: 'sid-duplicate',
  defaultSeverity: 'error',
  category: 'correctness',
  appliesTo: ALL,
  severityByType: { resource: 'warning', scp: 'warning', rcp: 'warning', endpoint: 'warning' },
  description: 'Two statements share a Sid.',
  rationale: 'A Sid must be unique within a policy (an error in IAM-stored documents).',
  badExample:
    '{"Statement": [{"Sid": "S1", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}, {"Sid": "S1", "Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"}]}',
  goodExample:
    '{"Statement": [{"Sid": "S1", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}, {"Sid": "S2", "Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"}]}',
});

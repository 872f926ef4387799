import type { PolicyRule } from '../../types.js';
import { parserRule } from './shared.js';

/** `rcp-allow` (reported by `parsePolicy`): A resource control policy statement has Effect "Allow". */
export const rcpAllow: PolicyRule = parserRule({
  id: 'rcp-allow',
  defaultSeverity: 'error',
  category: 'correctness',
  appliesTo: ['rcp'],
  description: 'A resource control policy statement has Effect "Allow".',
  rationale: 'Only the AWS-managed RCPFullAWSAccess policy may allow; customer RCPs contain Deny statements.',
  badExample: '{"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}',
  goodExample:
    '{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}',
});

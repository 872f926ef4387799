import { isAccountId } from '../../../policy/arn.js';
import { hasWildcard } from './shared/glob.js';
import { arnSegments, resourceValues } from './shared/arn.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `arn-account-invalid`: an account segment that is not empty, 12 digits, `aws`, or a wildcard pattern. */
export const arnAccountInvalid: SemanticRule = defineRule(
  {
    id: 'arn-account-invalid',
    defaultSeverity: 'error',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description:
      'The account segment of a resource ARN is not empty, not a 12-digit account ID, not "aws", and has no wildcard.',
    rationale: 'It cannot match a real account, so the value matches nothing.',
    badExample: '{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:12345:orders"}',
    goodExample: '{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:111122223333:orders"}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      for (const v of resourceValues(st)) {
        const segments = arnSegments(v.value);
        const account = segments && segments.length >= 6 ? (segments[4] as string) : undefined;
        if (account === undefined || account === '' || account === 'aws' || isAccountId(account)) continue;
        if (hasWildcard(account) || account.includes('${')) continue;
        out.push({
          at: v,
          message: `Resource '${v.value}' has account segment '${account}', which is not a 12-digit account ID.`,
          help: 'Use the 12-digit account ID, leave the segment empty, or use "*".',
          data: { account },
        });
      }
    }
    return out;
  },
);

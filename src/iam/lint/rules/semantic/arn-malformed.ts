import { splitArnSegments } from '../../../policy/arn.js';
import { resourceValues } from './shared/arn.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `arn-malformed`: a resource value that is not `"*"`, does not start `arn:`, or is short without a trailing `*`. */
export const arnMalformed: SemanticRule = defineRule(
  {
    id: 'arn-malformed',
    defaultSeverity: 'error',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description:
      'A Resource or NotResource value is not "*", does not start with "arn:", or has fewer than six segments without ending in "*".',
    rationale: 'Such a value matches no resource (spec/iam.md §2.2 R4).',
    badExample: '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:my-bucket"}',
    goodExample: '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      for (const v of resourceValues(st)) {
        if (v.value === '*') continue;
        if (!v.value.startsWith('arn:')) {
          out.push({
            at: v,
            message: `Resource '${v.value}' is not an ARN: it must be "*" or start with 'arn:'.`,
            help: "Write resources as 'arn:partition:service:region:account:resource'.",
          });
          continue;
        }
        const segments = splitArnSegments(v.value);
        if (segments.length < 6 && !v.value.endsWith('*')) {
          out.push({
            at: v,
            message: `Resource '${v.value}' has ${segments.length} of the six ARN segments and does not end with '*'; it matches nothing.`,
            help: 'Add the missing segments (empty ones are written as "::"), or end the pattern with "*".',
            data: { segments: segments.length },
          });
        }
      }
    }
    return out;
  },
);

import { hasWildcard } from './shared/glob.js';
import { arnSegments, resourceValues } from './shared/arn.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `arn-service-wildcard`: a wildcard in the service segment of a resource ARN, or fewer than three segments. */
export const arnServiceWildcard: SemanticRule = defineRule(
  {
    id: 'arn-service-wildcard',
    defaultSeverity: 'error',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description: 'A resource ARN has "*" or "?" in its service segment, or fewer than three segments.',
    rationale: 'Wildcards are not allowed in the service segment of an ARN.',
    badExample: '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:*:::my-bucket/*"}',
    goodExample: '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      for (const v of resourceValues(st)) {
        const segments = arnSegments(v.value);
        if (!segments) continue;
        if (segments.length < 3) {
          out.push({
            at: v,
            message: `Resource '${v.value}' does not name a service; write "*" for every resource or name the service.`,
          });
        } else if (hasWildcard(segments[2] as string)) {
          out.push({
            at: v,
            message: `Resource '${v.value}' has a wildcard in its service segment '${segments[2]}'.`,
            help: 'Name the service, or use "*" for every resource.',
          });
        }
      }
    }
    return out;
  },
);

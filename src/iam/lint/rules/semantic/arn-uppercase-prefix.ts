import { arnSegments, resourceValues } from './shared/arn.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `arn-uppercase-prefix`: upper-case letters in the partition, service or region of a resource ARN. */
export const arnUppercasePrefix: SemanticRule = defineRule(
  {
    id: 'arn-uppercase-prefix',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description: 'A resource ARN has upper-case letters in its partition, service or region segment.',
    rationale: 'These segments are lower-case in real ARNs and resource matching is case-sensitive.',
    badExample: '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:S3:::my-bucket/*"}',
    goodExample: '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      for (const v of resourceValues(st)) {
        const segments = arnSegments(v.value);
        if (!segments) continue;
        const names = ['partition', 'service', 'region'];
        const bad = names.filter((_, i) => {
          const s = segments[i + 1];
          return s !== undefined && s !== s.toLowerCase();
        });
        if (bad.length > 0) {
          out.push({
            at: v,
            message: `Resource '${v.value}' has upper-case letters in its ${bad.join(', ')}; real ARNs use lower case there.`,
            help: 'Write the partition, service and region in lower case.',
            suggestions: [segments.map((s, i) => (i >= 1 && i <= 3 ? s.toLowerCase() : s)).join(':')],
          });
        }
      }
    }
    return out;
  },
);

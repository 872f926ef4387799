import { hasWildcard } from './shared/glob.js';
import { arnSegments, DEFAULT_PARTITIONS, resourceValues } from './shared/arn.js';
import { suggestNames } from '../../../../diagnostics/suggest.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `arn-partition-unknown`: a resource ARN whose partition is not a known partition. */
export const arnPartitionUnknown: SemanticRule = defineRule(
  {
    id: 'arn-partition-unknown',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description: 'The partition of a resource ARN (without wildcards) is not one of the known partitions.',
    rationale: 'Likely a typo; a principal cannot reach resources in another partition.',
    badExample: '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:amazon:s3:::my-bucket/*"}',
    goodExample: '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"}',
  },
  ({ policy, partitions }) => {
    // A caller's non-array, or non-string items, cannot name partitions.
    const known = Array.isArray(partitions) ? partitions.filter((p) => typeof p === 'string') : DEFAULT_PARTITIONS;
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      for (const v of resourceValues(st)) {
        const segments = arnSegments(v.value);
        if (!segments || segments.length < 3) continue;
        const partition = segments[1] as string;
        if (hasWildcard(partition) || partition.includes('${') || known.includes(partition)) continue;
        const suggestions = suggestNames(partition, known);
        out.push({
          at: v,
          message: `Resource '${v.value}' names unknown partition '${partition}'.`,
          ...(suggestions.length > 0 ? { suggestions, help: `Did you mean '${suggestions[0]}'?` } : {}),
          data: { partition },
        });
      }
    }
    return out;
  },
);

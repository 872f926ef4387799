import { hasWildcard } from './shared/glob.js';
import { principalValues } from './shared/principal.js';
import { defineRule, RB, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `principal-partial-wildcard`: a principal value with `*`/`?` that is not exactly `"*"`. */
export const principalPartialWildcard: SemanticRule = defineRule(
  {
    id: 'principal-partial-wildcard',
    defaultSeverity: 'error',
    category: 'correctness',
    appliesTo: [...RB, 'rcp'],
    description: 'A Principal or NotPrincipal value contains "*" or "?" but is not exactly "*".',
    rationale:
      'Principals do not support partial wildcards; such a value is compared literally and never matches. Use a condition on aws:PrincipalArn with ArnLike instead.',
    badExample:
      '{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/*"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}',
    goodExample:
      '{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/*"}}}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      for (const { kind, value } of principalValues(st)) {
        if (value.value !== '*' && hasWildcard(value.value)) {
          out.push({
            at: value,
            message: `Principal ${kind} value '${value.value}' has a partial wildcard; principals accept only exactly "*".`,
            help: 'Name the principals exactly, or use "*" with an ArnLike condition on aws:PrincipalArn.',
          });
        }
      }
    }
    return out;
  },
);

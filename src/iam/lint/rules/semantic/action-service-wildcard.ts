import { hasWildcard } from './shared/glob.js';
import { splitAction } from './shared/policy.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `action-service-wildcard`: `*` or `?` in the service prefix of an action. */
export const actionServiceWildcard: SemanticRule = defineRule(
  {
    id: 'action-service-wildcard',
    defaultSeverity: 'error',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description: 'An Action or NotAction value has a wildcard in its service prefix.',
    rationale: 'Wildcards are valid only in the action name; IAM rejects them in the prefix.',
    badExample: '{"Effect":"Allow","Action":"s*:GetObject","Resource":"*"}',
    goodExample: '{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      for (const v of [...(st.action ?? []), ...(st.notAction ?? [])]) {
        if (v.value === '*') continue;
        const parts = splitAction(v.value);
        if (parts && hasWildcard(parts.service)) {
          out.push({
            at: v,
            message: `Action '${v.value}' has a wildcard in its service prefix '${parts.service}'.`,
            help: 'Name the service explicitly, or use "*" for every action.',
          });
        }
      }
    }
    return out;
  },
);

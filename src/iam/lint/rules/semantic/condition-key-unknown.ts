import { conditionEntries } from './shared/conditions.js';
import { unknownKey } from './shared/keys.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `condition-key-unknown`: an `aws:` key not in the global table (or, with a catalog, an unknown service key). */
export const conditionKeyUnknown: SemanticRule = defineRule(
  {
    id: 'condition-key-unknown',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description:
      'A condition key with the aws: prefix is not a known global key (tag-key families match by prefix); with the service catalog, a service key that the service does not define.',
    rationale: 'Usually a typo: the key is never in the request, so the condition never matches as intended.',
    badExample:
      '{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgId2":"o-abc123"}}}',
    goodExample:
      '{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}}',
  },
  ({ policy, catalog }) => {
    const out: SemanticFinding[] = [];
    for (const { e } of conditionEntries(policy)) {
      const unknown = unknownKey(e.key, catalog);
      if (!unknown) continue;
      out.push({
        at: e.keyLocation,
        message: `Unknown condition key '${e.key}'${unknown.scope === 'global' ? ': it is not a global aws: key' : ''}.`,
        ...(unknown.suggestions.length > 0
          ? { suggestions: unknown.suggestions, help: `Did you mean '${unknown.suggestions[0]}'?` }
          : {}),
      });
    }
    return out;
  },
);

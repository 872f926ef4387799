import { suggestNames } from '../../../../diagnostics/suggest.js';
import { actionProblem } from './action-malformed.js';
import { matchingActions } from './shared/catalog-actions.js';
import { hasWildcard } from './shared/glob.js';
import { splitAction } from './shared/policy.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/**
 * `action-unknown` (needs a catalog): an action whose service is unknown, a plain action the
 * service does not have, or a wildcard pattern that matches none of the service's actions.
 */
export const actionUnknown: SemanticRule = defineRule(
  {
    id: 'action-unknown',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    needsCatalog: true,
    description:
      'An action names an unknown service or action, or its wildcard pattern matches no known action (needs the service catalog).',
    rationale: 'Usually a typo or an unsupported service: the statement does not cover what the author intended.',
    badExample: '{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"}',
    goodExample: '{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}',
  },
  ({ policy, catalog }) => {
    const out: SemanticFinding[] = [];
    if (!catalog) return out;
    for (const st of policy.statements) {
      for (const v of [...(st.action ?? []), ...(st.notAction ?? [])]) {
        if (v.value === '*' || actionProblem(v.value)) continue;
        const parts = splitAction(v.value);
        if (!parts || hasWildcard(parts.service)) continue;
        if (!catalog.hasService(parts.service)) {
          const suggestions = suggestNames(parts.service, catalog.servicePrefixes()).slice(0, 5);
          out.push({
            at: v,
            message: `Unknown service prefix '${parts.service}' in action '${v.value}'.`,
            ...(suggestions.length > 0
              ? { suggestions: suggestions.map((s) => `${s}:${parts.name}`), help: `Did you mean '${suggestions[0]}'?` }
              : {}),
            data: { service: parts.service },
          });
          continue;
        }
        if (hasWildcard(parts.name)) {
          if (matchingActions(catalog, parts.service, parts.name).length === 0) {
            out.push({
              at: v,
              message: `Pattern '${v.value}' matches no action of service '${parts.service}'.`,
              data: { service: parts.service, pattern: parts.name },
            });
          }
        } else if (!catalog.action(parts.service, parts.name)) {
          const suggestions = suggestNames(parts.name, catalog.actionNames(parts.service)).slice(0, 5);
          out.push({
            at: v,
            message: `Unknown action '${v.value}': service '${parts.service}' has no action '${parts.name}'.`,
            ...(suggestions.length > 0
              ? {
                  suggestions: suggestions.map((s) => `${parts.service}:${s}`),
                  help: `Did you mean '${parts.service}:${suggestions[0]}'?`,
                }
              : {}),
            data: { service: parts.service, action: parts.name },
          });
        }
      }
    }
    return out;
  },
);

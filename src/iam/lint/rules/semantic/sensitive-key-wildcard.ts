import { conditionValues } from './shared/conditions.js';
import { hasWildcard } from './shared/glob.js';
import { literalText } from './shared/policy.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

const ACCOUNT_KEYS = new Set(
  ['aws:PrincipalAccount', 'aws:ResourceAccount', 'aws:SourceAccount', 'aws:SourceOwner', 'aws:VpceAccount'].map((k) =>
    k.toLowerCase(),
  ),
);

/** True for the account and organization-ID keys whose values must be exact. */
function sensitive(key: string): boolean {
  const k = key.toLowerCase();
  return ACCOUNT_KEYS.has(k) || (k.startsWith('aws:') && k.endsWith('orgid'));
}

/** `sensitive-key-wildcard`: a wildcard in a value for an account or organization-ID key. */
export const sensitiveKeyWildcard: SemanticRule = defineRule(
  {
    id: 'sensitive-key-wildcard',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description:
      'A value for aws:PrincipalAccount, aws:ResourceAccount, aws:SourceAccount, aws:SourceOwner, aws:VpceAccount or an …OrgID key contains "*" or "?".',
    rationale: 'Account and organization identifiers have no legitimate partial match; a wildcard widens trust.',
    badExample:
      '{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringLike":{"aws:SourceAccount":"1111*"}}}',
    goodExample:
      '{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"}}}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const { e, v } of conditionValues(policy)) {
      if (!sensitive(e.key) || !hasWildcard(literalText(v.value, policy.variablesEnabled))) continue;
      out.push({
        at: v,
        message: `'${v.value}' is a pattern for ${e.key}; account and organization IDs should be listed exactly.`,
        help: 'List the exact IDs with StringEquals.',
      });
    }
    return out;
  },
);

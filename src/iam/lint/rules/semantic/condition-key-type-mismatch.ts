import { conditionEntries } from './shared/conditions.js';
import { familiesForType, familyOf, keyFacts } from './shared/policy.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `condition-key-type-mismatch`: an operator family that does not fit the key's type. */
export const conditionKeyTypeMismatch: SemanticRule = defineRule(
  {
    id: 'condition-key-type-mismatch',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description:
      'The condition operator family does not fit the key type (for example StringEquals on aws:CurrentTime, NumericEquals on aws:username, Bool on aws:SourceIp); ARN keys with String operators are allowed. Service key types come from the catalog.',
    rationale: 'The comparison does not mean what the author intended, or never matches.',
    badExample:
      '{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:CurrentTime":"2025-01-01T00:00:00Z"}}}',
    goodExample:
      '{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"2025-01-01T00:00:00Z"}}}',
  },
  ({ policy, catalog }) => {
    const out: SemanticFinding[] = [];
    for (const { e } of conditionEntries(policy)) {
      const family = familyOf(e);
      if (!family || family === 'Null') continue;
      const facts = keyFacts(e.key, catalog);
      const allowed = facts?.type ? familiesForType(facts.type, facts.numericToo) : undefined;
      if (!facts || !allowed || allowed.includes(family)) continue;
      out.push({
        at: e.keyLocation,
        message: `${e.operator} compares ${family} values, but ${facts.name} is of type ${facts.type}.`,
        help: `Use a ${allowed.join(' or ')} operator for ${facts.name}.`,
        data: { keyType: facts.type, family },
      });
    }
    return out;
  },
);

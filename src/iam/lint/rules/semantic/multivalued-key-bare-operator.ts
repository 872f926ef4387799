import { conditionEntries } from './shared/conditions.js';
import { familyOf, keyFacts } from './shared/policy.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `multivalued-key-bare-operator`: an operator without a set qualifier on a multivalued key. */
export const multivaluedKeyBareOperator: SemanticRule = defineRule(
  {
    id: 'multivalued-key-bare-operator',
    defaultSeverity: 'error',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description:
      'An operator without ForAllValues/ForAnyValue is used on a multivalued key (aws:TagKeys, aws:CalledVia, …OrgPaths, aws:PrincipalServiceNamesList, or an ArrayOf… key of the catalog).',
    rationale: 'AWS does not define the bare form; the entry never matches (spec/iam.md §3.9 M2).',
    badExample:
      '{"Effect":"Allow","Action":"iam:TagUser","Resource":"*","Condition":{"StringEquals":{"aws:TagKeys":"env"}}}',
    goodExample:
      '{"Effect":"Allow","Action":"iam:TagUser","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":"env"},"Null":{"aws:TagKeys":"false"}}}',
  },
  ({ policy, catalog }) => {
    const out: SemanticFinding[] = [];
    for (const { e } of conditionEntries(policy)) {
      if (e.setOperator || !e.known || familyOf(e) === 'Null') continue;
      const facts = keyFacts(e.key, catalog);
      if (!facts?.multivalued) continue;
      out.push({
        at: e.operatorLocation,
        message: `${e.operator} is used on the multivalued key ${facts.name} without ForAllValues or ForAnyValue; it never matches.`,
        help: `Write ForAnyValue:${e.operator} (some value matches) or ForAllValues:${e.operator} (every value matches).`,
        suggestions: [`ForAnyValue:${e.operator}`, `ForAllValues:${e.operator}`],
      });
    }
    return out;
  },
);

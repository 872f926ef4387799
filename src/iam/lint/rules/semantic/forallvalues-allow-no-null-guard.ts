import { parseBool } from '../../../policy/values.js';
import { onKey } from './shared/conditions.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `forallvalues-allow-no-null-guard`: `Allow` + `ForAllValues` on K without a presence test on K. */
export const forallvaluesAllowNoNullGuard: SemanticRule = defineRule(
  {
    id: 'forallvalues-allow-no-null-guard',
    defaultSeverity: 'warning',
    category: 'security',
    appliesTo: ALL_TYPES,
    description:
      'An Allow statement uses ForAllValues on a key without a Null "false" test (or a ForAnyValue test) on the same key.',
    rationale: 'ForAllValues is true when the key is missing, so the Allow applies to requests without the key.',
    badExample:
      '{"Effect":"Allow","Action":"iam:TagUser","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["env"]}}}',
    goodExample:
      '{"Effect":"Allow","Action":"iam:TagUser","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["env"]},"Null":{"aws:TagKeys":"false"}}}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      if (st.effect !== 'Allow' || !st.condition) continue;
      const entries = st.condition;
      for (const e of entries) {
        if (e.setOperator !== 'ForAllValues') continue;
        const guarded = entries.some(
          (g) =>
            onKey(g, e.key) &&
            ((g.known &&
              g.baseOperator === 'Null' &&
              g.values.length > 0 &&
              g.values.every((v) => parseBool(v.value) === false)) ||
              (g.setOperator === 'ForAnyValue' && !g.ifExists)),
        );
        if (guarded) continue;
        out.push({
          at: e.operatorLocation,
          message: `${e.operator} on ${e.key} is true when ${e.key} is absent, so this Allow also applies to requests without it.`,
          help: `Add "Null": {"${e.key}": "false"} to the same statement.`,
        });
      }
    }
    return out;
  },
);

import { parseOperator } from '../../../policy/operators.js';
import type { PolicyRule } from '../../types.js';
import { ALL, checkRule } from './shared.js';

/** `condition-operator-case`: an operator recognised only case-insensitively (§1.5). */
export const conditionOperatorCase: PolicyRule = checkRule(
  {
    id: 'condition-operator-case',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ALL,
    description: 'A condition operator, set prefix or IfExists suffix is not spelled canonically.',
    rationale:
      'The library matches operators case-insensitively, but other tools and AWS documentation use the canonical spelling.',
    badExample: '{"Condition": {"stringequals": {"aws:PrincipalTag/team": "blue"}}}',
    goodExample: '{"Condition": {"StringEquals": {"aws:PrincipalTag/team": "blue"}}}',
  },
  (ctx) => {
    for (const st of ctx.policy.statements) {
      const seen = new Set<string>();
      for (const e of st.condition ?? []) {
        if (seen.has(e.operator)) continue;
        seen.add(e.operator);
        const p = parseOperator(e.operator);
        if (!p.known || p.canonicalSpelling || !p.canonical) continue;
        ctx.report({
          at: e.operatorLocation,
          message: `Condition operator "${e.operator}" should be written "${p.canonical}".`,
          suggestions: [p.canonical],
        });
      }
    }
  },
);

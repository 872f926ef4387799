import { defineRule, ID_LIKE, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `allow-all`: `Allow` of every action on every resource without a condition. */
export const allowAll: SemanticRule = defineRule(
  {
    id: 'allow-all',
    defaultSeverity: 'warning',
    category: 'security',
    appliesTo: [...ID_LIKE, 'resource'],
    description:
      'An Allow statement admits every action ("*" or NotAction) on "*" (or with NotResource) and has no Condition.',
    rationale: 'It is administrator access.',
    badExample: '{"Effect":"Allow","Action":"*","Resource":"*"}',
    goodExample: '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      if (st.effect !== 'Allow' || (st.condition && st.condition.length > 0)) continue;
      const allActions = st.notAction !== undefined || (st.action ?? []).some((v) => v.value === '*');
      const allResources = st.notResource !== undefined || (st.resource ?? []).some((v) => v.value === '*');
      if (allActions && allResources) {
        out.push({
          at: st,
          message: 'This statement allows every action on every resource: administrator access.',
          help: 'Grant only the actions and resources that are needed.',
        });
      }
    }
    return out;
  },
);

import { defineRule, ID_LIKE, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `allow-notaction`: `Allow` with `NotAction`. */
export const allowNotaction: SemanticRule = defineRule(
  {
    id: 'allow-notaction',
    defaultSeverity: 'warning',
    category: 'security',
    appliesTo: [...ID_LIKE, 'resource', 'scp'],
    description: 'An Allow statement uses NotAction.',
    rationale: 'It grants every unlisted action of every service, including services added later.',
    badExample: '{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}',
    goodExample: '{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"*"}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      const first = st.notAction?.[0];
      if (st.effect === 'Allow' && st.notAction) {
        out.push({
          at: first ?? st,
          message: 'Allow with NotAction grants every action that is not listed, in every service.',
          help: 'List the allowed actions with Action, or use Deny with NotAction.',
        });
      }
    }
    return out;
  },
);

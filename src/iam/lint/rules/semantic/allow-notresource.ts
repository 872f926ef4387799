import { defineRule, ID_LIKE, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `allow-notresource`: `Allow` with `NotResource`. */
export const allowNotresource: SemanticRule = defineRule(
  {
    id: 'allow-notresource',
    defaultSeverity: 'warning',
    category: 'security',
    appliesTo: [...ID_LIKE, 'resource', 'scp'],
    description: 'An Allow statement uses NotResource.',
    rationale: 'It grants access to every resource that is not listed, including resources created later.',
    badExample: '{"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::secret/*"}',
    goodExample: '{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::public/*"}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      if (st.effect === 'Allow' && st.notResource) {
        out.push({
          at: st.notResource[0] ?? st,
          message: 'Allow with NotResource grants every resource that is not listed.',
          help: 'List the allowed resources with Resource, or use Deny with NotResource.',
        });
      }
    }
    return out;
  },
);

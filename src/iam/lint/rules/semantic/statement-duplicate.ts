import { statementSignature } from './shared/statements.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `statement-duplicate`: two statements equal after normalisation (ignoring `Sid` and value order). */
export const statementDuplicate: SemanticRule = defineRule(
  {
    id: 'statement-duplicate',
    defaultSeverity: 'info',
    category: 'suggestion',
    appliesTo: ALL_TYPES,
    description: 'Two statements are equal after normalisation, ignoring Sid and the order of values.',
    rationale: 'The second statement is noise.',
    badExample:
      '{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Sid":"B","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    goodExample:
      '{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    const seen = new Map<string, (typeof policy.statements)[number]>();
    for (const st of policy.statements) {
      const sig = statementSignature(st);
      const first = seen.get(sig);
      if (!first) {
        seen.set(sig, st);
        continue;
      }
      out.push({
        at: st,
        message: `Statement ${st.index + 1} repeats statement ${first.index + 1}.`,
        help: 'Remove the duplicate statement.',
        related: [{ at: first, message: 'first statement' }],
      });
    }
    return out;
  },
);

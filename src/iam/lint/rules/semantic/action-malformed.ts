import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** Why an action value cannot name a real action, or `undefined` when it is well-formed. */
export function actionProblem(value: string): string | undefined {
  if (value === '*') return undefined;
  if (/\s/.test(value)) return 'contains whitespace';
  const colon = value.indexOf(':');
  if (colon < 0) return "is not of the form 'prefix:name'";
  if (colon === 0) return 'has an empty service prefix';
  if (colon === value.length - 1) return 'has an empty action name';
  if (value.indexOf(':', colon + 1) >= 0) return 'has more than one colon';
  return undefined;
}

/** `action-malformed`: an `Action`/`NotAction` value that is not `"*"` or `prefix:name`. */
export const actionMalformed: SemanticRule = defineRule(
  {
    id: 'action-malformed',
    defaultSeverity: 'error',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    description:
      'An Action or NotAction value is neither "*" nor \'prefix:name\' with non-empty parts, or contains whitespace.',
    rationale: 'Such a value cannot match any real action; action values are never trimmed.',
    badExample: '{"Effect":"Allow","Action":"s3:GetObject ","Resource":"*"}',
    goodExample: '{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      for (const v of [...(st.action ?? []), ...(st.notAction ?? [])]) {
        const problem = actionProblem(v.value);
        if (problem) {
          out.push({
            at: v,
            message: `Action '${v.value}' ${problem}; it matches no action.`,
            help: "Write actions as 'service:ActionName', for example 's3:GetObject'.",
          });
        }
      }
    }
    return out;
  },
);

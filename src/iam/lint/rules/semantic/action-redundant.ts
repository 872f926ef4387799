import type { SourcedString } from '../../../policy/types.js';
import { globMatch, hasWildcard } from './shared/glob.js';
import { splitAction } from './shared/policy.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/**
 * True when action value `general` covers `specific` (§7 `action-redundant`): equal ignoring case,
 * `general` is `"*"` or `prefix:*` of the same service, or `specific` has no wildcard and `general` globs it.
 */
export function actionSubsumes(general: string, specific: string): boolean {
  const g = general.toLowerCase();
  const s = specific.toLowerCase();
  if (g === s || g === '*') return true;
  const gp = splitAction(g);
  const sp = splitAction(s);
  if (gp && sp && gp.name === '*' && gp.service === sp.service) return true;
  return !hasWildcard(s) && hasWildcard(g) && globMatch(g, s);
}

/** Findings for values of one element that another value of it subsumes. */
export function redundantValues(
  values: readonly SourcedString[],
  subsumes: (general: string, specific: string) => boolean,
  what: string,
): SemanticFinding[] {
  const out: SemanticFinding[] = [];
  if (values.length > 500) return out; // quadratic check; bounded for hostile sizes
  values.forEach((v, i) => {
    const by = values.find((o, j) => j !== i && subsumes(o.value, v.value) && (j < i || !subsumes(v.value, o.value)));
    if (by) {
      out.push({
        at: v,
        message: `${what} '${v.value}' is redundant: '${by.value}' already covers it.`,
        help: `Remove '${v.value}'.`,
        related: [{ at: by, message: `covered by '${by.value}'` }],
      });
    }
  });
  return out;
}

/** `action-redundant`: an action value subsumed by another value of the same element. */
export const actionRedundant: SemanticRule = defineRule(
  {
    id: 'action-redundant',
    defaultSeverity: 'info',
    category: 'suggestion',
    appliesTo: ALL_TYPES,
    description: 'An Action or NotAction value is already covered by another value of the same element.',
    rationale: 'Redundant values are noise and hide what the statement really grants.',
    badExample: '{"Effect":"Allow","Action":["s3:*","s3:GetObject"],"Resource":"*"}',
    goodExample: '{"Effect":"Allow","Action":"s3:*","Resource":"*"}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      if (st.action) out.push(...redundantValues(st.action, actionSubsumes, 'Action'));
      if (st.notAction) out.push(...redundantValues(st.notAction, actionSubsumes, 'Action'));
    }
    return out;
  },
);

import type { SourcedString, Statement } from '../../../policy/types.js';
import { actionSubsumes } from './action-redundant.js';
import { resourceSubsumes } from './resource-redundant.js';
import { type MatchBudget, matchBudget } from './shared/glob.js';
import { scopeSignature, statementSignature } from './shared/statements.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** True when every value of `inner` is subsumed by some value of `outer`. */
function covered(
  inner: readonly SourcedString[] | undefined,
  outer: readonly SourcedString[] | undefined,
  subsumes: (g: string, s: string) => boolean,
): boolean {
  if (inner === undefined || outer === undefined) return inner === outer;
  return inner.every((i) => outer.some((o) => subsumes(o.value, i.value)));
}

/** True when statement `a` is covered by `b` (same scope; actions and resources subsumed). */
function coveredBy(a: Statement, b: Statement, budget: MatchBudget): boolean {
  if (a.notAction || b.notAction || a.notResource || b.notResource) return false;
  return (
    covered(a.action, b.action, actionSubsumes) &&
    covered(a.resource, b.resource, (g, s) => resourceSubsumes(g, s, budget))
  );
}

/** Most statements compared pairwise (quadratic; bounded for hostile sizes). */
const MAX_STATEMENTS = 200;

/** `statement-redundant`: a statement whose actions and resources another statement of equal scope covers. */
export const statementRedundant: SemanticRule = defineRule(
  {
    id: 'statement-redundant',
    defaultSeverity: 'info',
    category: 'suggestion',
    appliesTo: ALL_TYPES,
    description:
      'A statement has the same Effect, principal and condition as another, and every one of its actions and resources is covered by the other.',
    rationale: 'The covered statement adds nothing.',
    badExample:
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}',
    goodExample: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    const sts = policy.statements;
    if (sts.length > MAX_STATEMENTS) return out;
    const scopes = sts.map(scopeSignature);
    const whole = sts.map(statementSignature);
    const budget = matchBudget();
    sts.forEach((a, i) => {
      const by = sts.find(
        (b, j) =>
          j !== i &&
          scopes[i] === scopes[j] &&
          whole[i] !== whole[j] &&
          coveredBy(a, b, budget) &&
          !coveredBy(b, a, budget),
      );
      if (!by) return;
      out.push({
        at: a,
        message: `Statement ${a.index + 1} is redundant: statement ${by.index + 1} already covers its actions and resources.`,
        help: 'Remove the redundant statement.',
        related: [{ at: by, message: 'covering statement' }],
      });
    });
    return out;
  },
);

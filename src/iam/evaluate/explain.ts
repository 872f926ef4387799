/**
 * Per-statement traces for `explain` (spec/iam.md §8 `StatementExplain`). Built only on
 * request, from the same compiled matchers the decision uses, so explaining never changes
 * the decision.
 *
 * @module
 */
import { strongestMatch } from '../match/principal.js';
import { RESOURCE_MATCH, RESOURCE_UNRESOLVED } from '../match/resource.js';
import { type CompiledStatement, principalPasses } from './compile.js';
import type { CompiledPolicySet, Placement, RequestFacts } from './engine.js';
import type { StatementRef, StatementTrace } from './types.js';

function traceStatement(
  s: CompiledStatement,
  facts: RequestFacts,
  withPrincipal: boolean,
  ref: StatementRef,
): StatementTrace {
  const st = s.statement;
  const actionValues = st.action ?? st.notAction ?? [];
  const ai = s.action(facts.actionLower, facts.serviceLower);
  const action = {
    matched: s.actionNot ? ai < 0 : ai >= 0,
    ...(ai >= 0 ? { by: (actionValues[ai] as { value: string }).value } : {}),
    not: s.actionNot,
  };
  let resourceMatched = true;
  let by: string | undefined;
  let resolved: string | undefined;
  const unresolved: string[] = [];
  if (s.resourceMode !== 0) {
    let hit = false;
    for (const r of s.resources) {
      const m = r.test(facts.resource, facts.ctx.resolve);
      if (m === RESOURCE_UNRESOLVED) {
        r.variables.forEach((v, i) => {
          const name = r.variableNames[i] as string;
          if (facts.ctx.resolve(v) === undefined && !unresolved.includes(name)) unresolved.push(name);
        });
      }
      if (m === RESOURCE_MATCH && !hit) {
        hit = true;
        by = r.text;
        if (r.variables.length > 0) resolved = r.resolved(facts.ctx.resolve);
      }
    }
    resourceMatched = s.resourceMode === 1 ? hit : !hit;
  }
  const resource = {
    matched: resourceMatched,
    ...(by !== undefined ? { by } : {}),
    ...(resolved !== undefined ? { resolved } : {}),
    not: s.resourceMode === 2,
    ...(unresolved.length > 0 ? { unresolvedVariables: unresolved } : {}),
  };
  let principal: StatementTrace['principal'];
  if (withPrincipal) {
    const po = principalPasses(s, facts.principal);
    const m = strongestMatch(po.matches);
    principal = {
      matched: po.passes,
      ...(m ? { kind: m.kind, by: m.by } : {}),
      not: s.notPrincipal !== undefined,
      ...(po.boundaryRule ? { boundaryRule: true } : {}),
    };
  }
  const conditions = s.conditions.map((c) => c.trace(facts.ctx));
  const applies =
    action.matched && resource.matched && (principal ? principal.matched : true) && conditions.every((c) => c.result);
  return Object.freeze({
    ...ref,
    applies,
    action,
    resource,
    ...(principal ? { principal } : {}),
    conditions,
  });
}

/** Traces every statement examined for the request, policies in input order, statements in document order. */
export function explainStatements(
  set: CompiledPolicySet,
  facts: RequestFacts,
  toRef: (h: { pl: Placement; s: CompiledStatement }) => StatementRef,
): StatementTrace[] {
  const out: StatementTrace[] = [];
  const add = (pls: readonly Placement[], withPrincipal: boolean): void => {
    for (const pl of pls)
      for (const s of pl.c.statements) out.push(traceStatement(s, facts, withPrincipal, toRef({ pl, s })));
  };
  add(set.identity, false);
  add(set.boundary, false);
  add(set.session, false);
  add(set.resource, true);
  add(set.endpoint, true);
  if (facts.scpApplies) for (const lv of set.scp) add(lv, false);
  if (facts.rcpApplies) for (const lv of set.rcp) add(lv, true);
  return out;
}

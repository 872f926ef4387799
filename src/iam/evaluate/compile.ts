/**
 * Policies compiled once for evaluation: per statement an action matcher (exact names and
 * `service:*` looked up in maps, case folded once), resource patterns with precomputed pieces,
 * and condition entries resolved to functions (spec/iam.md §2–§3).
 *
 * @module
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import { type CompiledCondition, compileCondition } from '../condition/compile.js';
import type { PreparedContext } from '../condition/context.js';
import { type ActionMatcher, compileActionMatcher } from '../match/action.js';
import { notPrincipalExcludes, type PrincipalMatch, type PrincipalRef, principalMatches } from '../match/principal.js';
import {
  compileResourcePattern,
  RESOURCE_MATCH,
  RESOURCE_NO_MATCH,
  RESOURCE_UNRESOLVED,
  type ResourcePattern,
} from '../match/resource.js';
import { asciiLower } from '../policy/operators.js';
import type { Policy, PrincipalElement, Statement } from '../policy/types.js';

/** One statement ready to evaluate. */
export interface CompiledStatement {
  readonly statement: Statement;
  readonly allow: boolean;
  readonly actionNot: boolean;
  readonly action: ActionMatcher;
  /** 0 = no resource element, 1 = `Resource`, 2 = `NotResource`. */
  readonly resourceMode: 0 | 1 | 2;
  readonly resources: readonly ResourcePattern[];
  readonly principal: PrincipalElement | undefined;
  readonly notPrincipal: PrincipalElement | undefined;
  readonly conditions: readonly CompiledCondition[];
  /** Context keys read by conditions and resource variables: lower-cased → as written. */
  readonly referencedKeys: ReadonlyMap<string, string>;
}

/** A compiled policy (independent of where it is attached, so it can be cached). */
export interface CompiledPolicy {
  readonly policy: Policy;
  readonly statements: readonly CompiledStatement[];
  /** Problems found while compiling (invalid condition values, unknown operators). */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Indices of the statements whose action test can pass for a request to `serviceLower`, in
   * document order: statements naming that service plus those that cannot be indexed (`*`,
   * `NotAction`, a wildcard in the service prefix).
   */
  candidates(serviceLower: string): readonly number[];
}

/** Compiles a parsed policy. Never throws. */
export function compilePolicy(policy: Policy): CompiledPolicy {
  const diagnostics: Diagnostic[] = [];
  const statements = policy.statements.map((s) => compileStatement(s, policy.variablesEnabled, diagnostics));
  return Object.freeze({
    policy,
    statements: Object.freeze(statements),
    diagnostics: Object.freeze(diagnostics),
    candidates: serviceIndex(statements),
  });
}

/** The service prefixes a statement's `Action` can match, or undefined when it cannot be indexed. */
function servicesOf(s: Statement): Set<string> | undefined {
  if (!s.action) return undefined;
  const out = new Set<string>();
  for (const { value } of s.action) {
    const colon = value.indexOf(':');
    if (colon <= 0) continue; // matches no request action (`*` is handled below)
    const prefix = value.slice(0, colon);
    if (prefix.includes('*') || prefix.includes('?')) return undefined;
    out.add(asciiLower(prefix));
  }
  return s.action.some((v) => v.value === '*' || v.value.indexOf(':') < 0) ? undefined : out;
}

function serviceIndex(statements: readonly CompiledStatement[]): (serviceLower: string) => readonly number[] {
  const generic: number[] = [];
  const byService = new Map<string, number[]>();
  statements.forEach((cs, i) => {
    const services = servicesOf(cs.statement);
    if (!services) {
      generic.push(i);
      return;
    }
    for (const svc of services) {
      const list = byService.get(svc);
      if (list) list.push(i);
      else byService.set(svc, [i]);
    }
  });
  const merged = new Map<string, readonly number[]>();
  const frozenGeneric = Object.freeze(generic);
  return (service) => {
    const own = byService.get(service);
    if (!own) return frozenGeneric;
    let hit = merged.get(service);
    if (!hit) {
      hit = Object.freeze([...generic, ...own].sort((a, b) => a - b));
      merged.set(service, hit);
    }
    return hit;
  };
}

function compileStatement(s: Statement, variablesEnabled: boolean, diagnostics: Diagnostic[]): CompiledStatement {
  const actionValues = (s.action ?? s.notAction ?? []).map((v) => v.value);
  const resourceValues = s.resource ?? s.notResource;
  const resources = (resourceValues ?? []).map((v) => compileResourcePattern(v.value, variablesEnabled));
  const conditions = (s.condition ?? []).map((e) => compileCondition(e, variablesEnabled, diagnostics));
  const referencedKeys = new Map<string, string>();
  for (const c of conditions)
    for (const [k, v] of c.referencedKeys) if (!referencedKeys.has(k)) referencedKeys.set(k, v);
  for (const r of resources) {
    r.variables.forEach((k, i) => {
      if (!referencedKeys.has(k)) referencedKeys.set(k, r.variableNames[i] as string);
    });
  }
  return {
    statement: s,
    allow: s.effect === 'Allow',
    actionNot: s.action === undefined && s.notAction !== undefined,
    action: compileActionMatcher(actionValues),
    resourceMode: s.resource ? 1 : s.notResource ? 2 : 0,
    resources,
    principal: s.principal,
    notPrincipal: s.notPrincipal,
    conditions,
    referencedKeys,
  };
}

/** Action test (§2.1 A4) on the folded request action and its service prefix. */
export function actionPasses(s: CompiledStatement, actionLower: string, serviceLower: string): boolean {
  const i = s.action(actionLower, serviceLower);
  return s.actionNot ? i < 0 : i >= 0;
}

/**
 * Resource test (§2.2 R9): {@link RESOURCE_MATCH}, {@link RESOURCE_NO_MATCH}, or
 * {@link RESOURCE_UNRESOLVED} when nothing matched and a `Resource` value had an unresolved variable.
 */
export function resourcePasses(s: CompiledStatement, resource: string, ctx: PreparedContext): number {
  if (s.resourceMode === 0) return RESOURCE_MATCH;
  let unresolved = false;
  for (const r of s.resources) {
    const m = r.test(resource, ctx.resolve);
    if (m === RESOURCE_MATCH) return s.resourceMode === 1 ? RESOURCE_MATCH : RESOURCE_NO_MATCH;
    if (m === RESOURCE_UNRESOLVED) unresolved = true;
  }
  if (s.resourceMode === 2) return RESOURCE_MATCH;
  return unresolved ? RESOURCE_UNRESOLVED : RESOURCE_NO_MATCH;
}

/** Result of the principal test of a resource-like statement. */
export interface PrincipalOutcome {
  readonly passes: boolean;
  /** The matching values (Principal), empty for NotPrincipal or an absent element. */
  readonly matches: readonly PrincipalMatch[];
  /** True when NotPrincipal applied only because the entity has a boundary (§2.3 P6). */
  readonly boundaryRule: boolean;
}

const NO_MATCHES: readonly PrincipalMatch[] = Object.freeze([]);
const ALL_PRINCIPALS: PrincipalOutcome = Object.freeze({ passes: true, matches: NO_MATCHES, boundaryRule: false });

/** Principal test (§2.3) for resource, trust, RCP and endpoint statements. */
export function principalPasses(s: CompiledStatement, p: PrincipalRef): PrincipalOutcome {
  if (s.principal) {
    const matches = principalMatches(s.principal, p);
    return { passes: matches.length > 0, matches, boundaryRule: false };
  }
  if (s.notPrincipal) {
    const excluded = notPrincipalExcludes(s.notPrincipal, p);
    if (!excluded) return { passes: true, matches: NO_MATCHES, boundaryRule: false };
    // P6: NotPrincipal + Deny always covers a principal whose entity has a boundary.
    const boundaryRule = !s.allow && p.entityHasBoundary;
    return { passes: boundaryRule, matches: NO_MATCHES, boundaryRule };
  }
  return ALL_PRINCIPALS;
}

/** Condition test (§3.1): every entry passes. */
export function conditionsPass(s: CompiledStatement, ctx: PreparedContext): boolean {
  const cs = s.conditions;
  for (let i = 0; i < cs.length; i++) if (!(cs[i] as CompiledCondition).test(ctx)) return false;
  return true;
}

export { RESOURCE_MATCH, RESOURCE_NO_MATCH, RESOURCE_UNRESOLVED };

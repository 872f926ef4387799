/**
 * Who can and what can: the assume-role relation of a model (who may assume which role, learnt
 * on demand with the evaluator and kept per model) and the queries built on it.
 *
 * @module
 */
import { createEvaluator, evaluate } from '../evaluate/evaluate.js';
import type { EvaluationResult, PolicyLike } from '../evaluate/types.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { isAccountId, parsePrincipalArn, splitArn } from '../policy/arn.js';
import { isPolicy } from '../policy/parse.js';
import {
  authorizeIn,
  DEFAULT_INSTANCE_ID,
  evaluatorFor,
  NO_RESOURCE,
  DEFAULT_SESSION_NAME,
  isDiagnostic,
  type ModelState,
  type ResolvedPrincipal,
  type ResourceSide,
  resolvePrincipal,
  resourceSide,
} from './authorize.js';
import { buildIdentityIndex, candidates, type IdentityIndex, resourceGrantees } from './prefilter.js';
import type { ModelRole, PrincipalRef, WhatCanEntry, WhatCanQuery, WhoCanEntry, WhoCanRequest } from './types.js';

const ALLOW_ALL: PolicyLike = Object.freeze({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A caller named by a trust policy: a principal ref, `delegated` when only an account value names it. */
interface CallerRef {
  readonly ref: PrincipalRef;
  readonly delegated: boolean;
}

/** Candidate callers named by a trust policy's Allow statements. */
interface Candidates {
  /**
   * Principal refs (user ARN, or `{ role, sessionName }`) keyed by a dedupe key; `delegated` when
   * only an account value names them (the caller then also needs an identity Allow, §4.5).
   */
  readonly refs: Map<string, CallerRef>;
  readonly services: Set<string>;
  readonly federated: Set<string>;
  /** External values → a stand-in request principal of that account. */
  readonly external: Map<string, string>;
}

function trustCandidates(state: ModelState, role: ModelRole): Candidates {
  const d = state.data;
  const c: Candidates = { refs: new Map(), services: new Set(), federated: new Set(), external: new Map() };
  const doc = role.trustPolicy;
  if (!isPolicy(doc)) return c;
  const add = (key: string, ref: PrincipalRef, delegated: boolean): void => {
    const prev = c.refs.get(key);
    if (!prev || (prev.delegated && !delegated)) c.refs.set(key, { ref, delegated });
  };
  const addAccount = (account: string, delegated: boolean): void => {
    for (const u of d.users) if (u.account === account) add(u.arn, u.arn, delegated);
    for (const r of d.roles) if (r.account === account) add(r.arn, { role: r.arn }, delegated);
  };
  for (const s of doc.statements) {
    if (s.effect !== 'Allow' || !s.principal) continue;
    for (const entry of s.principal.entries) {
      for (const { value } of entry.values) {
        if (entry.kind === 'Service') c.services.add(value);
        else if (entry.kind === 'Federated') c.federated.add(value);
        else if (entry.kind !== 'AWS') continue;
        else if (value === '*') {
          for (const a of d.accounts) addAccount(a.id, false);
          c.external.set('*', `arn:${role.partition}:iam::000000000000:user/anyone`);
        } else if (isAccountId(value)) {
          if (d.accountById.has(value)) addAccount(value, true);
          else c.external.set(value, `arn:${role.partition}:iam::${value}:user/external`);
        } else {
          const p = parsePrincipalArn(value);
          if (p?.kind === 'root') {
            if (d.accountById.has(p.account)) addAccount(p.account, true);
            else c.external.set(value, `arn:${p.partition}:iam::${p.account}:user/external`);
          } else if (p?.kind === 'user') {
            if (d.userByArn.has(value)) add(value, value, false);
            else if (!d.accountById.has(p.account)) c.external.set(value, value);
          } else if (p?.kind === 'role') {
            if (d.roleByArn.has(value)) add(value, { role: value }, false);
            else if (!d.accountById.has(p.account)) c.external.set(value, value);
          } else if (p?.kind === 'assumed-role') {
            const r = d.roleByName.get(`${p.account}/${(p.name as string).toLowerCase()}`);
            if (r) add(value, { role: r.arn, sessionName: p.sessionName as string }, false);
            else if (!d.accountById.has(p.account)) c.external.set(value, value);
          } else {
            // Unique IDs (AIDA…/AROA…) of modelled entities.
            const u = d.users.find((x) => x.id === value);
            if (u) add(u.arn, u.arn, false);
            const r = d.roles.find((x) => x.id === value);
            if (r) add(r.arn, { role: r.arn }, false);
          }
        }
      }
    }
  }
  return c;
}

function allowed(r: EvaluationResult): boolean {
  return r.decision === 'Allow';
}

/** The first way into a role from outside the modelled roles: a user, else an origin label. */
interface Source {
  readonly label: string;
  readonly user: boolean;
}

/** What the trust policy of one role says about its callers, and what was learnt of them. */
interface RoleTrust {
  readonly role: ModelRole;
  readonly candidates: Candidates;
  /** Caller user or role ARN → its refs (a role may be named by ARN and by session ARN). */
  readonly callers: ReadonlyMap<string, readonly CallerRef[]>;
  /** The user callers, sorted by ARN. */
  readonly users: readonly string[];
  /** The role callers other than the role itself, sorted by ARN. */
  readonly roles: readonly string[];
  /** Principals whose identity policies may allow `sts:AssumeRole` on the role (for delegated callers). */
  mayCall?: ReadonlySet<string>;
  /** The first source (`null`: none), once computed. */
  first?: Source | null;
}

/**
 * The per-model state of `whoCan`, kept across queries: the identity index (built with the model)
 * and the assume-role relation, learnt on demand one role and one caller at a time.
 */
interface WhoCanMemo {
  readonly index: IdentityIndex;
  readonly trusts: Map<string, RoleTrust>;
  /** Callers held by `trusts` (bounded: a trust of `*` or of an account names every principal). */
  trustSize: number;
  /** `caller \0 role` → whether the caller may assume the role. */
  readonly edges: Map<string, boolean>;
}

const memos = new WeakMap<ModelState, WhoCanMemo>();
const MAX_EDGES = 500_000;
const MAX_TRUST_CALLERS = 1_000_000;

/**
 * Prepares the queries of a new model: resolves every user and role and indexes their identity
 * policies by service, so that `whoCan` only evaluates principals that may be allowed.
 */
export function prepareQueries(state: ModelState): void {
  if (memos.has(state)) return;
  const entries: [string, readonly PolicyLike[]][] = [];
  const add = (key: string, p: ResolvedPrincipal | Diagnostic): void => {
    if (isDiagnostic(p)) return;
    entries.push([key, p.identity]);
    // Compiles the principal's policies, ready for requests to resources without a policy.
    evaluatorFor(state, p, NO_RESOURCE, undefined);
  };
  for (const u of state.data.users) add(u.arn, resolvePrincipal(state, u.arn));
  for (const r of state.data.roles) add(r.arn, resolvePrincipal(state, { role: r.arn }));
  const memo: WhoCanMemo = { index: buildIdentityIndex(entries), trusts: new Map(), trustSize: 0, edges: new Map() };
  memos.set(state, memo);
  compileAll(state);
}

/** Compiles the trust and resource policies once, as `createEvaluator` does (it keeps them per document). */
function compileAll(state: ModelState): void {
  const d = state.data;
  const resource = new Set<PolicyLike>();
  for (const r of d.roles) if (isPolicy(r.trustPolicy)) resource.add(r.trustPolicy);
  for (const r of d.resources) if (isPolicy(r.policy)) resource.add(r.policy);
  createEvaluator({ resource: [...resource] });
}

function memoOf(state: ModelState): WhoCanMemo {
  prepareQueries(state);
  return memos.get(state) as WhoCanMemo;
}

function trustOf(state: ModelState, memo: WhoCanMemo, role: ModelRole): RoleTrust {
  const hit = memo.trusts.get(role.arn);
  if (hit) return hit;
  const c = trustCandidates(state, role);
  const callers = new Map<string, CallerRef[]>();
  const users: string[] = [];
  const roles: string[] = [];
  for (const caller of c.refs.values()) {
    const from = typeof caller.ref === 'string' ? caller.ref : (caller.ref as { role: string }).role;
    if (from === role.arn) continue;
    const list = callers.get(from);
    if (list) {
      list.push(caller);
      continue;
    }
    callers.set(from, [caller]);
    (typeof caller.ref === 'string' ? users : roles).push(from);
  }
  const trust: RoleTrust = { role, candidates: c, callers, users: users.sort(compare), roles: roles.sort(compare) };
  if (memo.trustSize + callers.size > MAX_TRUST_CALLERS) {
    memo.trusts.clear();
    memo.trustSize = 0;
  }
  memo.trusts.set(role.arn, trust);
  memo.trustSize += callers.size;
  return trust;
}

/** Whether `caller` (a user or role ARN the trust policy names) may assume the role (memoised). */
function canCall(state: ModelState, memo: WhoCanMemo, caller: string, trust: RoleTrust): boolean {
  const key = `${caller}\u0000${trust.role.arn}`;
  const hit = memo.edges.get(key);
  if (hit !== undefined) return hit;
  let ok = false;
  for (const { ref, delegated } of trust.callers.get(caller) ?? []) {
    if (delegated) {
      trust.mayCall ??= candidates(memo.index, 'sts:AssumeRole', trust.role.arn);
      if (!trust.mayCall.has(caller)) continue;
    }
    if (allowed(authorizeIn(state, { principal: ref, action: 'sts:AssumeRole', resource: trust.role.arn }))) {
      ok = true;
      break;
    }
  }
  if (memo.edges.size >= MAX_EDGES) memo.edges.clear();
  memo.edges.set(key, ok);
  return ok;
}

/** Ways into a role from outside the modelled users and roles (instance profiles, services, external principals), sorted. */
function originsOf(state: ModelState, trust: RoleTrust): string[] {
  const d = state.data;
  const role = trust.role;
  const c = trust.candidates;
  const out: string[] = [];
  for (const service of c.services) {
    const r = authorizeIn(state, { principal: service, action: 'sts:AssumeRole', resource: role.arn });
    if (!allowed(r)) continue;
    out.push(service);
    if (service.toLowerCase() === 'ec2.amazonaws.com') {
      for (const p of d.instanceProfiles) if (p.roles.length === 1 && p.roles[0] === role.arn) out.push(p.arn);
    }
  }
  for (const provider of c.federated) {
    const saml = splitArn(provider)?.resource.startsWith('saml-provider/') === true;
    const action = saml ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRoleWithWebIdentity';
    if (allowed(authorizeIn(state, { principal: provider, action, resource: role.arn }))) out.push(provider);
  }
  for (const [label, stand] of c.external) {
    // An external principal's own policies are unknown: assume its account lets it (trusted side).
    const r = evaluate({
      request: { principal: stand, action: 'sts:AssumeRole', resource: role.arn },
      policies: { identity: [ALLOW_ALL], resource: [role.trustPolicy] },
    });
    if (allowed(r)) out.push(label);
  }
  return out.sort(compare);
}

/** The first user (by ARN) that may assume the role, else its first origin; `null` when neither. */
function firstSource(state: ModelState, memo: WhoCanMemo, trust: RoleTrust): Source | null {
  if (trust.first !== undefined) return trust.first;
  let first: Source | null = null;
  for (const u of trust.users) {
    if (canCall(state, memo, u, trust)) {
      first = { label: u, user: true };
      break;
    }
  }
  if (!first) {
    const origin = originsOf(state, trust)[0];
    if (origin !== undefined) first = { label: origin, user: false };
  }
  trust.first = first;
  return first;
}

/**
 * The roles of `targets` that can be reached from the model's users and from outside, each with
 * its chain: the one a breadth-first walk finds when it starts from every user (by ARN), then from
 * every origin (by label), and follows assume-role edges in role-ARN order — the shortest chain,
 * and among those the first in that order. Cycles end the walk.
 *
 * Only the part of the assume-role graph that can lead to a target is explored: a role entered
 * directly by a user or an origin needs no callers of its own; otherwise its role callers join the
 * walk. Restricted to that part (closed under the callers that matter), the walk finds the same
 * chains as over the whole graph.
 */
export function reachRoles(state: ModelState, targets: Iterable<ModelRole>): Map<string, readonly string[]> {
  const d = state.data;
  const memo = memoOf(state);
  const part = new Map<string, RoleTrust>();
  const calledBy = new Map<string, string[]>(); // role caller → roles of the part it may assume
  const entered: [RoleTrust, Source][] = [];
  const work: RoleTrust[] = [];
  const join = (role: ModelRole): void => {
    if (part.has(role.arn)) return;
    const t = trustOf(state, memo, role);
    part.set(role.arn, t);
    work.push(t);
  };
  for (const r of targets) join(r);
  for (let t = work.pop(); t; t = work.pop()) {
    const first = firstSource(state, memo, t);
    if (first) {
      entered.push([t, first]);
      continue;
    }
    for (const caller of t.roles) {
      join(d.roleByArn.get(caller) as ModelRole);
      const list = calledBy.get(caller);
      if (list) list.push(t.role.arn);
      else calledBy.set(caller, [t.role.arn]);
    }
  }
  entered.sort(
    ([ta, a], [tb, b]) =>
      (a.user === b.user ? 0 : a.user ? -1 : 1) || compare(a.label, b.label) || compare(ta.role.arn, tb.role.arn),
  );
  for (const list of calledBy.values()) list.sort(compare);
  const via = new Map<string, readonly string[]>();
  let level: string[] = [];
  for (const [t, first] of entered) {
    via.set(t.role.arn, Object.freeze([first.label]));
    level.push(t.role.arn);
  }
  let pending = part.size - entered.length;
  while (level.length > 0 && pending > 0) {
    const next: string[] = [];
    for (const from of level) {
      const chain = via.get(from) as readonly string[];
      for (const to of calledBy.get(from) ?? []) {
        if (via.has(to) || !canCall(state, memo, from, part.get(to) as RoleTrust)) continue;
        via.set(to, Object.freeze([...chain, from]));
        next.push(to);
        pending--;
      }
    }
    level = next;
  }
  return via;
}

/**
 * The user and role ARNs that may be allowed `action` on `resource` (`undefined`: anyone may).
 * An Allow comes from an identity policy or from a resource policy naming the principal; naming
 * its account only delegates to its identity policies. A trust policy (and a KMS key policy) must
 * allow explicitly (§4.5): then an identity Allow counts only for the accounts it names.
 */
function whoMayBeAllowed(
  state: ModelState,
  memo: WhoCanMemo,
  side: ResourceSide,
  action: string,
  resource: string,
): Set<string> | undefined {
  const d = state.data;
  if (side.policies.length === 0) return candidates(memo.index, action, resource);
  const grantees = resourceGrantees(d, side.policies, action);
  if (!grantees) return undefined;
  const identity = candidates(memo.index, action, resource);
  if (!side.requiresExplicitAllow && !side.key.startsWith('trust:')) {
    for (const key of grantees.named) identity.add(key);
    return identity;
  }
  const out = grantees.named;
  for (const key of identity) {
    const account = (d.userByArn.get(key) ?? d.roleByArn.get(key))?.account;
    if (account !== undefined && grantees.accounts.has(account)) out.add(key);
  }
  return out;
}

/** `whoCan`: every user and reachable role allowed the request, sorted by principal ARN. */
export function whoCanIn(state: ModelState, request: WhoCanRequest): WhoCanEntry[] {
  if (typeof request !== 'object' || request === null) return [];
  const d = state.data;
  const memo = memoOf(state);
  const out: WhoCanEntry[] = [];
  const side =
    typeof request.action === 'string' && typeof request.resource === 'string'
      ? resourceSide(d, request.resource, request.action)
      : undefined;
  const filter = side ? whoMayBeAllowed(state, memo, side, request.action, request.resource) : undefined;
  const ask = (p: ResolvedPrincipal): EvaluationResult =>
    authorizeIn(
      state,
      {
        principal: p.label,
        action: request.action,
        resource: request.resource,
        ...(request.resourceAccount !== undefined ? { resourceAccount: request.resourceAccount } : {}),
        ...(request.context !== undefined ? { context: request.context } : {}),
      },
      undefined,
      p,
      side,
    );
  for (const u of d.users) {
    if (filter && !filter.has(u.arn)) continue;
    const p = resolvePrincipal(state, u.arn);
    if (isDiagnostic(p)) continue;
    const result = ask(p);
    if (allowed(result)) out.push(Object.freeze({ principal: u.arn, via: Object.freeze([]), result }));
  }
  const reach = reachRoles(state, filter ? d.roles.filter((r) => filter.has(r.arn)) : d.roles);
  for (const role of d.roles) {
    const chain = reach.get(role.arn);
    if (!chain || (filter && !filter.has(role.arn))) continue;
    const fromProfile = state.data.profileByArn.has(chain[0] as string);
    const p = resolvePrincipal(state, {
      role: role.arn,
      sessionName: fromProfile ? DEFAULT_INSTANCE_ID : DEFAULT_SESSION_NAME,
    });
    if (isDiagnostic(p)) continue;
    const result = ask(p);
    if (allowed(result)) out.push(Object.freeze({ principal: role.arn, via: chain, result }));
  }
  out.sort((a, b) => compare(a.principal, b.principal));
  return out;
}

function hasWildcard(action: string): boolean {
  return action.includes('*') || action.includes('?');
}

/** The services whose actions can target `resource` (a role also takes `sts:` actions). */
function servicesOf(resource: string): Set<string> | undefined {
  const arn = resource.startsWith('arn:') ? splitArn(resource) : null;
  if (!arn) return undefined;
  const out = new Set([arn.service.toLowerCase()]);
  if (arn.service === 'iam' && arn.resource.startsWith('role/')) out.add('sts');
  return out;
}

/** Wildcard-free actions named by Allow statements of `docs`, for services in `services`. */
function namedActions(docs: readonly PolicyLike[], services: Set<string> | undefined, out: Map<string, string>): void {
  for (const doc of docs) {
    if (!isPolicy(doc)) continue;
    for (const s of doc.statements) {
      if (s.effect !== 'Allow' || !s.action) continue;
      for (const { value } of s.action) {
        const colon = value.indexOf(':');
        if (colon <= 0 || hasWildcard(value)) continue;
        if (services && !services.has(value.slice(0, colon).toLowerCase())) continue;
        const fold = value.toLowerCase();
        if (!out.has(fold)) out.set(fold, value);
      }
    }
  }
}

/** `whatCan`: the actions `principal` is allowed on `query.resource`, sorted. */
export function whatCanIn(state: ModelState, principal: PrincipalRef, query: WhatCanQuery): WhatCanEntry[] {
  if (typeof query !== 'object' || query === null || typeof query.resource !== 'string') return [];
  const p = resolvePrincipal(state, principal);
  if (isDiagnostic(p)) return [];
  const actions = new Map<string, string>();
  if (Array.isArray(query.actions)) {
    for (const a of query.actions)
      if (typeof a === 'string' && !actions.has(a.toLowerCase())) actions.set(a.toLowerCase(), a);
  } else {
    const services = servicesOf(query.resource);
    namedActions(p.identity, services, actions);
    namedActions(resourceSide(state.data, query.resource, 'sts:AssumeRole').policies, services, actions);
    namedActions(resourceSide(state.data, query.resource, 'x:y').policies, services, actions);
  }
  const out: WhatCanEntry[] = [];
  for (const action of actions.values()) {
    const result = authorizeIn(
      state,
      {
        principal,
        action,
        resource: query.resource,
        ...(query.resourceAccount !== undefined ? { resourceAccount: query.resourceAccount } : {}),
        ...(query.context !== undefined ? { context: query.context } : {}),
      },
      undefined,
      p,
    );
    if (allowed(result)) out.push(Object.freeze({ action, result }));
  }
  out.sort((a, b) => compare(a.action.toLowerCase(), b.action.toLowerCase()));
  return out;
}

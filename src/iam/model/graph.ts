/**
 * Who can and what can: the assume-role graph of a model (who may assume which role, computed
 * once per model with the evaluator) and the queries built on it.
 *
 * @module
 */
import { evaluate } from '../evaluate/evaluate.js';
import type { EvaluationResult, PolicyLike } from '../evaluate/types.js';
import { isAccountId, parsePrincipalArn, splitArn } from '../policy/arn.js';
import { isPolicy } from '../policy/parse.js';
import {
  authorizeIn,
  DEFAULT_INSTANCE_ID,
  DEFAULT_SESSION_NAME,
  isDiagnostic,
  type ModelState,
  type ResolvedPrincipal,
  resolvePrincipal,
  resourceSide,
} from './authorize.js';
import { buildIdentityIndex, candidates, type IdentityIndex, mayAllow } from './prefilter.js';
import type { ModelRole, PrincipalRef, WhatCanEntry, WhatCanQuery, WhoCanEntry, WhoCanRequest } from './types.js';

/** Who may assume which role. */
export interface AssumeGraph {
  /** User or role ARN → the role ARNs it may assume, sorted. */
  readonly edges: ReadonlyMap<string, readonly string[]>;
  /** Ways into a role from outside the modelled users and roles: an instance profile, a service, an external principal. */
  readonly origins: readonly { readonly label: string; readonly role: string }[];
}

const ALLOW_ALL: PolicyLike = Object.freeze({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});

const graphs = new WeakMap<ModelState, AssumeGraph>();

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Candidate callers named by a trust policy's Allow statements. */
interface Candidates {
  /**
   * Principal refs (user ARN, or `{ role, sessionName }`) keyed by a dedupe key; `delegated` when
   * only an account value names them (the caller then also needs an identity Allow, §4.5).
   */
  readonly refs: Map<string, { readonly ref: PrincipalRef; readonly delegated: boolean }>;
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

/** The assume-role graph of the model (computed on first use, then cached). */
export function assumeGraph(state: ModelState): AssumeGraph {
  const cached = graphs.get(state);
  if (cached) return cached;
  const d = state.data;
  const edges = new Map<string, string[]>();
  const origins: { label: string; role: string }[] = [];
  const addEdge = (from: string, to: string): void => {
    const list = edges.get(from);
    if (!list) edges.set(from, [to]);
    else if (!list.includes(to)) list.push(to);
  };
  for (const role of d.roles) {
    const c = trustCandidates(state, role);
    for (const { ref, delegated } of c.refs.values()) {
      const from = typeof ref === 'string' ? ref : (ref as { role: string }).role;
      if (from === role.arn) continue;
      if (delegated) {
        const p = resolvePrincipal(state, ref);
        if (isDiagnostic(p) || !mayAllow(p.identity, 'sts:AssumeRole', role.arn)) continue;
      }
      if (allowed(authorizeIn(state, { principal: ref, action: 'sts:AssumeRole', resource: role.arn }))) {
        addEdge(from, role.arn);
      }
    }
    for (const service of c.services) {
      const r = authorizeIn(state, { principal: service, action: 'sts:AssumeRole', resource: role.arn });
      if (!allowed(r)) continue;
      origins.push({ label: service, role: role.arn });
      if (service.toLowerCase() === 'ec2.amazonaws.com') {
        for (const p of d.instanceProfiles) {
          if (p.roles.length === 1 && p.roles[0] === role.arn) origins.push({ label: p.arn, role: role.arn });
        }
      }
    }
    for (const provider of c.federated) {
      const saml = splitArn(provider)?.resource.startsWith('saml-provider/') === true;
      const action = saml ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRoleWithWebIdentity';
      const r = authorizeIn(state, { principal: provider, action, resource: role.arn });
      if (allowed(r)) origins.push({ label: provider, role: role.arn });
    }
    for (const [label, stand] of c.external) {
      // An external principal's own policies are unknown: assume its account lets it (trusted side).
      const r = evaluate({
        request: { principal: stand, action: 'sts:AssumeRole', resource: role.arn },
        policies: { identity: [ALLOW_ALL], resource: [role.trustPolicy] },
      });
      if (allowed(r)) origins.push({ label, role: role.arn });
    }
  }
  for (const list of edges.values()) list.sort(compare);
  origins.sort((a, b) => compare(a.label, b.label) || compare(a.role, b.role));
  const graph: AssumeGraph = Object.freeze({ edges, origins: Object.freeze(origins) });
  graphs.set(state, graph);
  return graph;
}

/**
 * Every role reachable from the model's users and from outside (instance profiles, services,
 * external principals), each with its shortest chain (breadth first, so cycles end the walk).
 */
export function reachableRoles(state: ModelState): Map<string, readonly string[]> {
  const g = assumeGraph(state);
  const via = new Map<string, readonly string[]>();
  const queue: string[] = [];
  const users = [...state.data.users].sort((a, b) => compare(a.arn, b.arn));
  for (const u of users) {
    for (const r of g.edges.get(u.arn) ?? []) {
      if (!via.has(r)) {
        via.set(r, [u.arn]);
        queue.push(r);
      }
    }
  }
  for (const o of g.origins) {
    if (!via.has(o.role)) {
      via.set(o.role, [o.label]);
      queue.push(o.role);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const from = queue[i] as string;
    const chain = via.get(from) as readonly string[];
    for (const r of g.edges.get(from) ?? []) {
      if (!via.has(r)) {
        via.set(r, [...chain, from]);
        queue.push(r);
      }
    }
  }
  return via;
}

const indexes = new WeakMap<ModelState, IdentityIndex>();

/** The identity-document index of every user and role of the model (built on first use). */
function identityIndex(state: ModelState): IdentityIndex {
  const hit = indexes.get(state);
  if (hit) return hit;
  const entries: [string, readonly PolicyLike[]][] = [];
  for (const u of state.data.users) {
    const p = resolvePrincipal(state, u.arn);
    if (!isDiagnostic(p)) entries.push([u.arn, p.identity]);
  }
  for (const r of state.data.roles) {
    const p = resolvePrincipal(state, { role: r.arn });
    if (!isDiagnostic(p)) entries.push([r.arn, p.identity]);
  }
  const index = buildIdentityIndex(entries);
  indexes.set(state, index);
  return index;
}

/** `whoCan`: every user and reachable role allowed the request, sorted by principal ARN. */
export function whoCanIn(state: ModelState, request: WhoCanRequest): WhoCanEntry[] {
  if (typeof request !== 'object' || request === null) return [];
  const d = state.data;
  const out: WhoCanEntry[] = [];
  // Without a resource policy only an identity Allow can grant: skip principals that have none.
  const filter =
    typeof request.action === 'string' &&
    typeof request.resource === 'string' &&
    resourceSide(d, request.resource, request.action).policies.length === 0
      ? candidates(identityIndex(state), request.action, request.resource)
      : undefined;
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
    );
  for (const u of d.users) {
    if (filter && !filter.has(u.arn)) continue;
    const p = resolvePrincipal(state, u.arn);
    if (isDiagnostic(p)) continue;
    const result = ask(p);
    if (allowed(result)) out.push(Object.freeze({ principal: u.arn, via: Object.freeze([]), result }));
  }
  const reach = reachableRoles(state);
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
    if (allowed(result)) out.push(Object.freeze({ principal: role.arn, via: Object.freeze([...chain]), result }));
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

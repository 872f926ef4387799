/**
 * Necessary conditions for an identity-based Allow, used to skip evaluations that cannot allow:
 * without a resource policy that could grant, a principal is allowed only if one of its identity
 * policies has an `Allow` statement whose `Action` and `Resource` match the request (spec/iam.md
 * §4.3 step 6; conditions are ignored here, so the test never rejects a principal the evaluator
 * would allow).
 *
 * The index is built once per model from the parsed policies (statements grouped by the service
 * prefix of their actions, with the literal head of each resource pattern); matchers are compiled
 * lazily, only for statements whose service and resource head fit a request.
 *
 * @module
 */
import type { PolicyLike } from '../evaluate/types.js';
import { type ActionMatcher, actionService, compileActionMatcher, foldAction } from '../match/action.js';
import { compileResourcePattern, RESOURCE_NO_MATCH, type ResourcePattern } from '../match/resource.js';
import { asciiLower } from '../policy/operators.js';
import { isAccountId, parsePrincipalArn } from '../policy/arn.js';
import { isPolicy } from '../policy/parse.js';
import type { Statement } from '../policy/types.js';
import type { ModelData } from './build.js';

/** One Allow statement of an identity document, with what is needed to test it cheaply. */
interface AllowEntry {
  readonly doc: object;
  readonly statement: Statement;
  readonly variablesEnabled: boolean;
  /** Literal head of each `Resource` value (text before the first `*`, `?` or `$`); absent: any resource. */
  readonly heads?: readonly string[];
  /** Compiled on first use. */
  action?: ActionMatcher;
  resources?: readonly ResourcePattern[];
}

/** Which principals hold which identity documents, to find the candidates of a request fast. */
export interface IdentityIndex {
  /** Document → keys (user or role ARNs) of the principals whose identity policies include it. */
  readonly holders: ReadonlyMap<object, readonly string[]>;
  /** Principals with a document that may allow anything (unparsed, or an Allow with `NotAction`). */
  readonly always: ReadonlySet<string>;
  /**
   * Lower-cased service prefix (`*` for statements whose actions may belong to any service) →
   * literal resource head → the Allow statements naming an action of that service with a resource
   * pattern of that head (head `''` also for statements without `Resource`).
   */
  readonly byService: ReadonlyMap<string, HeadIndex>;
}

/** Allow statements by the literal head of their resource patterns. */
interface HeadIndex {
  readonly byHead: Map<string, AllowEntry[]>;
  /** The distinct head lengths, ascending (a resource is looked up by its prefixes of these lengths). */
  readonly lengths: number[];
}

function literalHead(pattern: string): string {
  let end = pattern.length;
  for (const c of ['*', '?', '$']) {
    const i = pattern.indexOf(c);
    if (i >= 0 && i < end) end = i;
  }
  return end === pattern.length ? pattern : pattern.slice(0, end);
}

/** The service prefixes of an Allow statement's actions; `undefined` when it may match any service. */
function statementServices(s: Statement): Set<string> | undefined {
  const out = new Set<string>();
  for (const { value } of s.action ?? []) {
    if (value === '*') return undefined;
    const colon = value.indexOf(':');
    const prefix = colon < 0 ? value : value.slice(0, colon);
    if (prefix.includes('*') || prefix.includes('?')) return undefined;
    out.add(colon < 0 ? '' : asciiLower(prefix)); // as `actionService` files a request action
  }
  return out;
}

/** Indexes the identity documents of `principals` (key → documents). */
export function buildIdentityIndex(principals: Iterable<readonly [string, readonly PolicyLike[]]>): IdentityIndex {
  const holders = new Map<object, string[]>();
  const always = new Set<string>();
  const openDocs = new Set<unknown>();
  const byService = new Map<string, HeadIndex>();
  const file = (service: string, entry: AllowEntry): void => {
    let index = byService.get(service);
    if (!index) {
      index = { byHead: new Map(), lengths: [] };
      byService.set(service, index);
    }
    for (const head of entry.heads ?? ['']) {
      const list = index.byHead.get(head);
      if (!list) {
        index.byHead.set(head, [entry]);
        if (!index.lengths.includes(head.length)) index.lengths.push(head.length);
      } else if (list[list.length - 1] !== entry) list.push(entry);
    }
  };
  const indexDoc = (doc: object): boolean => {
    if (!isPolicy(doc)) return false;
    const entries: [Set<string> | undefined, AllowEntry][] = [];
    for (const s of doc.statements) {
      if (s.effect !== 'Allow') continue;
      if (!s.action) return false;
      const entry: AllowEntry = s.resource
        ? {
            doc,
            statement: s,
            variablesEnabled: doc.variablesEnabled,
            heads: s.resource.map((r) => literalHead(r.value)),
          }
        : { doc, statement: s, variablesEnabled: doc.variablesEnabled };
      entries.push([statementServices(s), entry]);
    }
    for (const [services, entry] of entries) {
      if (!services) file('*', entry);
      else for (const svc of services) file(svc, entry);
    }
    return true;
  };
  for (const [key, docs] of principals) {
    for (const doc of docs) {
      if (openDocs.has(doc)) {
        always.add(key);
        continue;
      }
      if (typeof doc !== 'object' || doc === null) {
        always.add(key);
        continue;
      }
      const list = holders.get(doc);
      if (list) {
        if (list[list.length - 1] !== key) list.push(key);
        continue;
      }
      if (!indexDoc(doc)) {
        openDocs.add(doc);
        always.add(key);
        continue;
      }
      holders.set(doc, [key]);
    }
  }
  for (const index of byService.values()) index.lengths.sort((a, b) => a - b);
  return { holders, always, byService };
}

const unresolved = (): undefined => undefined;

/** ASCII case-insensitive equality of `text` with `lower` (already ASCII lower case), without allocating. */
function equalsFolded(text: string, lower: string): boolean {
  if (text.length !== lower.length) return false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Whether one `Action` value may match: exact names and `service:*` are compared in place (most
 * values are one or the other); `undefined` when the value needs a compiled matcher.
 */
function simpleActionMatch(value: string, lower: string, service: string): boolean | undefined {
  const star = value.indexOf('*');
  if (value.indexOf('?') >= 0 || (star >= 0 && star !== value.length - 1)) return undefined;
  if (star < 0) return equalsFolded(value, lower);
  if (value === '*') return true;
  const colon = value.indexOf(':');
  if (colon !== value.length - 2) return undefined;
  return equalsFolded(value.slice(0, colon), service);
}

function actionMayMatch(e: AllowEntry, lower: string, service: string): boolean {
  if (!e.action) {
    let simple = true;
    for (const { value } of e.statement.action ?? []) {
      const hit = simpleActionMatch(value, lower, service);
      if (hit === true) return true;
      if (hit === undefined) simple = false;
    }
    if (simple) return false;
    e.action = compileActionMatcher((e.statement.action ?? []).map((v) => v.value));
  }
  return e.action(lower, service) >= 0;
}

function colons(text: string): number {
  let n = 0;
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) n++;
  return n;
}

function entryMayAllow(e: AllowEntry, lower: string, service: string, resource: string): boolean {
  if (!actionMayMatch(e, lower, service)) return false;
  const values = e.statement.resource;
  if (!values || !e.heads) return true;
  // `arn:…:…:…:…:head*` (a head through the fifth colon, then one final `*`) matches every
  // resource that begins with the head: decided without compiling the pattern.
  let compiled = false;
  for (let i = 0; i < values.length; i++) {
    const text = (values[i] as { value: string }).value;
    const head = e.heads[i] as string;
    if (text === '*') return true;
    if (!resource.startsWith(head)) continue;
    if (text.length === head.length + 1 && text.endsWith('*') && colons(head) >= 5) return true;
    compiled = true;
  }
  if (!compiled) return false;
  e.resources ??= values.map((r) => compileResourcePattern(r.value, e.variablesEnabled));
  for (const r of e.resources) if (r.test(resource, unresolved) !== RESOURCE_NO_MATCH) return true;
  return false;
}

/** The keys of every principal that an identity policy may allow `action` on `resource`. */
export function candidates(index: IdentityIndex, action: string, resource: string): Set<string> {
  const lower = foldAction(action);
  const service = actionService(lower);
  const out = new Set(index.always);
  const done = new Set<object>();
  const scan = (heads: HeadIndex | undefined): void => {
    if (!heads) return;
    // A pattern matches only resources that begin with its literal head (glob literals match exactly).
    for (const end of heads.lengths) {
      if (end > resource.length) break;
      const entries = heads.byHead.get(end === resource.length ? resource : resource.slice(0, end));
      if (!entries) continue;
      for (const e of entries) {
        if (done.has(e.doc) || !entryMayAllow(e, lower, service, resource)) continue;
        done.add(e.doc);
        for (const key of index.holders.get(e.doc) as readonly string[]) out.add(key);
      }
    }
  };
  scan(index.byService.get(service));
  if (service !== '*') scan(index.byService.get('*'));
  return out;
}

/** Who an Allow statement of a resource policy may name (see {@link resourceGrantees}). */
export interface Grantees {
  /** User and role ARNs the policy names. */
  readonly named: Set<string>;
  /** Accounts the policy names (delegation: their principals also need an identity Allow, §4.5, §4.6). */
  readonly accounts: Set<string>;
}

/**
 * The principals that an Allow statement of the resource policies `docs` names for `action`, or
 * `undefined` when it may name anyone (a `*` or wildcard principal, `NotPrincipal`, a canonical
 * user, an unparsed policy). Service and federated principals name no user or role session.
 * Conditions and `Resource` are ignored, so the answer never misses a principal the evaluator allows.
 */
export function resourceGrantees(d: ModelData, docs: readonly PolicyLike[], action: string): Grantees | undefined {
  const lower = foldAction(action);
  const service = actionService(lower);
  const out: Grantees = { named: new Set(), accounts: new Set() };
  const named = (value: string): boolean => {
    if (value.includes('*') || value.includes('?')) return false;
    if (isAccountId(value)) {
      out.accounts.add(value);
      return true;
    }
    const p = parsePrincipalArn(value);
    if (!p) {
      // A unique ID names the entity that has it (or no modelled one).
      for (const u of d.users) if (u.id === value) out.named.add(u.arn);
      for (const r of d.roles) if (r.id === value) out.named.add(r.arn);
      return true;
    }
    const key = `${p.account}/${(p.name ?? '').toLowerCase()}`;
    if (p.kind === 'root') out.accounts.add(p.account);
    else if (p.kind === 'user' || p.kind === 'federated-user') {
      const u = d.userByArn.get(value) ?? d.userByName.get(key);
      if (u) out.named.add(u.arn);
    } else if (p.kind === 'role' || p.kind === 'assumed-role') {
      const r = d.roleByArn.get(value) ?? d.roleByName.get(key);
      if (r) out.named.add(r.arn);
    } else return false;
    return true;
  };
  for (const doc of docs) {
    if (!isPolicy(doc)) return undefined;
    for (const s of doc.statements) {
      if (s.effect !== 'Allow') continue;
      // Without Principal the evaluator lets the statement cover every principal.
      if (s.notPrincipal || !s.principal) return undefined;
      if (s.action && compileActionMatcher(s.action.map((v) => v.value))(lower, service) < 0) continue;
      for (const entry of s.principal.entries) {
        if (entry.kind === 'Service' || entry.kind === 'Federated') continue;
        if (entry.kind !== 'AWS') return undefined;
        for (const { value } of entry.values) if (!named(value)) return undefined;
      }
    }
  }
  return out;
}

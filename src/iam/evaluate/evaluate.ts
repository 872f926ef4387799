/**
 * `evaluate` and `createEvaluator`: the IAM decision for one request (spec/iam.md §4) with the
 * explanation of §8.
 *
 * Compilation: `createEvaluator` parses and compiles its policies once. `evaluate` keeps a
 * bounded cache of compiled policies keyed by the JSON text (and policy type) for string
 * inputs, and by object identity (a WeakMap) for objects and parsed policies, so repeated
 * identical raw inputs are not re-parsed. Objects passed as policies must not be mutated
 * afterwards (the cache would not notice).
 *
 * @module
 */
import { START_RANGE } from '../../diagnostics/line-index.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { addDerived, type ContextValue, type PreparedContext, prepareContext } from '../condition/context.js';
import { actionService, foldAction, isRequestAction } from '../match/action.js';
import { type PrincipalRef, parseRequestPrincipal } from '../match/principal.js';
import { parsePrincipalArn, splitArn } from '../policy/arn.js';
import { isPolicy, parsePolicy } from '../policy/parse.js';
import type { PolicyType } from '../policy/types.js';
import { type CompiledPolicy, compilePolicy } from './compile.js';
import {
  type CompiledPolicySet,
  decide,
  type EvalState,
  type Hit,
  type Outcome,
  type Placement,
  type RequestFacts,
} from './engine.js';
import { explainStatements } from './explain.js';
import type {
  EvaluateOptions,
  EvaluationInput,
  EvaluationPolicies,
  EvaluationRequest,
  EvaluationResult,
  Explanation,
  MissingKey,
  PolicyLike,
  StatementRef,
} from './types.js';

// ------------------------------------------------------------------ compiled-policy cache

interface Loaded {
  readonly compiled?: CompiledPolicy;
  readonly diagnostics: readonly Diagnostic[];
}

const MAX_TEXT_CACHE = 512;
/** Per policy type: JSON text → compiled policy. Keyed by the text itself, whose hash V8 caches. */
const textCache = new Map<PolicyType, Map<string, Loaded>>();
const objectCache = new WeakMap<object, Map<PolicyType, Loaded>>();

function loadUncached(like: PolicyLike, type: PolicyType): Loaded {
  if (isPolicy(like)) return { compiled: compilePolicy(like), diagnostics: [] };
  const parsed = parsePolicy(like as string | object, { type });
  if (!parsed.policy) return { diagnostics: parsed.diagnostics.filter((d) => d.severity === 'error') };
  return { compiled: compilePolicy(parsed.policy), diagnostics: [] };
}

/** Parses and compiles a policy, through the bounded cache. */
function load(like: PolicyLike, type: PolicyType): Loaded {
  if (typeof like === 'string') {
    let byText = textCache.get(type);
    if (!byText) {
      byText = new Map();
      textCache.set(type, byText);
    }
    const hit = byText.get(like);
    if (hit) return hit;
    const loaded = loadUncached(like, type);
    if (byText.size >= MAX_TEXT_CACHE) byText.delete(byText.keys().next().value as string);
    byText.set(like, loaded);
    return loaded;
  }
  if (like === null || typeof like !== 'object') {
    return {
      diagnostics: [invalid('policy-invalid', `A ${type} policy must be JSON text, an object or a parsed policy`)],
    };
  }
  let byType = objectCache.get(like);
  const hit = byType?.get(type);
  if (hit) return hit;
  const loaded = loadUncached(like, type);
  if (!byType) {
    byType = new Map();
    objectCache.set(like, byType);
  }
  byType.set(type, loaded);
  return loaded;
}

function invalid(ruleId: string, message: string, data?: Record<string, unknown>): Diagnostic {
  return { ruleId, severity: 'error', message, range: START_RANGE, ...(data ? { data } : {}) };
}

// ------------------------------------------------------------------ policy sets

interface PreparedSet {
  readonly set: CompiledPolicySet;
  readonly diagnostics: readonly Diagnostic[];
  readonly invalid: boolean;
}

function placeAll(
  likes: readonly PolicyLike[] | undefined,
  type: PolicyType,
  name: string,
  diagnostics: Diagnostic[],
  state: { invalid: boolean },
  level?: number,
): Placement[] {
  const out: Placement[] = [];
  if (!likes) return out;
  if (!Array.isArray(likes)) {
    diagnostics.push(invalid('policy-invalid', `policies.${name} must be an array`));
    state.invalid = true;
    return out;
  }
  likes.forEach((like: PolicyLike, i: number) => {
    const fallbackId = level === undefined ? `${name}[${i}]` : `${name}[${level}][${i}]`;
    const id = isPolicy(like) && like.id !== '' ? like.id : fallbackId;
    const loaded = load(like, type);
    if (!loaded.compiled) {
      state.invalid = true;
      diagnostics.push(
        invalid('policy-unparsable', `Policy ${id} could not be parsed; the request cannot be evaluated`, {
          policyId: id,
        }),
      );
      for (const d of loaded.diagnostics) diagnostics.push({ ...d, data: { ...(d.data ?? {}), policyId: id } });
      return;
    }
    for (const d of loaded.compiled.diagnostics) diagnostics.push({ ...d, data: { ...(d.data ?? {}), policyId: id } });
    out.push(level === undefined ? { c: loaded.compiled, type, id } : { c: loaded.compiled, type, id, level });
  });
  return out;
}

function prepareSet(policies: EvaluationPolicies | undefined): PreparedSet {
  const diagnostics: Diagnostic[] = [];
  const state = { invalid: false };
  const p = policies ?? {};
  const levels = (
    list: readonly (readonly PolicyLike[])[] | undefined,
    type: PolicyType,
    name: string,
  ): Placement[][] => {
    if (!list) return [];
    if (!Array.isArray(list)) {
      diagnostics.push(invalid('policy-invalid', `policies.${name} must be an array of levels`));
      state.invalid = true;
      return [];
    }
    return list.map((lv: readonly PolicyLike[], level: number) => placeAll(lv, type, name, diagnostics, state, level));
  };
  const set: CompiledPolicySet = {
    identity: placeAll(p.identity, 'identity', 'identity', diagnostics, state),
    boundary: placeAll(p.boundary, 'boundary', 'boundary', diagnostics, state),
    session: placeAll(p.session, 'session', 'session', diagnostics, state),
    resource: placeAll(p.resource, 'resource', 'resource', diagnostics, state),
    endpoint: placeAll(p.endpoint, 'endpoint', 'endpoint', diagnostics, state),
    scp: levels(p.scp, 'scp', 'scp'),
    rcp: levels(p.rcp, 'rcp', 'rcp'),
  };
  return { set, diagnostics: Object.freeze(diagnostics), invalid: state.invalid };
}

// ------------------------------------------------------------------ request

const RCP_SERVICES: ReadonlySet<string> = new Set(['s3', 'sts', 'kms', 'sqs', 'secretsmanager']);

/** Context keys derived from the principal and the request (§5.1); the caller's entries win. */
export function deriveContext(p: PrincipalRef, resourceAccount: string | undefined): Record<string, ContextValue> {
  const d: Record<string, ContextValue> = Object.create(null) as Record<string, ContextValue>;
  const account = p.account;
  switch (p.kind) {
    case 'user':
      d['aws:username'] = p.name as string;
      d['aws:PrincipalArn'] = p.arn as string;
      d['aws:PrincipalType'] = 'User';
      if (p.userId) d['aws:userid'] = p.userId;
      break;
    case 'roleSession':
      d['aws:PrincipalArn'] = p.roleArn as string;
      d['aws:PrincipalType'] = 'AssumedRole';
      if (p.roleId) d['aws:userid'] = `${p.roleId}:${p.sessionName as string}`;
      break;
    case 'federatedSession':
      d['aws:PrincipalArn'] = p.arn as string;
      d['aws:PrincipalType'] = 'FederatedUser';
      d['aws:userid'] = `${account as string}:${p.name as string}`;
      break;
    case 'root':
      d['aws:PrincipalArn'] = p.arn as string;
      d['aws:PrincipalType'] = 'Account';
      d['aws:userid'] = account as string;
      break;
    case 'anonymous':
      d['aws:PrincipalType'] = 'Anonymous';
      d['aws:userid'] = 'anonymous';
      d['aws:PrincipalAccount'] = 'anonymous';
      break;
    case 'service':
      d['aws:PrincipalIsAWSService'] = 'true';
      d['aws:PrincipalServiceName'] = p.serviceName as string;
      d['aws:PrincipalServiceNamesList'] = [p.serviceName as string];
      break;
    default:
      if (p.provider) d['aws:FederatedProvider'] = p.provider;
  }
  if (p.kind === 'user' || p.kind === 'roleSession' || p.kind === 'federatedSession' || p.kind === 'root') {
    d['aws:PrincipalAccount'] = account as string;
    d['aws:PrincipalIsAWSService'] = 'false';
  }
  if (resourceAccount) d['aws:ResourceAccount'] = resourceAccount;
  return d;
}

interface RequestPrep {
  readonly facts?: RequestFacts;
  readonly diagnostics: readonly Diagnostic[];
  readonly derived?: Record<string, ContextValue>;
  /** The request is a non-`sts:` action on a role: the given resource (trust) policy is not consulted. */
  readonly ignoreResourcePolicy?: boolean;
}

const EMPTY: readonly never[] = Object.freeze([]);

/** The last principal parsed: requests of one caller repeat it (a one-entry memo of pure data). */
let lastPrincipal:
  | { text: string; hasBoundary: boolean; action: string; ctxArn: string | undefined; ref: PrincipalRef | undefined }
  | undefined;

function principalOf(
  text: string,
  details: EvaluationRequest['principalDetails'],
  hasBoundary: boolean,
  action: string,
  ctxArn: string | undefined,
): PrincipalRef | undefined {
  const m = lastPrincipal;
  if (!details && m && m.text === text && m.hasBoundary === hasBoundary && m.action === action && m.ctxArn === ctxArn) {
    return m.ref;
  }
  const ref = parseRequestPrincipal(
    text,
    { ...(details ?? {}), entityHasBoundary: details?.entityHasBoundary ?? hasBoundary },
    action,
    ctxArn,
  );
  if (!details) lastPrincipal = { text, hasBoundary, action, ctxArn, ref };
  return ref;
}

let lastDerived: { p: PrincipalRef; account: string; derived: Record<string, ContextValue> } | undefined;

function derivedFor(p: PrincipalRef, resourceAccount: string): Record<string, ContextValue> {
  const m = lastDerived;
  if (m && m.p === p && m.account === resourceAccount) return m.derived;
  const derived = deriveContext(p, resourceAccount || undefined);
  lastDerived = { p, account: resourceAccount, derived };
  return derived;
}

function prepareRequest(set: CompiledPolicySet, request: EvaluationRequest | undefined): RequestPrep {
  const diags: Diagnostic[] = [];
  if (!request || typeof request !== 'object') {
    return { diagnostics: [invalid('request-invalid', 'The request must be an object')] };
  }
  const { action, resource } = request;
  if (typeof action !== 'string' || !isRequestAction(action)) {
    diags.push(invalid('request-action-invalid', `The request action must be 'service:Action' without wildcards`));
  }
  const arn = typeof resource !== 'string' || resource === '*' ? null : splitArn(resource);
  if (typeof resource !== 'string' || (resource !== '*' && arn?.prefix !== 'arn')) {
    diags.push(invalid('request-resource-invalid', `The request resource must be an ARN or '*'`));
  }
  const context = request.context;
  let ctx: PreparedContext | undefined;
  if (context !== undefined && (context === null || typeof context !== 'object' || Array.isArray(context))) {
    diags.push(
      invalid('request-context-invalid', 'The request context must be an object of strings and string arrays'),
    );
  } else {
    ctx = prepareContext(context);
    if (ctx.invalidKey !== undefined) {
      diags.push(
        invalid('request-context-invalid', `Context key ${ctx.invalidKey} must be a string or an array of strings`),
      );
    }
  }
  const ctxArn = ctx?.values.get('aws:principalarn');
  const principal =
    typeof request.principal === 'string'
      ? principalOf(
          request.principal,
          request.principalDetails,
          set.boundary.length > 0,
          typeof action === 'string' ? action : '',
          typeof ctxArn === 'string' && !ctx?.collisions?.has('aws:principalarn') ? ctxArn : undefined,
        )
      : undefined;
  if (!principal) {
    diags.push(
      invalid(
        'request-principal-invalid',
        'The request principal must be a user, root, assumed-role or federated-user ARN, a service principal, or anonymous',
      ),
    );
  }
  if (request.resourceAccount !== undefined && typeof request.resourceAccount !== 'string') {
    diags.push(invalid('request-resource-invalid', 'The request resourceAccount must be a string'));
  }
  if (diags.length > 0 || !principal || !ctx) return { diagnostics: diags };
  let resourceAccount = request.resourceAccount;
  if (resourceAccount === undefined && arn && arn.account !== '') resourceAccount = arn.account;
  // Choice: a `*` resource is in the principal's own account; an ARN without an account (S3)
  // and no resourceAccount leaves the account unknown, which is never the same account (§4.3).
  if (resourceAccount === undefined && resource === '*') resourceAccount = principal.account;
  resourceAccount ??= '';
  const derived = derivedFor(principal, resourceAccount);
  addDerived(ctx, derived);
  const actionLower = foldAction(action);
  const service = actionService(actionLower);
  let resourceRole: RequestFacts['resourceRole'] = 'resource';
  const onRole = arn !== null && arn.service === 'iam' && parsePrincipalArn(resource)?.kind === 'role';
  if (service === 'sts' && onRole) resourceRole = 'trust';
  else if (service === 'kms' && arn && arn.service === 'kms' && arn.resource.startsWith('key/')) resourceRole = 'key';
  const org = request.organization ?? {};
  const iam =
    principal.kind === 'user' ||
    principal.kind === 'roleSession' ||
    principal.kind === 'federatedSession' ||
    principal.kind === 'root';
  const facts: RequestFacts = {
    principal,
    actionLower,
    serviceLower: service,
    resource,
    resourceAccount,
    ctx,
    resourceRole,
    mustAllow: resourceRole !== 'resource' || request.resourcePolicyRequiresExplicitAllow === true,
    sameAccount: iam && resourceAccount !== '' && principal.account === resourceAccount,
    scpApplies: iam && set.scp.length > 0 && !org.principalAccountIsManagement && !principal.serviceLinkedRole,
    rcpApplies:
      set.rcp.length > 0 &&
      !org.resourceAccountIsManagement &&
      (org.rcpSupportedForAction ?? RCP_SERVICES.has(service)) &&
      !org.resourceIsAwsManagedKmsKey &&
      !(principal.kind === 'service' && org.serviceAssumesServiceLinkedRole),
    implicitRcpFullAccess: org.implicitRcpFullAccess ?? true,
  };
  // A role has no resource policy but its trust policy, which governs only sts: actions on it (§4.5).
  return { facts, diagnostics: EMPTY, derived, ignoreResourcePolicy: onRole && service !== 'sts' };
}

// ------------------------------------------------------------------ results

/** Statement references per placement (the second map for a resource policy read as a trust policy). */
const refCache = new WeakMap<Placement, [Map<Hit['s'], StatementRef>, Map<Hit['s'], StatementRef>]>();

function toRef(h: { pl: Placement; s: Hit['s'] }, facts: RequestFacts | undefined): StatementRef {
  const trust = h.pl.type === 'resource' && facts?.resourceRole === 'trust';
  let maps = refCache.get(h.pl);
  if (!maps) {
    maps = [new Map(), new Map()];
    refCache.set(h.pl, maps);
  }
  const map = maps[trust ? 1 : 0];
  let ref = map.get(h.s);
  if (!ref) {
    ref = makeRef(h, trust);
    map.set(h.s, ref);
  }
  return ref;
}

function makeRef(h: { pl: Placement; s: Hit['s'] }, trust: boolean): StatementRef {
  const st = h.s.statement;
  const type = trust ? 'trust' : h.pl.type;
  return Object.freeze({
    policyType: type,
    policyId: h.pl.id,
    ...(h.pl.level !== undefined ? { level: h.pl.level } : {}),
    statementIndex: st.index,
    ...(st.sid !== undefined ? { sid: st.sid } : {}),
    effect: st.effect,
    pointer: st.pointer,
    ...(st.range ? { range: st.range } : {}),
  });
}

const INVALID_VERDICTS: Readonly<Record<string, 'NotApplicable'>> = Object.freeze({
  identity: 'NotApplicable',
  boundary: 'NotApplicable',
  session: 'NotApplicable',
  resource: 'NotApplicable',
  scp: 'NotApplicable',
  rcp: 'NotApplicable',
});

/** The result of a request that cannot be evaluated: `ImplicitDeny` with reason `request-invalid` and the diagnostics. */
export function invalidResult(diagnostics: readonly Diagnostic[], explain: boolean): EvaluationResult {
  const explanation: Explanation = Object.freeze({
    decision: 'ImplicitDeny',
    reason: 'request-invalid',
    deciding: EMPTY,
    blockedBy: EMPTY,
    sameAccount: false,
    scp: EMPTY,
    rcp: EMPTY,
    missingKeys: EMPTY,
    context: EMPTY,
    notes: Object.freeze(['the request could not be evaluated; see diagnostics']),
  });
  return Object.freeze({
    decision: 'ImplicitDeny',
    reasons: EMPTY,
    byPolicyType: INVALID_VERDICTS,
    missingContextKeys: EMPTY,
    diagnostics: Object.freeze([...diagnostics]),
    ...(explain ? { statements: EMPTY, explanation } : {}),
  });
}

const ALWAYS_PRESENT: ReadonlySet<string> = new Set([
  'aws:securetransport',
  'aws:requestedregion',
  'aws:useragent',
  'aws:sourceip',
  'aws:currenttime',
  'aws:epochtime',
]);

function run(
  prepared: PreparedSet,
  request: EvaluationRequest,
  options: EvaluateOptions | undefined,
): EvaluationResult {
  const explain = options?.explain === true;
  const rp = prepareRequest(prepared.set, request);
  if (prepared.invalid || !rp.facts) return invalidResult([...prepared.diagnostics, ...rp.diagnostics], explain);
  const facts = rp.facts;
  const set =
    rp.ignoreResourcePolicy && prepared.set.resource.length > 0 ? { ...prepared.set, resource: [] } : prepared.set;
  const state: EvalState = { flip: undefined, missing: undefined };
  const outcome = decide(set, facts, state);
  const problems = facts.ctx.problems;
  const diagnostics =
    problems && problems.length > 0 ? Object.freeze([...prepared.diagnostics, ...problems]) : prepared.diagnostics;
  const reasons = outcome.deciding.length === 0 ? EMPTY : Object.freeze(outcome.deciding.map((h) => toRef(h, facts)));
  const missingContextKeys = state.missing ? Object.freeze([...state.missing.values()].map((r) => r.key)) : EMPTY;
  if (!explain) {
    return Object.freeze({
      decision: outcome.decision,
      reasons,
      byPolicyType: Object.freeze(outcome.byPolicyType),
      missingContextKeys,
      diagnostics,
    });
  }
  return Object.freeze({
    decision: outcome.decision,
    reasons,
    byPolicyType: Object.freeze(outcome.byPolicyType),
    missingContextKeys,
    diagnostics,
    statements: Object.freeze(explainStatements(set, facts, (h) => toRef(h, facts))),
    explanation: buildExplanation(
      set,
      facts,
      outcome,
      reasons,
      state,
      rp.derived ?? {},
      request,
      rp.ignoreResourcePolicy === true && set !== prepared.set,
    ),
  });
}

function buildExplanation(
  set: CompiledPolicySet,
  facts: RequestFacts,
  outcome: Outcome,
  reasons: readonly StatementRef[],
  state: EvalState,
  derived: Record<string, ContextValue>,
  request: EvaluationRequest,
  ignoredResourcePolicy: boolean,
): Explanation {
  const missingKeys: MissingKey[] = [];
  for (const [lower, rec] of state.missing ?? new Map()) {
    let could = false;
    for (const ref of rec.refs) {
      const again = decide(set, facts, { flip: ref.s, missing: undefined });
      if (again.decision !== outcome.decision) {
        could = true;
        break;
      }
    }
    missingKeys.push({
      key: rec.key,
      referencedBy: rec.refs.map((r: { pl: Placement; s: Hit['s'] }) => toRef(r, facts)),
      couldChangeDecision: could,
      alwaysPresentInAws: ALWAYS_PRESENT.has(lower),
    });
  }
  const context: { key: string; value: string | readonly string[]; source: 'derived' | 'caller' }[] = [];
  const given = request.context ?? {};
  for (const key of Object.keys(given)) context.push({ key, value: given[key] as ContextValue, source: 'caller' });
  const givenLower = new Set(Object.keys(given).map((k) => k.toLowerCase()));
  for (const key of Object.keys(derived)) {
    if (!givenLower.has(key.toLowerCase()))
      context.push({ key, value: derived[key] as ContextValue, source: 'derived' });
  }
  const notes = [...outcome.notes];
  if (ignoredResourcePolicy) notes.push('the trust policy of a role is consulted only for sts: actions on it');
  if (facts.resourceAccount === '')
    notes.push('resource account unknown (not given, not in the ARN): not the same account');
  return Object.freeze({
    decision: outcome.decision,
    reason: outcome.reason,
    deciding: reasons,
    blockedBy: outcome.blockedBy,
    sameAccount: facts.sameAccount,
    ...(outcome.crossAccount ? { crossAccount: outcome.crossAccount } : {}),
    ...(outcome.resourceGrant ? { resourceGrant: outcome.resourceGrant } : {}),
    scp: outcome.scpLevels,
    rcp: outcome.rcpLevels,
    missingKeys,
    context,
    notes,
  });
}

/** An evaluator made by {@link createEvaluator}: policies compiled once, one request per call. */
export type Evaluator = (request: EvaluationRequest, options?: EvaluateOptions) => EvaluationResult;

/**
 * Compiles `policies` once and returns a function that evaluates requests against them
 * (spec/iam.md §4). Unparsable policies make every result `ImplicitDeny` with reason
 * `request-invalid` and diagnostics.
 */
export function createEvaluator(policies: EvaluationInput['policies']): Evaluator {
  const prepared = prepareSet(policies);
  return (request, options) => run(prepared, request, options);
}

/**
 * The decision AWS would return for `input.request` under `input.policies` (spec/iam.md §4),
 * with the deciding statements, per-type verdicts, missing context keys and, with
 * `{ explain: true }`, a per-statement trace and the explanation record of §8. Never throws.
 */
export function evaluate(input: EvaluationInput, options?: EvaluateOptions): EvaluationResult {
  if (!input || typeof input !== 'object') {
    return invalidResult(
      [invalid('request-invalid', 'evaluate() takes { request, policies }')],
      options?.explain === true,
    );
  }
  return run(prepareSet(input.policies), input.request, options);
}

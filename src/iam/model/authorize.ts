/**
 * Requests of a modelled principal: resolving the principal to its entity and policies, the
 * resource to its policy, the organization paths to SCP/RCP levels, deriving the §5.1 context,
 * and calling the evaluator (compiled once per principal and resource, then cached).
 *
 * @module
 */
import { START_RANGE } from '../../diagnostics/line-index.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { createEvaluator, type Evaluator, evaluate } from '../evaluate/evaluate.js';
import type {
  EvaluateOptions,
  EvaluationPolicies,
  EvaluationRequest,
  EvaluationResult,
  PolicyLike,
  PrincipalDetails,
} from '../evaluate/types.js';
import { parsePrincipalArn, splitArn } from '../policy/arn.js';
import type { ModelData } from './build.js';
import { sessionNameProblem } from './names.js';
import { invalidResult as unevaluatedResult } from '../evaluate/evaluate.js';
import type {
  AuthorizeRequest,
  ModelInstanceProfile,
  ModelOrgLevel,
  ModelResource,
  ModelRole,
  ModelUser,
  PrincipalRef,
} from './types.js';

/** Session name used when a role is named without one. */
export const DEFAULT_SESSION_NAME = 'iamspec';
/** Instance ID used as the session name of an instance-profile session (EC2 names sessions after the instance). */
export const DEFAULT_INSTANCE_ID = 'i-00000000000000000';

/** A principal resolved against the model. */
export interface ResolvedPrincipal {
  /** Cache key of the principal's policy set (entity ARN, or the request principal when unmodelled). */
  readonly key: string;
  /** The principal as the evaluator takes it: an ARN, a service principal or `anonymous`. */
  readonly requestPrincipal: string;
  /** The ARN `whoCan` reports: the user or role ARN. */
  readonly label: string;
  /** The IAM account of an IAM principal. */
  readonly account?: string;
  readonly details?: PrincipalDetails;
  readonly identity: readonly PolicyLike[];
  readonly boundary: readonly PolicyLike[];
  readonly tags?: Readonly<Record<string, string>>;
  readonly user?: ModelUser;
  readonly role?: ModelRole;
}

/** Per-model caches; the model itself never changes. */
export interface ModelState {
  readonly data: ModelData;
  readonly evaluators: Map<string, Evaluator>;
  readonly principals: Map<string, ResolvedPrincipal | Diagnostic>;
}

const MAX_CACHE = 200_000;

function fail(ruleId: string, message: string): Diagnostic {
  return Object.freeze({ ruleId, severity: 'error', message, range: START_RANGE });
}

const EMPTY: readonly never[] = Object.freeze([]);

/** The result of a request that cannot be evaluated (`ImplicitDeny`, reason `request-invalid`). */
export function invalidResult(diagnostics: readonly Diagnostic[], options?: EvaluateOptions): EvaluationResult {
  return unevaluatedResult(diagnostics, options?.explain === true);
}

// ------------------------------------------------------------------ principals

function managedDocs(d: ModelData, arns: readonly string[], out: PolicyLike[]): void {
  for (const arn of arns) {
    const doc = d.policyByArn.get(arn)?.document;
    if (doc !== undefined) out.push(doc);
  }
}

/** Identity policies of a user: its own, then those of each of its groups (§6.1). */
export function userPolicies(d: ModelData, u: ModelUser): PolicyLike[] {
  const out: PolicyLike[] = [];
  for (const p of u.inlinePolicies) out.push(p.document);
  managedDocs(d, u.managedPolicies, out);
  for (const g of u.groups) {
    const group = d.groupByArn.get(g);
    if (!group || group.account !== u.account) continue;
    for (const p of group.inlinePolicies) out.push(p.document);
    managedDocs(d, group.managedPolicies, out);
  }
  return out;
}

/** Identity policies of a role. */
export function rolePolicies(d: ModelData, r: ModelRole): PolicyLike[] {
  const out: PolicyLike[] = [];
  for (const p of r.inlinePolicies) out.push(p.document);
  managedDocs(d, r.managedPolicies, out);
  return out;
}

function boundaryDocs(d: ModelData, arn: string | undefined): PolicyLike[] {
  if (arn === undefined) return [];
  const doc = d.policyByArn.get(arn)?.document;
  return doc === undefined ? [] : [doc];
}

function userPrincipal(d: ModelData, u: ModelUser): ResolvedPrincipal {
  return Object.freeze({
    key: u.arn,
    requestPrincipal: u.arn,
    label: u.arn,
    account: u.account,
    details: Object.freeze({ userId: u.id, entityHasBoundary: u.boundary !== undefined }),
    identity: Object.freeze(userPolicies(d, u)),
    boundary: Object.freeze(boundaryDocs(d, u.boundary)),
    tags: u.tags,
    user: u,
  });
}

/** A session of `role` named `sessionName`. */
export function roleSession(d: ModelData, role: ModelRole, sessionName: string): ResolvedPrincipal {
  return Object.freeze({
    key: role.arn,
    requestPrincipal: `arn:${role.partition}:sts::${role.account}:assumed-role/${role.name}/${sessionName}`,
    label: role.arn,
    account: role.account,
    details: Object.freeze({
      roleArn: role.arn,
      roleId: role.id,
      entityHasBoundary: role.boundary !== undefined,
      serviceLinkedRole: role.serviceLinked,
    }),
    identity: Object.freeze(rolePolicies(d, role)),
    boundary: Object.freeze(boundaryDocs(d, role.boundary)),
    tags: role.tags,
    role,
  });
}

function external(text: string, account?: string, details?: PrincipalDetails): ResolvedPrincipal {
  return Object.freeze({
    key: `external:${text}`,
    requestPrincipal: text,
    label: text,
    ...(account !== undefined ? { account } : {}),
    ...(details ? { details } : {}),
    identity: EMPTY,
    boundary: EMPTY,
  });
}

/** Finds an entity by ARN, else by account and name (IAM names are case-insensitive). */
function find<T extends { arn: string }>(
  byArn: ReadonlyMap<string, T>,
  byName: ReadonlyMap<string, T>,
  arn: string,
  account: string,
  name: string,
): T | undefined {
  return byArn.get(arn) ?? byName.get(`${account}/${name.toLowerCase()}`);
}

/** Finds an entity named by a reference (a name, searched in every account, or an ARN). */
function findByRef<T extends { arn: string }>(
  d: ModelData,
  byArn: ReadonlyMap<string, T>,
  byName: ReadonlyMap<string, T>,
  ref: string,
  what: string,
): T | Diagnostic {
  if (ref.startsWith('arn:')) {
    const hit = byArn.get(ref);
    if (hit) return hit;
    const parts = splitArn(ref);
    const name = parts ? parts.resource.slice(parts.resource.lastIndexOf('/') + 1) : '';
    const alt = parts ? byName.get(`${parts.account}/${name.toLowerCase()}`) : undefined;
    return alt ?? fail('model/principal-unknown', `No ${what} ${ref} in the model`);
  }
  const hits: T[] = [];
  for (const a of d.accounts) {
    const hit = byName.get(`${a.id}/${ref.toLowerCase()}`);
    if (hit) hits.push(hit);
  }
  if (hits.length === 0) return fail('model/principal-unknown', `No ${what} named ${ref} in the model`);
  if (hits.length > 1) {
    return fail('model/principal-ambiguous', `Several accounts have a ${what} named ${ref}; give its ARN`);
  }
  return hits[0] as T;
}

function isDiagnostic(v: unknown): v is Diagnostic {
  return typeof v === 'object' && v !== null && Object.hasOwn(v, 'ruleId');
}

function profileSession(d: ModelData, p: ModelInstanceProfile): ResolvedPrincipal | Diagnostic {
  if (p.roles.length !== 1) {
    return fail(
      'model/instance-profile-roles',
      `Instance profile ${p.arn} holds ${p.roles.length} roles; EC2 delivers credentials only from a profile with exactly one`,
    );
  }
  const role = d.roleByArn.get(p.roles[0] as string);
  if (!role)
    return fail(
      'model/role-missing',
      `Instance profile ${p.arn} holds ${p.roles[0] as string}, which is not in the model`,
    );
  return roleSession(d, role, DEFAULT_INSTANCE_ID);
}

function resolveUncached(d: ModelData, ref: PrincipalRef): ResolvedPrincipal | Diagnostic {
  if (typeof ref === 'object' && ref !== null) {
    if (typeof (ref as { user?: unknown }).user === 'string') {
      const u = findByRef(d, d.userByArn, d.userByName, (ref as { user: string }).user, 'user');
      return isDiagnostic(u) ? u : userPrincipal(d, u);
    }
    if (typeof (ref as { role?: unknown }).role === 'string') {
      const r = ref as { role: string; sessionName?: unknown };
      const role = findByRef(d, d.roleByArn, d.roleByName, r.role, 'role');
      if (isDiagnostic(role)) return role;
      const session = typeof r.sessionName === 'string' ? r.sessionName : DEFAULT_SESSION_NAME;
      const why = sessionNameProblem(session);
      if (why) return fail('model/session-name-invalid', `The session name ${JSON.stringify(session)} ${why}`);
      return roleSession(d, role, session);
    }
    if (typeof (ref as { instanceProfile?: unknown }).instanceProfile === 'string') {
      const name = (ref as { instanceProfile: string }).instanceProfile;
      const p = findByRef(d, d.profileByArn, d.profileByName, name, 'instance profile');
      return isDiagnostic(p) ? p : profileSession(d, p);
    }
    return fail(
      'model/principal-invalid',
      'A principal reference is an ARN, { user }, { role } or { instanceProfile }',
    );
  }
  if (typeof ref !== 'string' || ref === '') {
    return fail(
      'model/principal-invalid',
      'A principal reference is an ARN, { user }, { role } or { instanceProfile }',
    );
  }
  if (!ref.startsWith('arn:')) return external(ref); // a service principal, `anonymous`, a web-identity provider
  const p = parsePrincipalArn(ref);
  const modelled = p !== undefined && d.accountById.has(p.account);
  if (p) {
    const name = p.name ?? '';
    switch (p.kind) {
      case 'user': {
        const u = find(d.userByArn, d.userByName, ref, p.account, name);
        if (u) return userPrincipal(d, u);
        break;
      }
      case 'role':
      case 'assumed-role': {
        const role =
          p.kind === 'role'
            ? find(d.roleByArn, d.roleByName, ref, p.account, name)
            : d.roleByName.get(`${p.account}/${name.toLowerCase()}`);
        const session = p.sessionName ?? DEFAULT_SESSION_NAME;
        if (role) return roleSession(d, role, session);
        if (!modelled) {
          const roleArn = p.kind === 'role' ? ref : `arn:${p.partition}:iam::${p.account}:role/${name}`;
          return external(`arn:${p.partition}:sts::${p.account}:assumed-role/${name}/${session}`, p.account, {
            roleArn,
          });
        }
        break;
      }
      case 'federated-user': {
        // Choice (as the evaluator): the session was created by the IAM user of the same name.
        const u = d.userByName.get(`${p.account}/${name.toLowerCase()}`);
        if (u) {
          const base = userPrincipal(d, u);
          return Object.freeze({
            ...base,
            key: `federated:${u.arn}`,
            requestPrincipal: ref,
            label: ref,
            details: Object.freeze({ sourceUserArn: u.arn, userId: u.id, entityHasBoundary: u.boundary !== undefined }),
          });
        }
        return external(ref, p.account);
      }
      case 'root':
        return external(ref, p.account);
      default:
        return fail('model/principal-invalid', `${ref} is a group: groups are never principals`);
    }
    if (!modelled) return external(ref, p.account);
    return fail('model/principal-unknown', `No ${p.kind} ${ref} in the model`);
  }
  const arn = splitArn(ref);
  if (arn && arn.service === 'iam' && arn.resource.startsWith('instance-profile/')) {
    const name = arn.resource.slice(arn.resource.lastIndexOf('/') + 1);
    const prof = find(d.profileByArn, d.profileByName, ref, arn.account, name);
    if (prof) return profileSession(d, prof);
    return fail('model/principal-unknown', `No instance profile ${ref} in the model`);
  }
  return external(ref); // SAML / OIDC providers, or garbage the evaluator rejects
}

function cacheKeyOf(ref: PrincipalRef): string | undefined {
  if (typeof ref === 'string') return `s\u0000${ref}`;
  if (typeof ref !== 'object' || ref === null) return undefined;
  const r = ref as { user?: unknown; role?: unknown; sessionName?: unknown; instanceProfile?: unknown };
  if (typeof r.user === 'string') return `u\u0000${r.user}`;
  if (typeof r.role === 'string')
    return `r\u0000${r.role}\u0000${typeof r.sessionName === 'string' ? r.sessionName : ''}`;
  if (typeof r.instanceProfile === 'string') return `p\u0000${r.instanceProfile}`;
  return undefined;
}

/** Resolves a principal reference against the model (cached per reference). */
export function resolvePrincipal(state: ModelState, ref: PrincipalRef): ResolvedPrincipal | Diagnostic {
  const key = cacheKeyOf(ref);
  if (key !== undefined) {
    const hit = state.principals.get(key);
    if (hit) return hit;
  }
  const resolved = resolveUncached(state.data, ref);
  if (key !== undefined) {
    if (state.principals.size >= MAX_CACHE) state.principals.clear();
    state.principals.set(key, resolved);
  }
  return resolved;
}

// ------------------------------------------------------------------ resources

/** The resource side of a request. */
export interface ResourceSide {
  readonly key: string;
  readonly policies: readonly PolicyLike[];
  readonly account?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly requiresExplicitAllow: boolean;
}

/** The resource side of a resource without a policy. */
export const NO_RESOURCE: ResourceSide = Object.freeze({ key: '-', policies: EMPTY, requiresExplicitAllow: false });

/** True when `resource` is covered by the policy attached to `arn` (a bucket covers its objects). */
export function covers(arn: string, resource: string): boolean {
  if (arn === resource) return true;
  if (!arn.startsWith('arn:') || !resource.startsWith(arn) || resource.charCodeAt(arn.length) !== 47) return false;
  const parts = splitArn(arn);
  return parts !== null && parts.service === 's3' && parts.account === '' && !parts.resource.includes('/');
}

/** The modelled resources whose policy applies to `resource`. */
export function resourcesFor(d: ModelData, resource: string): ModelResource[] {
  const out: ModelResource[] = [];
  for (const r of d.resources) if (covers(r.arn, resource)) out.push(r);
  return out;
}

/** The policies and facts of the resource of a request. */
export function resourceSide(d: ModelData, resource: string, action: string): ResourceSide {
  if (typeof resource !== 'string' || typeof action !== 'string') return NO_RESOURCE;
  const service = action.slice(0, action.indexOf(':')).toLowerCase();
  const principalArn = resource.startsWith('arn:') ? parsePrincipalArn(resource) : undefined;
  if (principalArn?.kind === 'role') {
    const role = d.roleByArn.get(resource);
    if (role && service === 'sts') {
      return {
        key: `trust:${role.arn}`,
        policies: [role.trustPolicy],
        account: role.account,
        tags: role.tags,
        requiresExplicitAllow: false,
      };
    }
    if (role)
      return { key: '-', policies: EMPTY, account: role.account, tags: role.tags, requiresExplicitAllow: false };
  }
  if (principalArn?.kind === 'user') {
    const user = d.userByArn.get(resource);
    if (user)
      return { key: '-', policies: EMPTY, account: user.account, tags: user.tags, requiresExplicitAllow: false };
  }
  const hits = resourcesFor(d, resource);
  if (hits.length === 0) return NO_RESOURCE;
  const exact = hits.find((r) => r.arn === resource) ?? (hits[0] as ModelResource);
  return {
    key: `res:${hits.map((r) => r.pointer).join(',')}`,
    policies: hits.map((r) => r.policy),
    ...(exact.account !== undefined ? { account: exact.account } : {}),
    tags: exact.tags,
    requiresExplicitAllow: hits.some((r) => r.requiresExplicitAllow),
  };
}

// ------------------------------------------------------------------ context

function orgPaths(levels: readonly ModelOrgLevel[], orgId: string): string {
  // aws:PrincipalOrgPaths / aws:ResourceOrgPaths: o-id/r-id/ou-…/ (the account itself is not part of it).
  let path = `${orgId}/`;
  for (let i = 0; i < levels.length - 1; i++) path += `${(levels[i] as ModelOrgLevel).id}/`;
  return path;
}

function deriveModelContext(
  d: ModelData,
  p: ResolvedPrincipal,
  res: ResourceSide,
  resourceAccount: string | undefined,
): Record<string, string | string[]> {
  const ctx = Object.create(null) as Record<string, string | string[]>;
  if (p.tags) for (const k of Object.keys(p.tags)) ctx[`aws:PrincipalTag/${k}`] = p.tags[k] as string;
  if (res.tags) for (const k of Object.keys(res.tags)) ctx[`aws:ResourceTag/${k}`] = res.tags[k] as string;
  const org = d.organization;
  if (org) {
    const pl = p.account !== undefined ? org.paths.get(p.account) : undefined;
    if (pl) {
      ctx['aws:PrincipalOrgID'] = org.id;
      ctx['aws:PrincipalOrgPaths'] = [orgPaths(pl, org.id)];
    }
    const rl = resourceAccount !== undefined ? org.paths.get(resourceAccount) : undefined;
    if (rl) {
      ctx['aws:ResourceOrgID'] = org.id;
      ctx['aws:ResourceOrgPaths'] = [orgPaths(rl, org.id)];
    }
  }
  return ctx;
}

function mergeContext(
  derived: Record<string, string | string[]>,
  caller: AuthorizeRequest['context'],
): Record<string, string | readonly string[]> {
  if (!caller || typeof caller !== 'object') return derived;
  const given = new Set(Object.keys(caller).map((k) => k.toLowerCase()));
  const out = Object.create(null) as Record<string, string | readonly string[]>;
  for (const k of Object.keys(derived)) if (!given.has(k.toLowerCase())) out[k] = derived[k] as string | string[];
  for (const k of Object.keys(caller)) out[k] = caller[k] as string | readonly string[];
  return out;
}

// ------------------------------------------------------------------ authorize

function levelsOf(d: ModelData, account: string | undefined, which: 'scps' | 'rcps'): PolicyLike[][] {
  const org = d.organization;
  if (!org || account === undefined) return [];
  const levels = org.paths.get(account);
  return levels ? levels.map((l) => [...l[which]]) : [];
}

/**
 * Evaluates `request` of a modelled principal (spec/iam.md §4 with the §5.1 context); `resolved`
 * and `side` save resolving the principal and the resource again when the caller already did.
 */
export function authorizeIn(
  state: ModelState,
  request: AuthorizeRequest,
  options?: EvaluateOptions,
  resolved?: ResolvedPrincipal,
  side?: ResourceSide,
): EvaluationResult {
  if (typeof request !== 'object' || request === null) {
    return invalidResult([fail('request-invalid', 'authorize() takes { principal, action, resource }')], options);
  }
  const d = state.data;
  const p = resolved ?? resolvePrincipal(state, request.principal);
  if (isDiagnostic(p)) return invalidResult([p], options);
  const res = side ?? resourceSide(d, request.resource, request.action);
  let resourceAccount = request.resourceAccount ?? res.account;
  if (resourceAccount === undefined && typeof request.resource === 'string') {
    const a = splitArn(request.resource)?.account;
    if (a) resourceAccount = a;
  }
  const org = d.organization;
  const context = mergeContext(deriveModelContext(d, p, res, resourceAccount), request.context);
  const evaluationRequest: EvaluationRequest = {
    principal: p.requestPrincipal,
    action: request.action,
    resource: request.resource,
    ...(resourceAccount !== undefined ? { resourceAccount } : {}),
    context,
    ...(p.details ? { principalDetails: p.details } : {}),
    ...(org
      ? {
          organization: {
            principalAccountIsManagement: p.account !== undefined && p.account === org.managementAccountId,
            resourceAccountIsManagement: resourceAccount !== undefined && resourceAccount === org.managementAccountId,
          },
        }
      : {}),
    ...(res.requiresExplicitAllow ? { resourcePolicyRequiresExplicitAllow: true } : {}),
  };
  const session = request.sessionPolicies;
  if (session !== undefined) {
    const policies: EvaluationPolicies = {
      identity: p.identity,
      boundary: p.boundary,
      resource: res.policies,
      scp: levelsOf(d, p.account, 'scps'),
      rcp: levelsOf(d, resourceAccount, 'rcps'),
      session,
    };
    return evaluate({ request: evaluationRequest, policies }, options);
  }
  return evaluatorFor(state, p, res, resourceAccount)(evaluationRequest, options);
}

/**
 * The evaluator of `p`'s policies with the resource side `res` (compiled once per model, then
 * cached). Only the RCPs depend on the resource account, and only for accounts in the organization.
 */
export function evaluatorFor(
  state: ModelState,
  p: ResolvedPrincipal,
  res: ResourceSide,
  resourceAccount: string | undefined,
): Evaluator {
  const d = state.data;
  const rcpAccount = resourceAccount !== undefined && d.organization?.paths.has(resourceAccount) ? resourceAccount : '';
  const key = `${p.key}\u0000${res.key}\u0000${rcpAccount}`;
  let evaluator = state.evaluators.get(key);
  if (!evaluator) {
    evaluator = createEvaluator({
      identity: p.identity,
      boundary: p.boundary,
      resource: res.policies,
      scp: levelsOf(d, p.account, 'scps'),
      rcp: levelsOf(d, resourceAccount, 'rcps'),
    });
    if (state.evaluators.size >= MAX_CACHE) state.evaluators.clear();
    state.evaluators.set(key, evaluator);
  }
  return evaluator;
}

export { isDiagnostic };

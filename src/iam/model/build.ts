/**
 * Builds the frozen entities of an IAM model from its JSON input (spec/iam.md §6), resolving
 * references and collecting every validation finding (§6.3, §6.4, §1.7) on the way.
 *
 * @module
 */
import { START_RANGE } from '../../diagnostics/line-index.js';
import type { Diagnostic, Severity } from '../../diagnostics/types.js';
import type { PolicyLike } from '../evaluate/types.js';
import { countPolicyCharacters } from '../lint/rules/document/size.js';
import { isAccountId, parsePrincipalArn, splitArn } from '../policy/arn.js';
import { isPolicy, parsePolicy } from '../policy/parse.js';
import { serializePolicy } from '../policy/serialize.js';
import type { PolicyType } from '../policy/types.js';
import { inlineNameProblem, nameProblem, pathProblem, syntheticId, tagProblem } from './names.js';
import type {
  ModelAccount,
  ModelGroup,
  ModelInlinePolicy,
  ModelInstanceProfile,
  ModelManagedPolicy,
  ModelOrganization,
  ModelOrgLevel,
  ModelQuotas,
  ModelResource,
  ModelRole,
  ModelUser,
  OrganizationUnitInput,
} from './types.js';

/** Quotas used unless the input overrides them (§6.4, §1.7). */
export const DEFAULT_QUOTAS: ModelQuotas = Object.freeze({
  managedPoliciesPerEntity: 10,
  managedPoliciesPerGroup: 10,
  groupsPerUser: 10,
  trustPolicySize: 2048,
});

/** Inline policy size quotas per entity (sum, characters without whitespace, §1.7). */
const INLINE_LIMITS = { user: 2048, group: 5120, role: 10240 } as const;
const MANAGED_POLICY_SIZE = 6144;
const MAX_VERSIONS = 5;
const MAX_TAGS = 50;
const MAX_ORG_DEPTH = 64;

/** The entities of a model with the indexes its queries use. */
export interface ModelData {
  readonly accounts: readonly ModelAccount[];
  readonly users: readonly ModelUser[];
  readonly groups: readonly ModelGroup[];
  readonly roles: readonly ModelRole[];
  readonly instanceProfiles: readonly ModelInstanceProfile[];
  readonly policies: readonly ModelManagedPolicy[];
  readonly resources: readonly ModelResource[];
  readonly organization?: ModelOrganization;
  readonly quotas: ModelQuotas;
  readonly diagnostics: readonly Diagnostic[];
  readonly accountById: ReadonlyMap<string, ModelAccount>;
  readonly userByArn: ReadonlyMap<string, ModelUser>;
  readonly groupByArn: ReadonlyMap<string, ModelGroup>;
  readonly roleByArn: ReadonlyMap<string, ModelRole>;
  readonly profileByArn: ReadonlyMap<string, ModelInstanceProfile>;
  readonly policyByArn: ReadonlyMap<string, ModelManagedPolicy>;
  /** `account/lower-case name` → entity, for references by name. */
  readonly userByName: ReadonlyMap<string, ModelUser>;
  readonly roleByName: ReadonlyMap<string, ModelRole>;
  readonly profileByName: ReadonlyMap<string, ModelInstanceProfile>;
}

/** Collects diagnostics of one build. */
export class Findings {
  /** The findings so far, in order. */
  readonly list: Diagnostic[] = [];
  /** Adds one finding (range 1:1, located by JSON pointer). */
  add(ruleId: string, severity: Severity, message: string, pointer: string, data?: Record<string, unknown>): void {
    this.list.push(
      Object.freeze({
        ruleId,
        severity,
        message,
        range: START_RANGE,
        pointer,
        ...(data ? { data: Object.freeze(data) } : {}),
      }),
    );
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arrayOf<T>(v: unknown, f: Findings, pointer: string, what: string): readonly T[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    f.add('model/input-invalid', 'error', `${what} must be an array`, pointer);
    return [];
  }
  return v as readonly T[];
}

/** Decodes a policy document IAM returned URL-encoded (`%7B%22Version…`); other text is kept. */
export function decodePolicyText(text: string): string | undefined {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || !trimmed.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** A policy document loaded for the model: parsed when it parses, else the raw input (evaluations then report it). */
export interface LoadedPolicy {
  readonly document: PolicyLike;
  /** Characters without whitespace. */
  readonly size: number;
  /** Characters including whitespace. */
  readonly length: number;
  readonly ok: boolean;
}

/** Parses one policy document of the model, reporting problems under `pointer`. */
export function loadPolicy(like: unknown, type: PolicyType, id: string, pointer: string, f: Findings): LoadedPolicy {
  let input: unknown = like;
  if (typeof like === 'string') {
    const decoded = decodePolicyText(like);
    if (decoded === undefined) {
      f.add('model/policy-invalid', 'error', `Policy ${id} is neither JSON nor valid URL-encoded JSON`, pointer, {
        policyId: id,
      });
      return { document: like, size: countPolicyCharacters(like, 'non-whitespace'), length: like.length, ok: false };
    }
    input = decoded;
  }
  if (isPolicy(input)) {
    const text = input.text ?? JSON.stringify(serializePolicy(input));
    return { document: input, size: countPolicyCharacters(text, 'non-whitespace'), length: text.length, ok: true };
  }
  if (typeof input !== 'string' && !isObject(input)) {
    f.add('model/policy-invalid', 'error', `Policy ${id} must be JSON text or an object`, pointer, { policyId: id });
    return { document: '', size: 0, length: 0, ok: false };
  }
  const text = typeof input === 'string' ? input : safeStringify(input);
  const parsed = parsePolicy(input, { type, id });
  const size = countPolicyCharacters(text, 'non-whitespace');
  if (!parsed.policy) {
    const first = parsed.diagnostics.find((d) => d.severity === 'error');
    f.add(
      'model/policy-invalid',
      'error',
      `Policy ${id} does not parse: ${first ? first.message : 'invalid document'}`,
      pointer,
      { policyId: id, ...(first ? { cause: first.ruleId } : {}) },
    );
    return { document: input as PolicyLike, size, length: text.length, ok: false };
  }
  return { document: parsed.policy, size, length: text.length, ok: true };
}

function safeStringify(v: unknown): string {
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return '';
  }
}

/** Normalises tags; on users and roles keys are unique case-insensitively (a later key replaces an earlier one). */
function loadTags(
  v: unknown,
  caseInsensitive: boolean,
  f: Findings,
  pointer: string,
  owner: string,
): Readonly<Record<string, string>> {
  const out = Object.create(null) as Record<string, string>;
  if (v === undefined || v === null) return Object.freeze(out);
  const pairs: [string, string][] = [];
  if (Array.isArray(v)) {
    for (const t of v) {
      if (isObject(t) && typeof t.Key === 'string' && typeof t.Value === 'string') pairs.push([t.Key, t.Value]);
      else f.add('model/tag-invalid', 'error', `A tag of ${owner} needs string Key and Value`, `${pointer}/tags`);
    }
  } else if (isObject(v)) {
    for (const k of Object.keys(v)) {
      const val = v[k];
      if (typeof val === 'string') pairs.push([k, val]);
      else f.add('model/tag-invalid', 'error', `Tag '${k}' of ${owner} must have a string value`, `${pointer}/tags`);
    }
  } else {
    f.add('model/tag-invalid', 'error', `The tags of ${owner} must be a map or a Key/Value list`, `${pointer}/tags`);
  }
  const seen = new Map<string, string>();
  for (const [k, val] of pairs) {
    const problem = tagProblem(k, val);
    if (problem) f.add('model/tag-invalid', 'error', `${owner}: ${problem}`, `${pointer}/tags`);
    const fold = caseInsensitive ? k.toLowerCase() : k;
    const prev = seen.get(fold);
    if (prev !== undefined) {
      f.add('model/tag-duplicate', 'warning', `${owner} has tag '${k}' twice; the later value wins`, `${pointer}/tags`);
      delete out[prev];
    }
    seen.set(fold, k);
    out[k] = val;
  }
  if (seen.size > MAX_TAGS) {
    f.add('model/tag-quota', 'error', `${owner} has ${seen.size} tags (at most ${MAX_TAGS})`, `${pointer}/tags`);
  }
  return Object.freeze(out);
}

interface EntityHead {
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  readonly id: string;
}

const NAME_MAX = { user: 64, role: 64, group: 128, 'instance-profile': 128, policy: 128 } as const;
const ID_PREFIX = { user: 'AIDA', role: 'AROA', group: 'AGPA', 'instance-profile': 'AIPA', policy: 'ANPA' } as const;
type EntityType = keyof typeof NAME_MAX;

function head(
  raw: Record<string, unknown>,
  type: EntityType,
  account: ModelAccount,
  f: Findings,
  pointer: string,
): EntityHead | undefined {
  const name = raw.name;
  const problem = nameProblem(name, NAME_MAX[type]);
  if (problem) {
    f.add('model/name-invalid', 'error', `The ${type} name ${JSON.stringify(name)} ${problem}`, `${pointer}/name`);
    if (typeof name !== 'string' || name === '') return undefined;
  }
  const path = raw.path === undefined ? '/' : raw.path;
  const pathWhy = pathProblem(path);
  if (pathWhy)
    f.add('model/path-invalid', 'error', `The path of ${type} ${String(name)} ${pathWhy}`, `${pointer}/path`);
  const cleanPath = typeof path === 'string' && !pathWhy ? path : '/';
  const built = `arn:${account.partition}:iam::${account.id}:${type}${cleanPath}${name as string}`;
  const arn = typeof raw.arn === 'string' && raw.arn !== '' ? raw.arn : built;
  if (arn !== built) {
    f.add('model/arn-mismatch', 'warning', `The ARN ${arn} does not match account, path and name (${built})`, pointer);
  }
  const prefix = ID_PREFIX[type];
  let id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : syntheticId(prefix, arn);
  if (typeof raw.id === 'string' && raw.id !== '' && !raw.id.startsWith(prefix)) {
    f.add(
      'model/id-invalid',
      'warning',
      `The unique ID ${raw.id} of ${type} ${name as string} should begin with ${prefix}`,
      `${pointer}/id`,
    );
  }
  if (id.length > 128) id = id.slice(0, 128);
  return { name: name as string, path: cleanPath, arn, id };
}

interface Attachments {
  readonly inlinePolicies: readonly ModelInlinePolicy[];
  readonly managedPolicies: readonly string[];
}

function loadAttachments(
  raw: Record<string, unknown>,
  entityArn: string,
  kind: 'user' | 'group' | 'role',
  account: ModelAccount,
  policyNames: ReadonlyMap<string, string>,
  f: Findings,
  pointer: string,
): Attachments {
  const inline: ModelInlinePolicy[] = [];
  const names = new Set<string>();
  let total = 0;
  arrayOf<unknown>(raw.inlinePolicies, f, `${pointer}/inlinePolicies`, 'inlinePolicies').forEach((p, i) => {
    const ptr = `${pointer}/inlinePolicies/${i}`;
    if (!isObject(p)) {
      f.add('model/input-invalid', 'error', 'An inline policy must be { name, document }', ptr);
      return;
    }
    const name = typeof p.name === 'string' ? p.name : '';
    const why = inlineNameProblem(p.name);
    if (why)
      f.add('model/name-invalid', 'error', `The inline policy name ${JSON.stringify(p.name)} ${why}`, `${ptr}/name`);
    if (names.has(name))
      f.add('model/name-duplicate', 'error', `Inline policy ${name} appears twice on ${entityArn}`, `${ptr}/name`);
    names.add(name);
    const id = `${entityArn}#${name}`;
    const loaded = loadPolicy(p.document, 'identity', id, `${ptr}/document`, f);
    total += loaded.size;
    inline.push(Object.freeze({ name, id, document: loaded.document }));
  });
  const limit = INLINE_LIMITS[kind];
  if (total > limit) {
    f.add(
      'model/policy-size-exceeded',
      'error',
      `The inline policies of ${entityArn} have ${total} characters excluding whitespace, over the limit of ${limit}`,
      `${pointer}/inlinePolicies`,
      { size: total, limit },
    );
  }
  const managed: string[] = [];
  arrayOf<unknown>(raw.managedPolicies, f, `${pointer}/managedPolicies`, 'managedPolicies').forEach((ref, i) => {
    if (typeof ref !== 'string' || ref === '') {
      f.add(
        'model/input-invalid',
        'error',
        'A managed policy reference must be an ARN or a name',
        `${pointer}/managedPolicies/${i}`,
      );
      return;
    }
    const arn = policyRef(ref, account, policyNames);
    if (managed.includes(arn)) {
      f.add(
        'model/name-duplicate',
        'warning',
        `Managed policy ${arn} is attached twice to ${entityArn}`,
        `${pointer}/managedPolicies/${i}`,
      );
      return;
    }
    managed.push(arn);
  });
  return { inlinePolicies: Object.freeze(inline), managedPolicies: Object.freeze(managed) };
}

/** A managed policy reference (ARN or customer policy name) as an ARN. */
function policyRef(ref: string, account: ModelAccount, names: ReadonlyMap<string, string>): string {
  if (ref.startsWith('arn:')) return ref;
  return names.get(`${account.id}/${ref.toLowerCase()}`) ?? `arn:${account.partition}:iam::${account.id}:policy/${ref}`;
}

/** An entity reference (name or ARN) of the same account as an ARN. */
function entityRef(
  ref: string,
  type: 'group' | 'role',
  account: ModelAccount,
  byName: ReadonlyMap<string, string>,
): string {
  if (ref.startsWith('arn:')) return ref;
  return (
    byName.get(`${account.id}/${ref.toLowerCase()}`) ?? `arn:${account.partition}:iam::${account.id}:${type}/${ref}`
  );
}

/** Builds the model data from `input`; `undefined` when the input is unusable as a whole. */
export function buildModelData(input: unknown): { data?: ModelData; diagnostics: Diagnostic[] } {
  const f = new Findings();
  if (!isObject(input)) {
    f.add('model/input-invalid', 'error', 'The model input must be an object with an accounts array', '');
    return { diagnostics: f.list };
  }
  if (!Array.isArray(input.accounts)) {
    f.add('model/input-invalid', 'error', 'The model input needs an accounts array', '/accounts');
    return { diagnostics: f.list };
  }
  const quotas: ModelQuotas = Object.freeze({
    ...DEFAULT_QUOTAS,
    ...(isObject(input.quotas) ? pickQuotas(input.quotas) : {}),
  });

  // Pass 1: accounts and the names of entities, so references by name resolve in any order.
  const accounts: ModelAccount[] = [];
  const accountById = new Map<string, ModelAccount>();
  const rawAccounts: { account: ModelAccount; raw: Record<string, unknown>; pointer: string }[] = [];
  (input.accounts as unknown[]).forEach((a, i) => {
    const pointer = `/accounts/${i}`;
    if (!isObject(a) || typeof a.id !== 'string') {
      f.add('model/input-invalid', 'error', 'An account needs a string id', pointer);
      return;
    }
    if (!isAccountId(a.id))
      f.add('model/account-invalid', 'error', `Account ID ${a.id} is not 12 digits`, `${pointer}/id`);
    if (accountById.has(a.id)) {
      f.add('model/name-duplicate', 'error', `Account ${a.id} appears twice`, `${pointer}/id`);
      return;
    }
    const partition = typeof a.partition === 'string' && a.partition !== '' ? a.partition : 'aws';
    const account = Object.freeze({ id: a.id, partition });
    accounts.push(account);
    accountById.set(a.id, account);
    rawAccounts.push({ account, raw: a, pointer });
  });

  const nameIndex = (type: EntityType, key: string): Map<string, string> => {
    const m = new Map<string, string>();
    for (const { account, raw } of rawAccounts) {
      const list = Array.isArray(raw[key]) ? (raw[key] as unknown[]) : [];
      for (const e of list) {
        if (!isObject(e) || typeof e.name !== 'string') continue;
        const path = typeof e.path === 'string' && !pathProblem(e.path) ? e.path : '/';
        const arn =
          typeof e.arn === 'string' && e.arn !== ''
            ? e.arn
            : `arn:${account.partition}:iam::${account.id}:${type}${path}${e.name}`;
        const k = `${account.id}/${e.name.toLowerCase()}`;
        if (!m.has(k)) m.set(k, arn);
      }
    }
    return m;
  };
  const policyNames = nameIndex('policy', 'policies');
  const groupNames = nameIndex('group', 'groups');
  const roleNames = nameIndex('role', 'roles');

  const users: ModelUser[] = [];
  const groups: ModelGroup[] = [];
  const roles: ModelRole[] = [];
  const profiles: ModelInstanceProfile[] = [];
  const policies: ModelManagedPolicy[] = [];
  const policyByArn = new Map<string, ModelManagedPolicy>();
  const unique = new Map<string, string>();
  const checkUnique = (type: string, account: string, name: string, pointer: string): boolean => {
    const k = `${type}\u0000${account}\u0000${name.toLowerCase()}`;
    const prev = unique.get(k);
    if (prev !== undefined) {
      f.add(
        'model/name-duplicate',
        'error',
        `The ${type} name ${name} is used twice in account ${account} (names are case-insensitive)`,
        pointer,
        { first: prev },
      );
      return false;
    }
    unique.set(k, pointer);
    return true;
  };

  for (const { account, raw, pointer: ap } of rawAccounts) {
    // Managed policies.
    arrayOf<unknown>(raw.policies, f, `${ap}/policies`, 'policies').forEach((p, i) => {
      const pointer = `${ap}/policies/${i}`;
      if (!isObject(p)) {
        f.add('model/input-invalid', 'error', 'A managed policy must be an object', pointer);
        return;
      }
      const awsManaged = typeof p.arn === 'string' && splitArn(p.arn)?.account === 'aws';
      const owner: ModelAccount = awsManaged ? { id: 'aws', partition: account.partition } : account;
      const h = head(p, 'policy', owner, f, pointer);
      if (!h) return;
      if (policyByArn.has(h.arn)) {
        // AWS-managed policies may be listed by every account's details: the first copy wins.
        if (!awsManaged) f.add('model/name-duplicate', 'error', `Managed policy ${h.arn} is defined twice`, pointer);
        return;
      }
      if (!awsManaged && !checkUnique('policy', account.id, h.name, `${pointer}/name`)) return;
      const mp = loadManagedPolicy(p, h, owner.id, f, pointer);
      policies.push(mp);
      policyByArn.set(h.arn, mp);
    });
  }

  for (const { account, raw, pointer: ap } of rawAccounts) {
    arrayOf<unknown>(raw.groups, f, `${ap}/groups`, 'groups').forEach((g, i) => {
      const pointer = `${ap}/groups/${i}`;
      if (!isObject(g)) {
        f.add('model/input-invalid', 'error', 'A group must be an object', pointer);
        return;
      }
      const h = head(g, 'group', account, f, pointer);
      if (!h || !checkUnique('group', account.id, h.name, `${pointer}/name`)) return;
      for (const k of ['boundary', 'tags', 'groups']) {
        if (g[k] !== undefined) f.add('model/input-invalid', 'error', `A group cannot have ${k}`, `${pointer}/${k}`);
      }
      const att = loadAttachments(g, h.arn, 'group', account, policyNames, f, pointer);
      groups.push(
        Object.freeze({ kind: 'group', ...h, account: account.id, partition: account.partition, pointer, ...att }),
      );
    });
    arrayOf<unknown>(raw.users, f, `${ap}/users`, 'users').forEach((u, i) => {
      const pointer = `${ap}/users/${i}`;
      if (!isObject(u)) {
        f.add('model/input-invalid', 'error', 'A user must be an object', pointer);
        return;
      }
      const h = head(u, 'user', account, f, pointer);
      if (!h || !checkUnique('user', account.id, h.name, `${pointer}/name`)) return;
      const att = loadAttachments(u, h.arn, 'user', account, policyNames, f, pointer);
      const memberOf: string[] = [];
      arrayOf<unknown>(u.groups, f, `${pointer}/groups`, 'groups').forEach((g, j) => {
        if (typeof g !== 'string' || g === '') {
          f.add('model/input-invalid', 'error', 'A group reference must be a name or an ARN', `${pointer}/groups/${j}`);
          return;
        }
        const arn = entityRef(g, 'group', account, groupNames);
        if (!memberOf.includes(arn)) memberOf.push(arn);
      });
      users.push(
        Object.freeze({
          kind: 'user',
          ...h,
          account: account.id,
          partition: account.partition,
          pointer,
          groups: Object.freeze(memberOf),
          ...att,
          ...(typeof u.boundary === 'string' && u.boundary !== ''
            ? { boundary: policyRef(u.boundary, account, policyNames) }
            : {}),
          tags: loadTags(u.tags, true, f, pointer, h.arn),
        }),
      );
    });
    arrayOf<unknown>(raw.roles, f, `${ap}/roles`, 'roles').forEach((r, i) => {
      const pointer = `${ap}/roles/${i}`;
      if (!isObject(r)) {
        f.add('model/input-invalid', 'error', 'A role must be an object', pointer);
        return;
      }
      const h = head(r, 'role', account, f, pointer);
      if (!h || !checkUnique('role', account.id, h.name, `${pointer}/name`)) return;
      if (h.path.length + h.name.length > 64) {
        f.add(
          'model/role-switch-name-long',
          'info',
          `Path and name of role ${h.arn} exceed 64 characters: the console cannot switch to it`,
          pointer,
        );
      }
      const att = loadAttachments(r, h.arn, 'role', account, policyNames, f, pointer);
      let trust: LoadedPolicy;
      if (r.trustPolicy === undefined) {
        f.add('model/trust-policy-missing', 'error', `Role ${h.arn} has no trust policy`, `${pointer}/trustPolicy`);
        trust = { document: '', size: 0, length: 0, ok: false };
      } else trust = loadPolicy(r.trustPolicy, 'trust', `${h.arn}#trust`, `${pointer}/trustPolicy`, f);
      if (trust.size > quotas.trustPolicySize) {
        f.add(
          'model/policy-size-exceeded',
          'error',
          `The trust policy of ${h.arn} has ${trust.size} characters excluding whitespace, over the limit of ${quotas.trustPolicySize}`,
          `${pointer}/trustPolicy`,
          { size: trust.size, limit: quotas.trustPolicySize },
        );
      }
      let duration = 3600;
      if (r.maxSessionDuration !== undefined) {
        const d = r.maxSessionDuration;
        if (typeof d !== 'number' || !Number.isInteger(d) || d < 3600 || d > 43200) {
          f.add(
            'model/session-duration-invalid',
            'error',
            `The maximum session duration of ${h.arn} must be 3,600–43,200 seconds`,
            `${pointer}/maxSessionDuration`,
          );
        } else duration = d;
      }
      roles.push(
        Object.freeze({
          kind: 'role',
          ...h,
          account: account.id,
          partition: account.partition,
          pointer,
          trustPolicy: trust.document,
          ...att,
          ...(typeof r.boundary === 'string' && r.boundary !== ''
            ? { boundary: policyRef(r.boundary, account, policyNames) }
            : {}),
          tags: loadTags(r.tags, true, f, pointer, h.arn),
          maxSessionDuration: duration,
          serviceLinked: h.path.startsWith('/aws-service-role/'),
        }),
      );
    });
    arrayOf<unknown>(raw.instanceProfiles, f, `${ap}/instanceProfiles`, 'instanceProfiles').forEach((p, i) => {
      const pointer = `${ap}/instanceProfiles/${i}`;
      if (!isObject(p)) {
        f.add('model/input-invalid', 'error', 'An instance profile must be an object', pointer);
        return;
      }
      const h = head(p, 'instance-profile', account, f, pointer);
      if (!h || !checkUnique('instance profile', account.id, h.name, `${pointer}/name`)) return;
      const held: string[] = [];
      arrayOf<unknown>(p.roles, f, `${pointer}/roles`, 'roles').forEach((r, j) => {
        if (typeof r !== 'string' || r === '') {
          f.add('model/input-invalid', 'error', 'A role reference must be a name or an ARN', `${pointer}/roles/${j}`);
          return;
        }
        const arn = entityRef(r, 'role', account, roleNames);
        if (!held.includes(arn)) held.push(arn);
      });
      loadTags(p.tags, false, f, pointer, h.arn);
      profiles.push(
        Object.freeze({
          kind: 'instanceProfile',
          ...h,
          account: account.id,
          partition: account.partition,
          pointer,
          roles: Object.freeze(held),
        }),
      );
    });
  }

  const organization = isObject(input.organization) ? loadOrganization(input.organization, f) : undefined;
  if (input.organization !== undefined && !isObject(input.organization)) {
    f.add('model/input-invalid', 'error', 'organization must be an object', '/organization');
  }
  const resources = loadResources(input.resources, f, '/resources');

  const byArn = <T extends { arn: string }>(list: readonly T[]): Map<string, T> => new Map(list.map((e) => [e.arn, e]));
  const byName = <T extends { account: string; name: string }>(list: readonly T[]): Map<string, T> =>
    new Map(list.map((e) => [`${e.account}/${e.name.toLowerCase()}`, e]));
  const data: ModelData = {
    accounts: Object.freeze(accounts),
    users: Object.freeze(users),
    groups: Object.freeze(groups),
    roles: Object.freeze(roles),
    instanceProfiles: Object.freeze(profiles),
    policies: Object.freeze(policies),
    resources,
    ...(organization ? { organization } : {}),
    quotas,
    diagnostics: [],
    accountById,
    userByArn: byArn(users),
    groupByArn: byArn(groups),
    roleByArn: byArn(roles),
    profileByArn: byArn(profiles),
    policyByArn,
    userByName: byName(users),
    roleByName: byName(roles),
    profileByName: byName(profiles),
  };
  checkReferences(data, f);
  return { data: Object.freeze({ ...data, diagnostics: Object.freeze(f.list) }), diagnostics: f.list };
}

function pickQuotas(q: Record<string, unknown>): Partial<ModelQuotas> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(DEFAULT_QUOTAS)) {
    const v = q[k];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) out[k] = v;
  }
  return out as Partial<ModelQuotas>;
}

function loadManagedPolicy(
  p: Record<string, unknown>,
  h: EntityHead,
  account: string,
  f: Findings,
  pointer: string,
): ModelManagedPolicy {
  const versions: { versionId: string; document: unknown; isDefault: boolean; pointer: string }[] = [];
  if (p.versions !== undefined) {
    arrayOf<unknown>(p.versions, f, `${pointer}/versions`, 'versions').forEach((v, i) => {
      if (!isObject(v) || typeof v.versionId !== 'string') {
        f.add(
          'model/input-invalid',
          'error',
          'A policy version needs a versionId and a document',
          `${pointer}/versions/${i}`,
        );
        return;
      }
      versions.push({
        versionId: v.versionId,
        document: v.document,
        isDefault: v.isDefault === true,
        pointer: `${pointer}/versions/${i}`,
      });
    });
  } else if (p.document !== undefined) {
    versions.push({ versionId: 'v1', document: p.document, isDefault: true, pointer: `${pointer}/document` });
  }
  if (versions.length > MAX_VERSIONS) {
    f.add(
      'model/policy-version-quota',
      'error',
      `Managed policy ${h.arn} has ${versions.length} versions (at most ${MAX_VERSIONS})`,
      `${pointer}/versions`,
    );
  }
  let defaultId = typeof p.defaultVersionId === 'string' ? p.defaultVersionId : undefined;
  const marked = versions.filter((v) => v.isDefault);
  if (defaultId === undefined) {
    if (marked.length > 1)
      f.add(
        'model/policy-version-default',
        'error',
        `Managed policy ${h.arn} marks ${marked.length} versions as default`,
        `${pointer}/versions`,
      );
    defaultId = marked[0]?.versionId ?? (versions.length === 1 ? versions[0]?.versionId : undefined);
  } else if (marked.some((v) => v.versionId !== defaultId)) {
    f.add(
      'model/policy-version-default',
      'error',
      `Managed policy ${h.arn}: defaultVersionId ${defaultId} disagrees with the version marked default`,
      `${pointer}/defaultVersionId`,
    );
  }
  const chosen = versions.find((v) => v.versionId === defaultId);
  if (!chosen) {
    f.add(
      'model/policy-version-default',
      'error',
      `Managed policy ${h.arn} has no default version${defaultId ? ` (${defaultId} is missing)` : ''}`,
      pointer,
    );
  }
  let document: PolicyLike | undefined;
  if (chosen) {
    const loaded = loadPolicy(chosen.document, 'identity', h.arn, chosen.pointer, f);
    document = loaded.document;
    if (loaded.size > MANAGED_POLICY_SIZE) {
      f.add(
        'model/policy-size-exceeded',
        'error',
        `Managed policy ${h.arn} has ${loaded.size} characters excluding whitespace, over the limit of ${MANAGED_POLICY_SIZE}`,
        chosen.pointer,
        { size: loaded.size, limit: MANAGED_POLICY_SIZE },
      );
    }
  }
  loadTags(p.tags, false, f, pointer, h.arn);
  return Object.freeze({
    kind: 'managedPolicy',
    arn: h.arn,
    name: h.name,
    path: h.path,
    id: h.id,
    account,
    ...(defaultId !== undefined ? { defaultVersionId: defaultId } : {}),
    versionIds: Object.freeze(versions.map((v) => v.versionId)),
    ...(document !== undefined ? { document } : {}),
    pointer,
  });
}

function loadOrgPolicies(v: unknown, type: 'scp' | 'rcp', target: string, f: Findings, pointer: string): PolicyLike[] {
  const out: PolicyLike[] = [];
  const list = arrayOf<unknown>(v, f, pointer, `${type}s`);
  list.forEach((p, i) => {
    const id = `${target}#${type}${i}`;
    const loaded = loadPolicy(p, type, id, `${pointer}/${i}`, f);
    if (loaded.length > 5120) {
      f.add(
        'model/policy-size-exceeded',
        'error',
        `${type.toUpperCase()} ${id} has ${loaded.length} characters, over the limit of 5120`,
        `${pointer}/${i}`,
        { size: loaded.length, limit: 5120 },
      );
    }
    out.push(loaded.document);
  });
  if (list.length > 5) {
    f.add(
      'model/org-policy-quota',
      'error',
      `${target} has ${list.length} ${type.toUpperCase()}s attached (at most 5)`,
      pointer,
    );
  }
  return out;
}

function loadOrganization(o: Record<string, unknown>, f: Findings): ModelOrganization | undefined {
  if (typeof o.id !== 'string' || !isObject(o.root)) {
    f.add('model/input-invalid', 'error', 'organization needs an id and a root', '/organization');
    return undefined;
  }
  const paths = new Map<string, readonly ModelOrgLevel[]>();
  const level = (t: Record<string, unknown>, id: string, pointer: string): ModelOrgLevel =>
    Object.freeze({
      id,
      scps: Object.freeze(loadOrgPolicies(t.scps, 'scp', id, f, `${pointer}/scps`)),
      rcps: Object.freeze(loadOrgPolicies(t.rcps, 'rcp', id, f, `${pointer}/rcps`)),
    });
  const walk = (unit: OrganizationUnitInput, above: readonly ModelOrgLevel[], pointer: string, depth: number): void => {
    if (depth > MAX_ORG_DEPTH) {
      f.add('model/input-invalid', 'error', 'The organization tree is too deep', pointer);
      return;
    }
    const raw = unit as unknown as Record<string, unknown>;
    const id = typeof raw.id === 'string' ? raw.id : '';
    if (id === '') f.add('model/input-invalid', 'error', 'An organization root or OU needs an id', pointer);
    const levels = [...above, level(raw, id, pointer)];
    arrayOf<unknown>(raw.accounts, f, `${pointer}/accounts`, 'accounts').forEach((a, i) => {
      const ap = `${pointer}/accounts/${i}`;
      const acc = typeof a === 'string' ? { id: a } : isObject(a) ? a : undefined;
      if (!acc || typeof acc.id !== 'string') {
        f.add('model/input-invalid', 'error', 'An organization account needs an id', ap);
        return;
      }
      if (paths.has(acc.id)) {
        f.add('model/name-duplicate', 'error', `Account ${acc.id} appears twice in the organization`, ap);
        return;
      }
      paths.set(acc.id, Object.freeze([...levels, level(acc, acc.id, ap)]));
    });
    arrayOf<unknown>(raw.units, f, `${pointer}/units`, 'units').forEach((u, i) => {
      if (isObject(u)) walk(u as unknown as OrganizationUnitInput, levels, `${pointer}/units/${i}`, depth + 1);
      else f.add('model/input-invalid', 'error', 'An organizational unit must be an object', `${pointer}/units/${i}`);
    });
  };
  walk(o.root as unknown as OrganizationUnitInput, [], '/organization/root', 0);
  const management = typeof o.managementAccountId === 'string' ? o.managementAccountId : undefined;
  if (management !== undefined && !paths.has(management)) {
    f.add(
      'model/account-missing',
      'warning',
      `The management account ${management} is not placed in the organization tree`,
      '/organization/managementAccountId',
    );
  }
  return Object.freeze({ id: o.id, ...(management !== undefined ? { managementAccountId: management } : {}), paths });
}

/** Loads resource policies attached by ARN. */
export function loadResources(v: unknown, f: Findings, pointer: string): readonly ModelResource[] {
  const out: ModelResource[] = [];
  const seen = new Set<string>();
  arrayOf<unknown>(v, f, pointer, 'resources').forEach((r, i) => {
    const ptr = `${pointer}/${i}`;
    if (!isObject(r) || typeof r.arn !== 'string' || r.arn === '') {
      f.add('model/input-invalid', 'error', 'A resource needs an arn and a policy', ptr);
      return;
    }
    const parts = splitArn(r.arn);
    if (parts?.prefix !== 'arn') f.add('model/resource-arn-invalid', 'error', `${r.arn} is not an ARN`, `${ptr}/arn`);
    if (seen.has(r.arn))
      f.add(
        'model/name-duplicate',
        'warning',
        `Resource ${r.arn} has several policies; all of them apply`,
        `${ptr}/arn`,
      );
    seen.add(r.arn);
    const account =
      typeof r.account === 'string' ? r.account : parts && parts.account !== '' ? parts.account : undefined;
    if (account !== undefined && !isAccountId(account))
      f.add('model/account-invalid', 'error', `Account ID ${account} is not 12 digits`, `${ptr}/account`);
    const loaded = loadPolicy(r.policy, 'resource', r.arn, `${ptr}/policy`, f);
    const kmsKey = parts?.service === 'kms' && parts.resource.startsWith('key/');
    out.push(
      Object.freeze({
        arn: r.arn,
        policy: loaded.document,
        ...(account !== undefined ? { account } : {}),
        tags: loadTags(r.tags, false, f, ptr, r.arn),
        requiresExplicitAllow: r.requiresExplicitAllow === true || kmsKey,
        pointer: ptr,
      }),
    );
  });
  return Object.freeze(out);
}

/** Dangling references and per-entity quotas (§6.4). */
function checkReferences(d: ModelData, f: Findings): void {
  const policy = (arn: string, owner: string, pointer: string, what: string): void => {
    if (d.policyByArn.has(arn)) return;
    const aws = splitArn(arn)?.account === 'aws';
    f.add(
      'model/policy-missing',
      aws ? 'warning' : 'error',
      `${owner} references ${what} ${arn}, which is not in the model${aws ? ' (AWS-managed policies must be supplied to be evaluated)' : ''}`,
      pointer,
      { arn },
    );
  };
  const attached = (e: ModelUser | ModelGroup | ModelRole, limit: number): void => {
    e.managedPolicies.forEach((arn, i) => {
      policy(arn, e.arn, `${e.pointer}/managedPolicies/${i}`, 'managed policy');
    });
    if (e.managedPolicies.length > limit) {
      f.add(
        'model/managed-policy-quota',
        'error',
        `${e.arn} has ${e.managedPolicies.length} managed policies attached (at most ${limit})`,
        `${e.pointer}/managedPolicies`,
        { count: e.managedPolicies.length, limit },
      );
    }
  };
  for (const g of d.groups) attached(g, d.quotas.managedPoliciesPerGroup);
  for (const u of d.users) {
    attached(u, d.quotas.managedPoliciesPerEntity);
    if (u.boundary !== undefined) policy(u.boundary, u.arn, `${u.pointer}/boundary`, 'boundary');
    u.groups.forEach((g, i) => {
      if (!d.groupByArn.has(g))
        f.add(
          'model/group-missing',
          'error',
          `${u.arn} is a member of ${g}, which is not in the model`,
          `${u.pointer}/groups/${i}`,
          { arn: g },
        );
      else if (d.groupByArn.get(g)?.account !== u.account)
        f.add(
          'model/group-missing',
          'error',
          `${u.arn} cannot join ${g} of another account`,
          `${u.pointer}/groups/${i}`,
          { arn: g },
        );
    });
    if (u.groups.length > d.quotas.groupsPerUser) {
      f.add(
        'model/group-quota',
        'error',
        `${u.arn} is in ${u.groups.length} groups (at most ${d.quotas.groupsPerUser})`,
        `${u.pointer}/groups`,
        { count: u.groups.length, limit: d.quotas.groupsPerUser },
      );
    }
  }
  for (const r of d.roles) {
    attached(r, d.quotas.managedPoliciesPerEntity);
    if (r.boundary !== undefined) policy(r.boundary, r.arn, `${r.pointer}/boundary`, 'boundary');
  }
  for (const p of d.instanceProfiles) {
    p.roles.forEach((r, i) => {
      if (!d.roleByArn.has(r))
        f.add(
          'model/role-missing',
          'error',
          `Instance profile ${p.arn} holds ${r}, which is not in the model`,
          `${p.pointer}/roles/${i}`,
          { arn: r },
        );
    });
    if (p.roles.length === 0)
      f.add(
        'model/instance-profile-roles',
        'warning',
        `Instance profile ${p.arn} holds no role: it delivers no credentials`,
        `${p.pointer}/roles`,
      );
    else if (p.roles.length > 1)
      f.add(
        'model/instance-profile-roles',
        'error',
        `Instance profile ${p.arn} holds ${p.roles.length} roles (at most 1)`,
        `${p.pointer}/roles`,
      );
  }
  for (const r of d.resources) {
    if (r.account === undefined && splitArn(r.arn)?.service === 's3' && d.accounts.length > 0) {
      f.add(
        'model/resource-account-unknown',
        'info',
        `Resource ${r.arn} names no account: requests to it are evaluated as cross-account unless they give resourceAccount`,
        `${r.pointer}/account`,
      );
    }
    const principal = parsePrincipalArn(r.arn);
    if (principal?.kind === 'role')
      f.add(
        'model/resource-is-role',
        'warning',
        `${r.arn} is a role: its trust policy is its resource policy; give it as the role's trustPolicy`,
        r.pointer,
      );
  }
  if (d.organization) {
    for (const a of d.accounts) {
      if (!d.organization.paths.has(a.id))
        f.add(
          'model/account-missing',
          'info',
          `Account ${a.id} is not in the organization tree: no SCPs or RCPs apply to it`,
          '/organization',
        );
    }
  }
}

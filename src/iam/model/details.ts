/**
 * `fromAuthorizationDetails`: an IAM model from the output of
 * `aws iam get-account-authorization-details` (policy documents as objects or URL-encoded JSON).
 *
 * @module
 */
import { START_RANGE } from '../../diagnostics/line-index.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { isAccountId, splitArn } from '../policy/arn.js';
import { createModelWith } from './model.js';
import type {
  AccountInput,
  AuthorizationDetailsOptions,
  CreateModelResult,
  GroupInput,
  InstanceProfileInput,
  ManagedPolicyInput,
  ModelInput,
  RoleInput,
  UserInput,
} from './types.js';

type Raw = Record<string, unknown>;

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: unknown): Raw[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function problem(ruleId: string, severity: Diagnostic['severity'], message: string, pointer: string): Diagnostic {
  return Object.freeze({ ruleId, severity, message, range: START_RANGE, pointer });
}

function inline(v: unknown): { name: string; document: string | object }[] {
  return list(v).map((p) => ({
    name: str(p.PolicyName) ?? '',
    document: (p.PolicyDocument ?? '') as string | object,
  }));
}

function attached(v: unknown): string[] {
  return list(v)
    .map((p) => str(p.PolicyArn))
    .filter((a): a is string => a !== undefined);
}

function boundary(v: unknown): string | undefined {
  return isObject(v) ? str(v.PermissionsBoundaryArn) : undefined;
}

/** Segment renames from the model input back to the details document, per entity list. */
const SEGMENTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  users: {
    '': 'UserDetailList',
    name: 'UserName',
    path: 'Path',
    id: 'UserId',
    groups: 'GroupList',
    inlinePolicies: 'UserPolicyList',
    managedPolicies: 'AttachedManagedPolicies',
    boundary: 'PermissionsBoundary',
    tags: 'Tags',
  },
  groups: {
    '': 'GroupDetailList',
    name: 'GroupName',
    path: 'Path',
    id: 'GroupId',
    inlinePolicies: 'GroupPolicyList',
    managedPolicies: 'AttachedManagedPolicies',
  },
  roles: {
    '': 'RoleDetailList',
    name: 'RoleName',
    path: 'Path',
    id: 'RoleId',
    trustPolicy: 'AssumeRolePolicyDocument',
    inlinePolicies: 'RolePolicyList',
    managedPolicies: 'AttachedManagedPolicies',
    boundary: 'PermissionsBoundary',
    tags: 'Tags',
    maxSessionDuration: 'MaxSessionDuration',
  },
  policies: {
    '': 'Policies',
    name: 'PolicyName',
    path: 'Path',
    id: 'PolicyId',
    versions: 'PolicyVersionList',
    defaultVersionId: 'DefaultVersionId',
    tags: 'Tags',
  },
};
const INNER: Readonly<Record<string, string>> = { document: 'PolicyDocument', name: 'PolicyName' };
const VERSION: Readonly<Record<string, string>> = { document: 'Document', versionId: 'VersionId' };

/** Maps a pointer into the model input to the matching place of the details document. */
function translate(
  pointer: string,
  prefixes: readonly string[],
  profilePointers: readonly (readonly string[])[],
): string {
  const parts = pointer.split('/');
  // ['', 'accounts', i, list, j, field, k, inner]
  if (parts[1] !== 'accounts' || parts.length < 4) return pointer;
  const account = Number(parts[2]);
  const prefix = prefixes[account] ?? '';
  const listName = parts[3] as string;
  if (listName === 'instanceProfiles') {
    const at = profilePointers[account]?.[Number(parts[4])];
    return at ?? pointer;
  }
  const table = SEGMENTS[listName];
  if (!table) return pointer;
  const out = [`${prefix}/${table[''] as string}`];
  if (parts.length > 4) out.push(parts[4] as string);
  if (parts.length > 5) out.push(table[parts[5] as string] ?? (parts[5] as string));
  if (parts.length > 6) out.push(parts[6] as string);
  if (parts.length > 7) {
    const inner = parts[5] === 'versions' ? VERSION : INNER;
    out.push(inner[parts[7] as string] ?? (parts[7] as string));
  }
  if (parts[5] === 'document' && parts.length === 6 && listName === 'policies') {
    out[out.length - 1] = 'PolicyVersionList';
  }
  return out.join('/');
}

function accountOf(details: Raw): string | undefined {
  for (const key of ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies']) {
    for (const e of list(details[key])) {
      const a = splitArn(str(e.Arn) ?? '')?.account;
      if (a && a !== 'aws') return a;
    }
  }
  return undefined;
}

function convertAccount(details: Raw, accountId: string, prefix: string, profilePointers: string[]): AccountInput {
  const users: UserInput[] = list(details.UserDetailList).map((u) => ({
    name: str(u.UserName) ?? '',
    ...opt('path', str(u.Path)),
    ...opt('id', str(u.UserId)),
    ...opt('arn', str(u.Arn)),
    groups: Array.isArray(u.GroupList) ? u.GroupList.filter((g): g is string => typeof g === 'string') : [],
    inlinePolicies: inline(u.UserPolicyList),
    managedPolicies: attached(u.AttachedManagedPolicies),
    ...opt('boundary', boundary(u.PermissionsBoundary)),
    ...opt('tags', Array.isArray(u.Tags) ? (u.Tags as { Key: string; Value: string }[]) : undefined),
  }));
  const groups: GroupInput[] = list(details.GroupDetailList).map((g) => ({
    name: str(g.GroupName) ?? '',
    ...opt('path', str(g.Path)),
    ...opt('id', str(g.GroupId)),
    ...opt('arn', str(g.Arn)),
    inlinePolicies: inline(g.GroupPolicyList),
    managedPolicies: attached(g.AttachedManagedPolicies),
  }));
  const profiles = new Map<string, { input: InstanceProfileInput; roles: string[] }>();
  const roles: RoleInput[] = list(details.RoleDetailList).map((r, i) => {
    list(r.InstanceProfileList).forEach((p, j) => {
      const arn = str(p.Arn) ?? '';
      const name = str(p.InstanceProfileName) ?? '';
      const key = arn || name;
      let entry = profiles.get(key);
      if (!entry) {
        entry = {
          input: {
            name,
            ...opt('path', str(p.Path)),
            ...opt('id', str(p.InstanceProfileId)),
            ...opt('arn', arn || undefined),
            roles: [],
          },
          roles: [],
        };
        profiles.set(key, entry);
        profilePointers.push(`${prefix}/RoleDetailList/${i}/InstanceProfileList/${j}`);
      }
      // The profile lists its roles; the enclosing role is one of them.
      for (const held of list(p.Roles)) {
        const ra = str(held.Arn);
        if (ra && !entry.roles.includes(ra)) entry.roles.push(ra);
      }
      const own = str(r.Arn);
      if (own && !entry.roles.includes(own)) entry.roles.push(own);
    });
    return {
      name: str(r.RoleName) ?? '',
      ...opt('path', str(r.Path)),
      ...opt('id', str(r.RoleId)),
      ...opt('arn', str(r.Arn)),
      trustPolicy: (r.AssumeRolePolicyDocument ?? '') as string | object,
      inlinePolicies: inline(r.RolePolicyList),
      managedPolicies: attached(r.AttachedManagedPolicies),
      ...opt('boundary', boundary(r.PermissionsBoundary)),
      ...opt('tags', Array.isArray(r.Tags) ? (r.Tags as { Key: string; Value: string }[]) : undefined),
      ...opt('maxSessionDuration', typeof r.MaxSessionDuration === 'number' ? r.MaxSessionDuration : undefined),
    };
  });
  const policies: ManagedPolicyInput[] = list(details.Policies).map((p) => ({
    name: str(p.PolicyName) ?? '',
    ...opt('path', str(p.Path)),
    ...opt('id', str(p.PolicyId)),
    ...opt('arn', str(p.Arn)),
    ...opt('defaultVersionId', str(p.DefaultVersionId)),
    versions: list(p.PolicyVersionList).map((v) => ({
      versionId: str(v.VersionId) ?? '',
      document: (v.Document ?? '') as string | object,
      isDefault: v.IsDefaultVersion === true,
    })),
    ...opt('tags', Array.isArray(p.Tags) ? (p.Tags as { Key: string; Value: string }[]) : undefined),
  }));
  return {
    id: accountId,
    ...opt('partition', splitArn(str(list(details.UserDetailList)[0]?.Arn) ?? '')?.partition || undefined),
    users,
    groups,
    roles,
    instanceProfiles: [...profiles.values()].map((e) => ({ ...e.input, roles: e.roles })),
    policies,
  };
}

/**
 * Builds a model from `aws iam get-account-authorization-details` output (an object, its JSON
 * text, or an array of them for several accounts). Policy documents may be objects or the
 * URL-encoded JSON strings the API returns; managed policies use their default version;
 * instance profiles are collected from the roles' `InstanceProfileList`. Diagnostics point into
 * the details document. Never throws.
 */
export function fromAuthorizationDetails(
  details: object | string,
  options: AuthorizationDetailsOptions = {},
): CreateModelResult {
  const opts: AuthorizationDetailsOptions = options ?? {};
  const early: Diagnostic[] = [];
  let value: unknown = details;
  if (typeof details === 'string') {
    try {
      value = JSON.parse(details);
    } catch {
      early.push(problem('model/input-invalid', 'error', 'The authorization details are not valid JSON', ''));
      return Object.freeze({ diagnostics: Object.freeze(early) });
    }
  }
  const many = Array.isArray(value);
  const docs = many ? (value as unknown[]) : [value];
  const accounts: AccountInput[] = [];
  const prefixes: string[] = [];
  const profilePointers: string[][] = [];
  docs.forEach((doc, i) => {
    const prefix = many ? `/${i}` : '';
    if (!isObject(doc)) {
      early.push(problem('model/input-invalid', 'error', 'Authorization details must be an object', prefix));
      return;
    }
    if (doc.IsTruncated === true) {
      early.push(
        problem(
          'model/details-truncated',
          'warning',
          'The details are truncated (IsTruncated): fetch every page with Marker',
          `${prefix}/IsTruncated`,
        ),
      );
    }
    const found = accountOf(doc);
    const accountId = (!many || i === 0 ? opts.accountId : undefined) ?? found;
    if (accountId === undefined) {
      early.push(
        problem(
          'model/account-unknown',
          'error',
          'The account ID is neither given (accountId) nor in any ARN of the details',
          prefix,
        ),
      );
      return;
    }
    if (found !== undefined && found !== accountId && isAccountId(found)) {
      early.push(
        problem(
          'model/account-mismatch',
          'warning',
          // No String() of a caller's object: it may have no usable toString (Object.create(null)).
          `accountId ${typeof accountId === 'object' || typeof accountId === 'function' ? '(not a string)' : String(accountId)} differs from the account in the ARNs (${found})`,
          prefix,
        ),
      );
    }
    const pointers: string[] = [];
    accounts.push(convertAccount(doc, accountId, prefix, pointers));
    prefixes[accounts.length - 1] = prefix;
    profilePointers[accounts.length - 1] = pointers;
  });
  if (accounts.length === 0) return Object.freeze({ diagnostics: Object.freeze(early) });
  const input: ModelInput = {
    accounts,
    ...opt('organization', opts.organization),
    ...opt('resources', opts.resources),
    ...opt('quotas', opts.quotas),
  };
  return createModelWith(input, early, (pointer) =>
    pointer.startsWith('/accounts/') ? translate(pointer, prefixes, profilePointers) : pointer,
  );
}

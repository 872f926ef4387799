/**
 * The request principal (spec/iam.md §4.1 PrincipalRef) and Principal / NotPrincipal matching
 * (§2.3, P1–P7).
 *
 * @module
 */
import { isAccountId, parsePrincipalArn, splitArn } from '../policy/arn.js';
import type { PrincipalElement } from '../policy/types.js';

/** Request principal kinds of spec/iam.md §4.1. */
export type PrincipalKindName =
  | 'user'
  | 'roleSession'
  | 'federatedSession'
  | 'root'
  | 'service'
  | 'anonymous'
  | 'webIdentity'
  | 'saml';

/** Facts about the request principal that its ARN does not carry (all optional). */
export interface PrincipalDetails {
  /** Role ARN with its path, for a role session (default: derived without path, or from `aws:PrincipalArn`). */
  readonly roleArn?: string;
  /** The IAM user who called GetFederationToken (default: `user/<federated name>` in the same account, no path). */
  readonly sourceUserArn?: string;
  /** Unique ID of the user (`AIDA…`), of the source user of a federated session. */
  readonly userId?: string;
  /** Unique ID of the role (`AROA…`) behind a role session. */
  readonly roleId?: string;
  /** Whether the principal's IAM entity has a permissions boundary (default: a boundary policy is given). */
  readonly entityHasBoundary?: boolean;
  /** True for a session of a service-linked role (exempt from SCPs). */
  readonly serviceLinkedRole?: boolean;
  /** Identity provider of a web-identity or SAML caller (provider ARN or well-known name). */
  readonly provider?: string;
}

/** The parsed request principal (spec/iam.md §4.1). */
export interface PrincipalRef {
  readonly kind: PrincipalKindName;
  readonly partition: string;
  readonly account?: string;
  /** The principal's own ARN (user, session, root). */
  readonly arn?: string;
  /** Role ARN with path (role sessions). */
  readonly roleArn?: string;
  readonly roleName?: string;
  readonly roleId?: string;
  readonly userId?: string;
  readonly sourceUserArn?: string;
  readonly sessionName?: string;
  /** User name (users) or federated name (federated sessions). */
  readonly name?: string;
  readonly serviceName?: string;
  readonly provider?: string;
  readonly entityHasBoundary: boolean;
  readonly serviceLinkedRole: boolean;
}

const WELL_KNOWN_PROVIDERS: ReadonlySet<string> = new Set([
  'cognito-identity.amazonaws.com',
  'accounts.google.com',
  'graph.facebook.com',
  'www.amazon.com',
]);

function isServiceName(text: string): boolean {
  if (text.length === 0 || text.length > 253 || text.startsWith('.') || text.endsWith('.')) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ok = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46;
    if (!ok) return false;
  }
  return text.includes('.');
}

/**
 * Parses a request principal: an IAM user ARN, `…:root`, an assumed-role or federated-user
 * session ARN, a SAML/OIDC provider ARN or well-known web-identity provider (with an
 * `sts:AssumeRoleWith…` action), a service principal such as `ec2.amazonaws.com`, or `anonymous`.
 * Returns `undefined` for anything else (a group ARN, a role ARN, garbage).
 */
export function parseRequestPrincipal(
  text: string,
  details: PrincipalDetails = {},
  action = '',
  contextPrincipalArn?: string,
): PrincipalRef | undefined {
  const base = {
    entityHasBoundary: details.entityHasBoundary ?? false,
    serviceLinkedRole: details.serviceLinkedRole ?? false,
  };
  if (text === 'anonymous') return { kind: 'anonymous', partition: 'aws', ...base, entityHasBoundary: false };
  const lowerAction = action.toLowerCase();
  const webIdentityCall = lowerAction === 'sts:assumerolewithwebidentity';
  if (WELL_KNOWN_PROVIDERS.has(text.toLowerCase()) && (webIdentityCall || text.indexOf('amazonaws.com') < 0)) {
    return { kind: 'webIdentity', partition: 'aws', provider: text, ...base };
  }
  if (!text.startsWith('arn:')) {
    if (!isServiceName(text)) return undefined;
    return { kind: 'service', partition: 'aws', serviceName: text, ...base, entityHasBoundary: false };
  }
  const p = parsePrincipalArn(text);
  if (!p) {
    const arn = splitArn(text);
    if (arn && arn.service === 'iam' && isAccountId(arn.account)) {
      const kind = arn.resource.startsWith('saml-provider/')
        ? 'saml'
        : arn.resource.startsWith('oidc-provider/')
          ? 'webIdentity'
          : undefined;
      if (kind) return { kind, partition: arn.partition, account: arn.account, provider: text, ...base };
    }
    return undefined;
  }
  const common = { partition: p.partition, account: p.account, arn: text };
  switch (p.kind) {
    case 'root':
      return { kind: 'root', ...common, ...base, entityHasBoundary: false };
    case 'user':
      return {
        kind: 'user',
        ...common,
        name: p.name as string,
        ...(details.userId ? { userId: details.userId } : {}),
        ...base,
      };
    case 'assumed-role': {
      const roleName = p.name as string;
      let roleArn = details.roleArn;
      if (!roleArn && contextPrincipalArn) {
        const c = parsePrincipalArn(contextPrincipalArn);
        if (c && c.kind === 'role' && c.name === roleName && c.account === p.account && c.partition === p.partition) {
          roleArn = contextPrincipalArn;
        }
      }
      roleArn ??= `arn:${p.partition}:iam::${p.account}:role/${roleName}`;
      return {
        kind: 'roleSession',
        ...common,
        roleArn,
        roleName,
        sessionName: p.sessionName as string,
        ...(details.roleId ? { roleId: details.roleId } : {}),
        ...base,
      };
    }
    case 'federated-user':
      return {
        kind: 'federatedSession',
        ...common,
        name: p.name as string,
        // Choice: without details, the session was created by the IAM user of the same name
        // (the convention of conformance/iam-cases.json); no path is knowable.
        sourceUserArn: details.sourceUserArn ?? `arn:${p.partition}:iam::${p.account}:user/${p.name as string}`,
        ...(details.userId ? { userId: details.userId } : {}),
        ...base,
      };
    default:
      return undefined; // a group or a role is never a request principal
  }
}

/** How a policy principal value matched (spec/iam.md §2.3 table). */
export type PrincipalMatchKind =
  | 'public'
  | 'account'
  | 'user'
  | 'sourceUser'
  | 'role'
  | 'session'
  | 'service'
  | 'federated';

/** One matching value of a Principal element. */
export interface PrincipalMatch {
  readonly kind: PrincipalMatchKind;
  /** The policy value that matched. */
  readonly by: string;
}

/** The account a principal ARN or account ID names, with its partition, when it is an account principal. */
function accountOf(value: string): { account: string; partition: string | undefined } | undefined {
  if (isAccountId(value)) return { account: value, partition: undefined };
  const p = parsePrincipalArn(value);
  return p && p.kind === 'root' ? { account: p.account, partition: p.partition } : undefined;
}

/** Every way `value` (from map key `key`) covers `p`; empty when it does not. */
function matchValue(key: string, value: string, p: PrincipalRef, out: PrincipalMatch[]): void {
  if (key === 'AWS') {
    if (value === '*') {
      out.push({ kind: 'public', by: value });
      return;
    }
    if (p.kind === 'service' || p.kind === 'anonymous' || p.kind === 'webIdentity' || p.kind === 'saml') return;
    const acct = accountOf(value);
    if (acct) {
      if (acct.account === p.account && (acct.partition === undefined || acct.partition === p.partition)) {
        out.push({ kind: 'account', by: value });
      }
      return;
    }
    if (value.startsWith('arn:')) {
      if (p.kind === 'user' && value === p.arn) out.push({ kind: 'user', by: value });
      else if (p.kind === 'roleSession') {
        if (value === p.arn) out.push({ kind: 'session', by: value });
        else if (value === p.roleArn) out.push({ kind: 'role', by: value });
      } else if (p.kind === 'federatedSession') {
        if (value === p.arn) out.push({ kind: 'session', by: value });
        else if (value === p.sourceUserArn) out.push({ kind: 'sourceUser', by: value });
      }
      return;
    }
    // Unique IDs (P4: only the current entity's ID matches).
    if (p.kind === 'user' && value === p.userId) out.push({ kind: 'user', by: value });
    else if (p.kind === 'roleSession' && value === p.roleId) out.push({ kind: 'role', by: value });
    else if (p.kind === 'federatedSession' && value === p.userId) out.push({ kind: 'sourceUser', by: value });
    return;
  }
  if (key === 'Service') {
    if (p.kind === 'service' && value.toLowerCase() === (p.serviceName as string).toLowerCase()) {
      out.push({ kind: 'service', by: value });
    }
    return;
  }
  if (key === 'Federated') {
    if ((p.kind === 'webIdentity' || p.kind === 'saml') && p.provider !== undefined) {
      if (value === p.provider || value.toLowerCase() === p.provider.toLowerCase())
        out.push({ kind: 'federated', by: value });
    }
  }
  // CanonicalUser: the caller's canonical-ID mapping is not modelled; never matches.
}

/** Every match of `principal` by the element (values OR-ed, P1), in document order. */
export function principalMatches(element: PrincipalElement, p: PrincipalRef): PrincipalMatch[] {
  const out: PrincipalMatch[] = [];
  for (const entry of element.entries) {
    for (const v of entry.values) matchValue(entry.kind, v.value, p, out);
  }
  return out;
}

const GRANT_RANK: Readonly<Record<PrincipalMatchKind, number>> = {
  public: 3,
  user: 3,
  session: 3,
  service: 3,
  federated: 3,
  role: 2,
  sourceUser: 2,
  account: 1,
};

/** The strongest match for granting purposes (§4.3 step 7), or undefined. */
export function strongestMatch(matches: readonly PrincipalMatch[]): PrincipalMatch | undefined {
  let best: PrincipalMatch | undefined;
  for (const m of matches) if (!best || GRANT_RANK[m.kind] > GRANT_RANK[best.kind]) best = m;
  return best;
}

/**
 * NotPrincipal (Deny only, §2.3 P5): true iff the principal is excluded, i.e. the list names
 * every level of its chain. The anonymous principal is never excluded.
 */
export function notPrincipalExcludes(element: PrincipalElement, p: PrincipalRef): boolean {
  if (p.kind === 'anonymous') return false;
  let star = false;
  let account = false;
  let role = false;
  let self = false;
  let service = false;
  for (const entry of element.entries) {
    for (const { value } of entry.values) {
      if (entry.kind === 'AWS') {
        if (value === '*') {
          star = true;
          continue;
        }
        const acct = accountOf(value);
        if (acct) {
          if (acct.account === p.account && (acct.partition === undefined || acct.partition === p.partition))
            account = true;
          continue;
        }
        if (value === p.arn) self = true;
        if (p.kind === 'user' && p.userId !== undefined && value === p.userId) self = true;
        if (p.kind === 'roleSession' && (value === p.roleArn || (p.roleId !== undefined && value === p.roleId)))
          role = true;
      } else if (entry.kind === 'Service') {
        if (p.kind === 'service' && value.toLowerCase() === (p.serviceName as string).toLowerCase()) service = true;
      } else if (entry.kind === 'Federated') {
        if (p.provider !== undefined && value === p.provider) self = true;
      }
    }
  }
  if (star) return true;
  switch (p.kind) {
    case 'service':
      return service;
    case 'root':
      return account;
    case 'roleSession':
      return account && role && self;
    case 'webIdentity':
    case 'saml':
      return self;
    default:
      return account && self;
  }
}

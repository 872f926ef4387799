/**
 * Reference request-principal model and Principal / NotPrincipal matching (spec/iam.md §2.3, §4.1).
 *
 * @module
 */
import { asciiLower } from './glob.js';
import type { ReferenceContext } from './variables.js';

/** The request principal of §4.1, derived from the `principal` string of the input. */
export interface RequestPrincipal {
  readonly kind: 'user' | 'roleSession' | 'federatedSession' | 'root' | 'service' | 'anonymous' | 'invalid';
  /** The principal's own ARN (user, session, root). */
  readonly arn?: string;
  readonly partition?: string;
  /** The account owning the principal's entity. */
  readonly account?: string;
  /** Role sessions: the role ARN (with path when `aws:PrincipalArn` in the context gives it). */
  readonly roleArn?: string;
  /** Federated sessions: the IAM user who federated (`user/<federated name>`; no path is knowable). */
  readonly sourceUserArn?: string;
  /** Service principals: the service name. */
  readonly serviceName?: string;
}

/** How a statement's Principal value matched (§2.3 match kinds). */
export type MatchKind = 'public' | 'account' | 'user' | 'sourceUser' | 'role' | 'session' | 'service' | 'federated';

const ACCOUNT_ID = /^\d{12}$/;

/** Reads the request principal string (an ARN, a service principal name, or `anonymous`). */
export function principalOf(text: string, context: ReferenceContext): RequestPrincipal {
  if (text === 'anonymous') return { kind: 'anonymous' };
  if (!text.startsWith('arn:')) {
    return text.includes('.') && !text.includes(':') ? { kind: 'service', serviceName: text } : { kind: 'invalid' };
  }
  const parts = text.split(':');
  if (parts.length < 6) return { kind: 'invalid' };
  const [, partition = '', service, region, account = ''] = parts;
  const resource = parts.slice(5).join(':');
  if (partition === '' || region !== '' || !ACCOUNT_ID.test(account)) return { kind: 'invalid' };
  const base = { arn: text, partition, account };
  if (service === 'iam' && resource === 'root') return { kind: 'root', ...base };
  if (service === 'iam' && resource.startsWith('user/') && resource.length > 'user/'.length) {
    return { kind: 'user', ...base };
  }
  if (service === 'sts') {
    const pieces = resource.split('/');
    if (pieces.length === 3 && pieces[0] === 'assumed-role' && pieces[1] !== '' && pieces[2] !== '') {
      const roleName = pieces[1]!;
      const plain = `arn:${partition}:iam::${account}:role/${roleName}`;
      // aws:PrincipalArn of a role session is the role ARN with its path (§5.1); use it when consistent.
      const given = context.lookup('aws:PrincipalArn');
      const candidate = given.length === 1 && typeof given[0] === 'string' ? given[0] : undefined;
      const rolePrefix = `arn:${partition}:iam::${account}:role/`;
      const roleArn = candidate?.startsWith(rolePrefix) && candidate.endsWith(`/${roleName}`) ? candidate : plain;
      return { kind: 'roleSession', ...base, roleArn };
    }
    if (pieces.length === 2 && pieces[0] === 'federated-user' && pieces[1] !== '') {
      return {
        kind: 'federatedSession',
        ...base,
        sourceUserArn: `arn:${partition}:iam::${account}:user/${pieces[1]}`,
      };
    }
  }
  return { kind: 'invalid' };
}

/**
 * The context keys of §5.1 that follow from the principal string and the resource account alone (unique IDs,
 * tags, MFA and token facts are unknown here, so absent).
 */
export function derivedContext(
  p: RequestPrincipal,
  resourceAccount: string | undefined,
): Record<string, string | readonly string[]> {
  const d: Record<string, string | readonly string[]> = {};
  if (p.kind === 'user') {
    d['aws:username'] = p.arn!.slice(p.arn!.lastIndexOf('/') + 1);
    d['aws:PrincipalArn'] = p.arn!;
    d['aws:PrincipalType'] = 'User';
  } else if (p.kind === 'roleSession') {
    d['aws:PrincipalArn'] = p.roleArn!;
    d['aws:PrincipalType'] = 'AssumedRole';
  } else if (p.kind === 'federatedSession') {
    d['aws:PrincipalArn'] = p.arn!;
    d['aws:PrincipalType'] = 'FederatedUser';
    d['aws:userid'] = `${p.account}:${p.arn!.slice(p.arn!.lastIndexOf('/') + 1)}`;
  } else if (p.kind === 'root') {
    d['aws:PrincipalArn'] = p.arn!;
    d['aws:PrincipalType'] = 'Account';
    d['aws:userid'] = p.account!;
  } else if (p.kind === 'anonymous') {
    d['aws:PrincipalType'] = 'Anonymous';
    d['aws:userid'] = 'anonymous';
    d['aws:PrincipalAccount'] = 'anonymous';
  } else if (p.kind === 'service') {
    d['aws:PrincipalIsAWSService'] = 'true';
    d['aws:PrincipalServiceName'] = p.serviceName!;
    d['aws:PrincipalServiceNamesList'] = [p.serviceName!];
  }
  if (isIamPrincipal(p)) {
    d['aws:PrincipalAccount'] = p.account!;
    d['aws:PrincipalIsAWSService'] = 'false';
  }
  if (resourceAccount !== undefined) d['aws:ResourceAccount'] = resourceAccount;
  return d;
}

/** The principal kinds that belong to an account (IAM principals). */
export function isIamPrincipal(p: RequestPrincipal): boolean {
  return p.kind === 'user' || p.kind === 'roleSession' || p.kind === 'federatedSession' || p.kind === 'root';
}

function namesAccount(value: string, p: RequestPrincipal): boolean {
  if (!isIamPrincipal(p)) return false;
  return value === p.account || value === `arn:${p.partition}:iam::${p.account}:root`;
}

/** The match kind of one `AWS` value for the principal, or `undefined`. */
function matchAws(value: string, p: RequestPrincipal): MatchKind | undefined {
  if (value === '*') return 'public';
  if (p.arn !== undefined && value === p.arn) {
    if (p.kind === 'user') return 'user';
    if (p.kind === 'roleSession' || p.kind === 'federatedSession') return 'session';
  }
  if (p.kind === 'roleSession' && value === p.roleArn) return 'role';
  if (p.kind === 'federatedSession' && value === p.sourceUserArn) return 'sourceUser';
  if (namesAccount(value, p)) return 'account';
  return undefined;
}

/** Normalises a Principal / NotPrincipal element (§1.4 N2): `"*"` ≡ `{AWS: "*"}`. */
export function principalEntries(element: unknown): [string, string[]][] {
  if (element === '*') return [['AWS', ['*']]];
  if (element === null || typeof element !== 'object' || Array.isArray(element)) return [];
  return Object.keys(element).map((k) => {
    const v = (element as Record<string, unknown>)[k];
    const values = Array.isArray(v) ? v : [v];
    return [k, values.filter((x): x is string => typeof x === 'string')];
  });
}

/** Every match kind with which a `Principal` element covers the request principal (values OR-ed, P1). */
export function principalMatchKinds(element: unknown, p: RequestPrincipal): MatchKind[] {
  const kinds: MatchKind[] = [];
  for (const [key, values] of principalEntries(element)) {
    for (const value of values) {
      if (key === 'AWS') {
        const kind = matchAws(value, p);
        if (kind !== undefined) kinds.push(kind);
      } else if (key === 'Service') {
        if (p.kind === 'service' && asciiLower(value) === asciiLower(p.serviceName!)) kinds.push('service');
      }
      // Federated and CanonicalUser never name principals of the input format (no SAML/OIDC callers, no mapping).
    }
  }
  return kinds;
}

/**
 * True when a `NotPrincipal` element excludes the principal (§2.3 P5): every level of its chain is named.
 */
export function notPrincipalExcludes(element: unknown, p: RequestPrincipal): boolean {
  if (p.kind === 'anonymous' || p.kind === 'invalid') return false;
  const entries = principalEntries(element);
  const aws = entries.filter(([k]) => k === 'AWS').flatMap(([, v]) => v);
  const star = aws.includes('*');
  if (p.kind === 'service') {
    if (star) return true;
    const services = entries.filter(([k]) => k === 'Service').flatMap(([, v]) => v);
    return services.some((s) => asciiLower(s) === asciiLower(p.serviceName!));
  }
  const named = (pred: (v: string) => boolean): boolean => star || aws.some(pred);
  const accountNamed = named((v) => namesAccount(v, p));
  if (p.kind === 'root') return accountNamed;
  const selfNamed = named((v) => v === p.arn);
  if (p.kind === 'roleSession') return accountNamed && named((v) => v === p.roleArn) && selfNamed;
  return accountNamed && selfNamed;
}

/**
 * ARN splitting (spec/iam.md §2.2 R1) and principal ARN recognition (§2.3, §6.2).
 *
 * @module
 */

/** The six components of an ARN. `resource` is everything after the fifth colon. */
export interface ArnParts {
  /** The first segment, normally `arn`. */
  readonly prefix: string;
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/**
 * Splits `text` on its first five colons (§2.2 R1). Returns `null` when it has fewer than five
 * colons. Does not check that the first segment is `arn`.
 */
export function splitArn(text: string): ArnParts | null {
  const segments = splitArnSegments(text);
  if (segments.length < 6) return null;
  const [prefix, partition, service, region, account, resource] = segments as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return Object.freeze({ prefix, partition, service, region, account, resource });
}

/**
 * Splits `text` on at most its first five colons: between 1 and 6 segments, the last one
 * holding the rest of the text (used for the short patterns of §2.2 R4).
 */
export function splitArnSegments(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (out.length < 5) {
    const c = text.indexOf(':', start);
    if (c < 0) break;
    out.push(text.slice(start, c));
    start = c + 1;
  }
  out.push(text.slice(start));
  return out;
}

/** True for a 12-digit AWS account ID. */
export function isAccountId(text: string): boolean {
  if (text.length !== 12) return false;
  for (let i = 0; i < 12; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The kinds of IAM/STS principal ARN (§6.2); `group` is recognised so callers can reject it (§2.3 P3). */
export type PrincipalArnKind = 'root' | 'user' | 'group' | 'role' | 'assumed-role' | 'federated-user';

/** A recognised principal ARN. */
export interface PrincipalArn {
  readonly kind: PrincipalArnKind;
  readonly partition: string;
  readonly account: string;
  /** Path of a user, group or role (`/` when none is written, always starts and ends with `/`). */
  readonly path?: string;
  /** User, group or role name; role name of an assumed-role session; federated user name. */
  readonly name?: string;
  /** Session name of an assumed-role session. */
  readonly sessionName?: string;
}

/**
 * Recognises `arn:P:iam::A:root`, `arn:P:iam::A:user|group|role/{path}name`,
 * `arn:P:sts::A:assumed-role/Role/Session` and `arn:P:sts::A:federated-user/Name` (§6.2).
 * The account must be 12 digits and the region empty; names are not otherwise validated.
 * Returns `undefined` for anything else.
 */
export function parsePrincipalArn(text: string): PrincipalArn | undefined {
  const arn = splitArn(text);
  if (arn?.prefix !== 'arn' || arn.partition === '' || arn.region !== '' || !isAccountId(arn.account)) {
    return undefined;
  }
  const { partition, account, resource } = arn;
  if (arn.service === 'iam') {
    if (resource === 'root') return Object.freeze({ kind: 'root', partition, account });
    const slash = resource.indexOf('/');
    if (slash < 0) return undefined;
    const type = resource.slice(0, slash);
    if (type !== 'user' && type !== 'group' && type !== 'role') return undefined;
    const rest = resource.slice(slash);
    const last = rest.lastIndexOf('/');
    const name = rest.slice(last + 1);
    if (name === '') return undefined;
    return Object.freeze({ kind: type, partition, account, path: rest.slice(0, last + 1), name });
  }
  if (arn.service === 'sts') {
    if (resource.startsWith('assumed-role/')) {
      const rest = resource.slice('assumed-role/'.length);
      const slash = rest.indexOf('/');
      if (slash <= 0) return undefined;
      const sessionName = rest.slice(slash + 1);
      if (sessionName === '' || sessionName.includes('/')) return undefined;
      return Object.freeze({ kind: 'assumed-role', partition, account, name: rest.slice(0, slash), sessionName });
    }
    if (resource.startsWith('federated-user/')) {
      const name = resource.slice('federated-user/'.length);
      if (name === '' || name.includes('/')) return undefined;
      return Object.freeze({ kind: 'federated-user', partition, account, name });
    }
  }
  return undefined;
}

/** The ARN text of a principal (the inverse of {@link parsePrincipalArn}). */
export function formatPrincipalArn(p: PrincipalArn): string {
  switch (p.kind) {
    case 'root':
      return `arn:${p.partition}:iam::${p.account}:root`;
    case 'assumed-role':
      return `arn:${p.partition}:sts::${p.account}:assumed-role/${p.name ?? ''}/${p.sessionName ?? ''}`;
    case 'federated-user':
      return `arn:${p.partition}:sts::${p.account}:federated-user/${p.name ?? ''}`;
    default:
      return `arn:${p.partition}:iam::${p.account}:${p.kind}${p.path ?? '/'}${p.name ?? ''}`;
  }
}

/** Unique-ID prefixes of IAM entities (§6.2). */
export const UNIQUE_ID_PREFIXES: Readonly<Record<string, string>> = Object.freeze({
  AIDA: 'user',
  AROA: 'role',
  AGPA: 'group',
  ANPA: 'managed-policy',
  ANVA: 'policy-version',
  AIPA: 'instance-profile',
  AKIA: 'access-key',
  ASIA: 'temporary-access-key',
  ASCA: 'certificate',
  APKA: 'public-key',
  ACCA: 'context-specific-credential',
  ABIA: 'bearer-token',
});

/**
 * The entity kind of a unique ID such as `AIDAJQABLZS4A3QDU576Q` (a known 4-letter prefix, then
 * upper-case letters and digits, at most 128 characters in total), or `undefined`.
 */
export function uniqueIdKind(text: string): string | undefined {
  if (text.length < 5 || text.length > 128) return undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return undefined;
  }
  const prefix = text.slice(0, 4);
  return Object.hasOwn(UNIQUE_ID_PREFIXES, prefix) ? UNIQUE_ID_PREFIXES[prefix] : undefined;
}

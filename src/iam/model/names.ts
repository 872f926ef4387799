/**
 * Name, path and ID rules of IAM entities (spec/iam.md §6.2, §6.3), as linear-time checks.
 *
 * @module
 */

/** True for a character of the IAM name alphabet `[A-Za-z0-9+=,.@_-]`. */
export function isNameChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 43 || // +
    c === 61 || // =
    c === 44 || // ,
    c === 46 || // .
    c === 64 || // @
    c === 95 || // _
    c === 45 // -
  );
}

/** Why a user/role/group/instance-profile/managed-policy name is invalid, or undefined when valid. */
export function nameProblem(name: unknown, max: number): string | undefined {
  if (typeof name !== 'string' || name.length === 0) return 'is empty';
  if (name.length > max) return `is longer than ${max} characters`;
  for (let i = 0; i < name.length; i++) {
    if (!isNameChar(name.charCodeAt(i))) return `contains '${name[i] as string}' (allowed: letters, digits, +=,.@_-)`;
  }
  return undefined;
}

/**
 * Why an entity path is invalid (1–512 characters, starts and ends with `/`, printable ASCII
 * `!`–`~`), or undefined. Dispute §6.3: characters outside the name alphabet are accepted.
 */
export function pathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string' || path.length === 0) return 'is empty';
  if (path.length > 512) return 'is longer than 512 characters';
  if (!path.startsWith('/') || !path.endsWith('/')) return "must begin and end with '/'";
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return 'contains a character outside printable ASCII';
  }
  return undefined;
}

/** Why an inline policy name is invalid (1–128 ASCII characters, no `\ / * ?` and no whitespace), or undefined. */
export function inlineNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.length === 0) return 'is empty';
  if (name.length > 128) return 'is longer than 128 characters';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || c === 92 || c === 47 || c === 42 || c === 63) {
      return 'contains a character that is not allowed (whitespace, \\ / * ? or non-ASCII)';
    }
  }
  return undefined;
}

/** Why a session name is invalid (2–64 characters of the name alphabet), or undefined. */
export function sessionNameProblem(name: string): string | undefined {
  if (name.length < 2 || name.length > 64) return 'must be 2–64 characters long';
  for (let i = 0; i < name.length; i++) {
    if (!isNameChar(name.charCodeAt(i))) return 'contains a character outside letters, digits and +=,.@_-';
  }
  return undefined;
}

/** Why a tag key or value is invalid (§6.1, §6.3), or undefined. */
export function tagProblem(key: string, value: string): string | undefined {
  if (key.length === 0 || key.length > 128) return `tag key '${key.slice(0, 40)}' must be 1–128 characters long`;
  if (value.length > 256) return `the value of tag '${key}' is longer than 256 characters`;
  if (key.toLowerCase().startsWith('aws:')) return `tag key '${key}' must not begin with 'aws:'`;
  if (value.toLowerCase().startsWith('aws:')) return `the value of tag '${key}' must not begin with 'aws:'`;
  return undefined;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * A deterministic unique ID for an entity given without one: `prefix` followed by 17 characters
 * derived from `seed` (FNV-1a), so the same input always yields the same model.
 */
export function syntheticId(prefix: string, seed: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < seed.length; i++) {
    const c = seed.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  let out = prefix;
  let a = h1;
  let b = h2;
  for (let i = 0; i < 17; i++) {
    const v = i < 6 ? a : b;
    out += ID_ALPHABET[v & 31];
    if (i < 6) a >>>= 5;
    else b = ((b >>> 5) | ((b & 31) << 27)) >>> 0;
  }
  return out;
}

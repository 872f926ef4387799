/**
 * Strict parsers for condition values (spec/iam.md §3.3): decimals, dates, booleans, base64 and
 * IP addresses/CIDR ranges. Every parser returns `undefined` for invalid input; none throws.
 *
 * @module
 */

// ---------------------------------------------------------------- numeric

/** A decimal number in normal form: no leading zeros in `int`, no trailing zeros in `frac`, `-0` is `0`. */
export interface Decimal {
  readonly negative: boolean;
  /** Integer digits without leading zeros (`''` for zero). */
  readonly int: string;
  /** Fraction digits without trailing zeros. */
  readonly frac: string;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Parses `^-?\d+(\.\d+)?$` (§3.3 Numeric) into an exact {@link Decimal}. */
export function parseDecimal(text: string): Decimal | undefined {
  let i = 0;
  const negative = text.charCodeAt(0) === 45;
  if (negative) i = 1;
  const intStart = i;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  if (i === intStart) return undefined;
  const intEnd = i;
  let fracStart = i;
  let fracEnd = i;
  if (i < text.length) {
    if (text.charCodeAt(i) !== 46) return undefined;
    i++;
    fracStart = i;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    if (i === fracStart || i !== text.length) return undefined;
    fracEnd = i;
  }
  let a = intStart;
  while (a < intEnd && text.charCodeAt(a) === 48) a++;
  let b = fracEnd;
  while (b > fracStart && text.charCodeAt(b - 1) === 48) b--;
  const int = text.slice(a, intEnd);
  const frac = text.slice(fracStart, b);
  return Object.freeze({ negative: negative && (int !== '' || frac !== ''), int, frac });
}

function compareMagnitude(a: Decimal, b: Decimal): -1 | 0 | 1 {
  if (a.int.length !== b.int.length) return a.int.length < b.int.length ? -1 : 1;
  if (a.int !== b.int) return a.int < b.int ? -1 : 1;
  const n = Math.max(a.frac.length, b.frac.length);
  const fa = a.frac.padEnd(n, '0');
  const fb = b.frac.padEnd(n, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

/**
 * Compares two decimal texts exactly (`10` = `10.0`, no floating-point error). Returns
 * `undefined` when either is not a valid numeric value.
 */
export function compareDecimal(a: string | Decimal, b: string | Decimal): -1 | 0 | 1 | undefined {
  const x = typeof a === 'string' ? parseDecimal(a) : a;
  const y = typeof b === 'string' ? parseDecimal(b) : b;
  if (!x || !y) return undefined;
  if (x.negative !== y.negative) return x.negative ? -1 : 1;
  const m = compareMagnitude(x, y);
  return x.negative ? (m === 0 ? 0 : m === 1 ? -1 : 1) : m;
}

// ---------------------------------------------------------------- dates

/** A parsed date value. */
export interface ParsedDate {
  /** Milliseconds since 1970-01-01T00:00:00Z (fractions beyond ms are truncated). */
  readonly ms: number;
  /** True when the value was epoch seconds. */
  readonly epoch: boolean;
  /** True for an ISO date-time written without a zone (read as UTC, linted `date-value-ambiguous`). */
  readonly noZone: boolean;
}

/** Largest |ms| a JavaScript Date can hold. */
const MAX_MS = 8.64e15;

/** Days from 1970-01-01 to the given proleptic Gregorian date (Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Reads exactly `n` digits at `i`, or -1. */
function digits(text: string, i: number, n: number): number {
  if (i + n > text.length) return -1;
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = text.charCodeAt(k);
    if (!isDigit(c)) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

function parseEpochSeconds(text: string): ParsedDate | undefined {
  const d = parseDecimal(text);
  if (!d) return undefined;
  if (d.int.length > 13) return undefined;
  const seconds = d.int === '' ? 0 : Number(d.int);
  const msPart = Number(d.frac.slice(0, 3).padEnd(3, '0'));
  const magnitude = seconds * 1000 + msPart;
  if (magnitude > MAX_MS) return undefined;
  return Object.freeze({ ms: d.negative ? -magnitude : magnitude, epoch: true, noZone: false });
}

/**
 * Parses a date value (§3.3 Date): epoch seconds when the text is `^-?\d+(\.\d+)?$`, otherwise
 * the W3C ISO 8601 profile `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDThh:mm[:ss[.s+]]TZD` where TZD is
 * `Z` or `±hh:mm` (missing TZD is read as UTC and flagged `noZone`).
 */
export function parseDate(text: string): ParsedDate | undefined {
  const first = text.charCodeAt(0);
  if (isDigit(first) || first === 45) {
    const epoch = parseEpochSeconds(text);
    if (epoch) return epoch;
  }
  const year = digits(text, 0, 4);
  if (year < 0 || text.charCodeAt(4) !== 45) return undefined;
  const month = digits(text, 5, 2);
  if (month < 1 || month > 12) return undefined;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millis = 0;
  let offsetMinutes = 0;
  let noZone = false;
  if (text.length === 7) {
    // YYYY-MM
  } else {
    if (text.charCodeAt(7) !== 45) return undefined;
    day = digits(text, 8, 2);
    if (day < 1 || day > daysInMonth(year, month)) return undefined;
    if (text.length > 10) {
      if (text.charCodeAt(10) !== 84) return undefined; // 'T'
      hour = digits(text, 11, 2);
      minute = digits(text, 14, 2);
      if (text.charCodeAt(13) !== 58 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
      let i = 16;
      if (text.charCodeAt(i) === 58) {
        second = digits(text, i + 1, 2);
        if (second < 0 || second > 59) return undefined;
        i += 3;
        if (text.charCodeAt(i) === 46) {
          const start = i + 1;
          i = start;
          while (i < text.length && isDigit(text.charCodeAt(i))) i++;
          if (i === start) return undefined;
          millis = Number(text.slice(start, Math.min(i, start + 3)).padEnd(3, '0'));
        }
      }
      if (i === text.length) noZone = true;
      else if (text.charCodeAt(i) === 90 && i + 1 === text.length) {
        // 'Z'
      } else {
        const sign = text.charCodeAt(i);
        if (sign !== 43 && sign !== 45) return undefined;
        const oh = digits(text, i + 1, 2);
        const om = digits(text, i + 4, 2);
        if (text.charCodeAt(i + 3) !== 58 || oh < 0 || oh > 23 || om < 0 || om > 59 || i + 6 !== text.length) {
          return undefined;
        }
        offsetMinutes = (sign === 43 ? 1 : -1) * (oh * 60 + om);
      }
    } else if (text.length !== 10) return undefined;
  }
  const ms =
    daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
  return Object.freeze({ ms, epoch: false, noZone });
}

// ---------------------------------------------------------------- bool

/** Parses `true`/`false`, ASCII case-insensitively (§3.3 Bool). */
export function parseBool(text: string): boolean | undefined {
  if (text.length === 4 && (text.charCodeAt(0) | 32) === 116 && text.slice(1).toLowerCase() === 'rue') return true;
  if (text.length === 5 && (text.charCodeAt(0) | 32) === 102 && text.slice(1).toLowerCase() === 'alse') return false;
  return undefined;
}

// ---------------------------------------------------------------- base64

function base64Value(c: number): number {
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 71;
  if (c >= 48 && c <= 57) return c + 4;
  if (c === 43) return 62;
  if (c === 47) return 63;
  return -1;
}

/**
 * Decodes RFC 4648 base64 (standard alphabet, padding required, no whitespace). Unused bits
 * of the last character are ignored. Returns `undefined` for invalid text.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  let pad = 0;
  if (text.endsWith('==')) pad = 2;
  else if (text.endsWith('=')) pad = 1;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const v0 = base64Value(text.charCodeAt(i));
    const v1 = base64Value(text.charCodeAt(i + 1));
    const v2 = last && pad === 2 ? 0 : base64Value(text.charCodeAt(i + 2));
    const v3 = last && pad >= 1 ? 0 : base64Value(text.charCodeAt(i + 3));
    if (v0 < 0 || v1 < 0 || v2 < 0 || v3 < 0) return undefined;
    const n = (v0 << 18) | (v1 << 12) | (v2 << 6) | v3;
    out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** True when both texts are valid base64 and decode to the same bytes. */
export function base64Equal(a: string, b: string): boolean {
  const x = decodeBase64(a);
  const y = decodeBase64(b);
  if (!x || !y || x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

// ---------------------------------------------------------------- IP

/** A parsed IP address or CIDR range. */
export interface ParsedIp {
  readonly version: 4 | 6;
  /** 4 or 16 bytes, exactly as written (host bits included). */
  readonly bytes: Uint8Array;
  /** Prefix length; 32/128 for a bare address. */
  readonly prefix: number;
  /** True when the text had a `/prefix`. */
  readonly explicitPrefix: boolean;
  /** True when bits beyond the prefix are set (`203.0.113.5/24`, linted `ip-cidr-host-bits`). */
  readonly hostBitsSet: boolean;
}

function parseV4(text: string, out: Uint8Array, at: number): boolean {
  let part = 0;
  let i = 0;
  while (part < 4) {
    const start = i;
    let v = 0;
    while (i < text.length && isDigit(text.charCodeAt(i)) && i - start < 4) {
      v = v * 10 + (text.charCodeAt(i) - 48);
      i++;
    }
    const len = i - start;
    if (len === 0 || len > 3 || v > 255 || (len > 1 && text.charCodeAt(start) === 48)) return false;
    out[at + part] = v;
    part++;
    if (part < 4) {
      if (text.charCodeAt(i) !== 46) return false;
      i++;
    }
  }
  return i === text.length;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 32;
  if (l >= 97 && l <= 102) return l - 87;
  return -1;
}

/** Parses up to `max` colon-separated hex groups (an embedded IPv4 tail counts as two). */
function parseV6Groups(text: string, max: number): number[] | undefined {
  if (text === '') return [];
  const groups: number[] = [];
  const pieces = text.split(':');
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p] as string;
    if (p === pieces.length - 1 && piece.includes('.')) {
      const v4 = new Uint8Array(4);
      if (!parseV4(piece, v4, 0)) return undefined;
      groups.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number));
      continue;
    }
    if (piece.length === 0 || piece.length > 4) return undefined;
    let v = 0;
    for (let i = 0; i < piece.length; i++) {
      const h = hexValue(piece.charCodeAt(i));
      if (h < 0) return undefined;
      v = v * 16 + h;
    }
    groups.push(v);
  }
  return groups.length > max ? undefined : groups;
}

function parseV6(text: string, out: Uint8Array): boolean {
  if (text.length > 45) return false;
  const dbl = text.indexOf('::');
  let groups: number[];
  if (dbl >= 0) {
    if (text.indexOf('::', dbl + 1) >= 0) return false;
    const head = parseV6Groups(text.slice(0, dbl), 7);
    const tail = parseV6Groups(text.slice(dbl + 2), 7);
    if (!head || !tail || head.length + tail.length > 7) return false;
    groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    const all = parseV6Groups(text, 8);
    if (all?.length !== 8) return false;
    groups = all;
  }
  for (let g = 0; g < 8; g++) {
    const v = groups[g] as number;
    out[g * 2] = v >> 8;
    out[g * 2 + 1] = v & 255;
  }
  return true;
}

/**
 * Parses an IPv4 dotted quad or IPv6 text, optionally with `/prefix` (§3.3 IP). A bare IPv4
 * address is `/32`, a bare IPv6 address `/128`. IPv4 octets with leading zeros, zone ids and
 * whitespace are rejected.
 */
export function parseIp(text: string): ParsedIp | undefined {
  if (text.length === 0 || text.length > 64) return undefined;
  const slash = text.indexOf('/');
  const addr = slash < 0 ? text : text.slice(0, slash);
  const version: 4 | 6 = addr.includes(':') ? 6 : 4;
  const bytes = new Uint8Array(version === 4 ? 4 : 16);
  if (version === 4 ? !parseV4(addr, bytes, 0) : !parseV6(addr, bytes)) return undefined;
  const max = version === 4 ? 32 : 128;
  let prefix = max;
  if (slash >= 0) {
    const p = text.slice(slash + 1);
    if (p.length === 0 || p.length > 3 || (p.length > 1 && p.charCodeAt(0) === 48)) return undefined;
    for (let i = 0; i < p.length; i++) if (!isDigit(p.charCodeAt(i))) return undefined;
    prefix = Number(p);
    if (prefix > max) return undefined;
  }
  return Object.freeze({ version, bytes, prefix, explicitPrefix: slash >= 0, hostBitsSet: hasHostBits(bytes, prefix) });
}

function hasHostBits(bytes: Uint8Array, prefix: number): boolean {
  for (let bit = prefix; bit < bytes.length * 8; bit++) {
    if (((bytes[bit >> 3] as number) >> (7 - (bit & 7))) & 1) return true;
  }
  return false;
}

/**
 * True when `ip` lies in `cidr` (host bits of the range are masked off). Versions must agree: an
 * IPv4 address never matches an IPv6 range and vice versa. When `ip` has a prefix itself it must
 * be a sub-range of `cidr`. Invalid input gives `false`.
 */
export function ipInCidr(ip: string | ParsedIp, cidr: string | ParsedIp): boolean {
  const a = typeof ip === 'string' ? parseIp(ip) : ip;
  const r = typeof cidr === 'string' ? parseIp(cidr) : cidr;
  if (!a || !r || a.version !== r.version || a.prefix < r.prefix) return false;
  const full = r.prefix >> 3;
  for (let i = 0; i < full; i++) if (a.bytes[i] !== r.bytes[i]) return false;
  const rem = r.prefix & 7;
  if (rem === 0) return true;
  const mask = (0xff << (8 - rem)) & 0xff;
  return (((a.bytes[full] as number) ^ (r.bytes[full] as number)) & mask) === 0;
}

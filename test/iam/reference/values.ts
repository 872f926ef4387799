/**
 * Reference parsers for typed condition values (spec/iam.md §3.3). Fixed regular expressions only.
 *
 * @module
 */
import { Buffer } from 'node:buffer';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** An exact decimal: value = mantissa / 10^scale. */
interface Decimal {
  readonly mantissa: bigint;
  readonly scale: number;
}

function parseDecimal(text: string): Decimal | null {
  if (!DECIMAL.test(text)) return null;
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [whole, fraction = ''] = body.split('.');
  const mantissa = BigInt(whole! + fraction);
  return { mantissa: negative ? -mantissa : mantissa, scale: fraction.length };
}

/** Compares two decimal strings exactly; `null` when either is not a decimal. */
export function compareNumeric(a: string, b: string): number | null {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  if (x === null || y === null) return null;
  const scale = Math.max(x.scale, y.scale);
  const xs = x.mantissa * 10n ** BigInt(scale - x.scale);
  const ys = y.mantissa * 10n ** BigInt(scale - y.scale);
  return xs < ys ? -1 : xs > ys ? 1 : 0;
}

const ISO = /^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A date value as epoch milliseconds (§3.3 Date), or `null` when unparsable. */
export function parseDate(text: string): bigint | null {
  const epoch = parseDecimal(text);
  if (epoch !== null) {
    // Epoch seconds; keep millisecond precision (truncate further digits toward zero).
    const scaled =
      epoch.scale <= 3
        ? epoch.mantissa * 10n ** BigInt(3 - epoch.scale)
        : epoch.mantissa / 10n ** BigInt(epoch.scale - 3);
    return scaled;
  }
  const m = ISO.exec(text);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z') {
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(4, 6));
    if (zh > 23 || zm > 59) return null;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (zh * 60 + zm);
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC maps years 0–99 to 1900–1999; correct for it.
  const fixed = year < 100 ? new Date(utc).setUTCFullYear(year) : utc;
  return BigInt(fixed) - BigInt(offsetMinutes) * 60_000n;
}

/** `true`/`false`, ASCII case-insensitive (§3.3 Bool), or `null`. */
export function parseBool(text: string): boolean | null {
  const folded = text.toLowerCase();
  if (text.length === 4 && folded === 'true') return true;
  if (text.length === 5 && folded === 'false') return false;
  return null;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** RFC 4648 base64 with padding, decoded to hex for comparison, or `null`. */
export function parseBase64(text: string): string | null {
  if (!BASE64.test(text)) return null;
  return Buffer.from(text, 'base64').toString('hex');
}

/** An IP address or network: address bits, prefix length and family width. */
export interface IpRange {
  readonly bits: number;
  readonly address: bigint;
  readonly prefix: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

function parseIpv4(text: string): bigint | null {
  const m = IPV4.exec(text);
  if (m === null) return null;
  let value = 0n;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return null;
    value = value * 256n + BigInt(octet);
  }
  return value;
}

function parseGroups(text: string): bigint[] | null {
  if (text === '') return [];
  const groups = text.split(':');
  const out: bigint[] = [];
  for (const g of groups) {
    if (!HEX_GROUP.test(g)) return null;
    out.push(BigInt(`0x${g}`));
  }
  return out;
}

function parseIpv6(text: string): bigint | null {
  const halves = text.split('::');
  let groups: bigint[];
  if (halves.length === 1) {
    const all = parseGroups(text);
    if (all === null || all.length !== 8) return null;
    groups = all;
  } else if (halves.length === 2) {
    const head = parseGroups(halves[0]!);
    const tail = parseGroups(halves[1]!);
    if (head === null || tail === null || head.length + tail.length > 7) return null;
    groups = [...head, ...new Array<bigint>(8 - head.length - tail.length).fill(0n), ...tail];
  } else {
    return null;
  }
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

/** Parses `address[/prefix]` (§3.3 IP). Bare IPv4 is /32 and bare IPv6 /128; host bits are masked off. */
export function parseIp(text: string, allowPrefix: boolean): IpRange | null {
  const slash = text.indexOf('/');
  const addressText = slash >= 0 ? text.slice(0, slash) : text;
  const prefixText = slash >= 0 ? text.slice(slash + 1) : undefined;
  if (prefixText !== undefined && !allowPrefix) return null;
  let bits: number;
  let address = parseIpv4(addressText);
  if (address !== null) {
    bits = 32;
  } else {
    address = parseIpv6(addressText);
    if (address === null) return null;
    bits = 128;
  }
  let prefix = bits;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText)) return null;
    prefix = Number(prefixText);
    if (prefix > bits) return null;
  }
  const hostBits = BigInt(bits - prefix);
  return { bits, address: (address >> hostBits) << hostBits, prefix };
}

/** True when the request address lies in the policy range (same family only). */
export function ipInRange(request: IpRange, range: IpRange): boolean {
  if (request.bits !== range.bits) return false;
  const hostBits = BigInt(range.bits - range.prefix);
  return request.address >> hostBits === range.address >> hostBits;
}

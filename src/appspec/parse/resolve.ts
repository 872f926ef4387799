/**
 * Scalar resolution: the EC2 agent's YAML 1.1 rules (Ruby Psych, spec/appspec.md §2.2) and the
 * YAML 1.2 core schema used for ECS and Lambda. Every regular expression here is fixed and
 * linear-time; none is built from input.
 *
 * @module
 */
import type { ScalarDialect, ScalarKind, ScalarStyle, ScalarValue } from './types.js';

/** A resolved plain scalar: kind and value, before the text form is derived. */
export interface PlainResolution {
  readonly kind: ScalarKind;
  readonly value: string | number | boolean | null;
}

const CORE_TAG = 'tag:yaml.org,2002:';

// Psych's quick "this is a string" test, `^[^\d.:-]?[[:alpha:]_\s!@#$%^&*(){}<>|/\\~;=]+`, needs only
// the first one or two characters.
const STRINGISH = /[\p{Alphabetic}_\s!@#$%^&*(){}<>|/\\~;=]/u;
const NOT_LEAD = /[\d.:-]/;
const TIME =
  /^-?(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d\d):(\d\d)(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/;
const DATE = /^(\d{4})-(1[012]|0\d|\d)-([12]\d|3[01]|0\d|\d)$/;
const BASE60_INT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}\.[0-9_]*$/;
const FLOAT = /^[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?$/;
const INT_BIN = /^[-+]?0b[01_,]+$/;
const INT_OCT = /^[-+]?0[0-7_,]+$/;
const INT_DEC = /^[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)$/;
const INT_HEX = /^[-+]?0x[0-9a-fA-F_,]+$/;

/** STRINGISH and NOT_LEAD for ASCII code units, so that the common case needs no regular expression. */
const ASCII_STRINGISH: Uint8Array = asciiTable((c) => STRINGISH.test(String.fromCharCode(c)));
const ASCII_NOT_LEAD: Uint8Array = asciiTable((c) => NOT_LEAD.test(String.fromCharCode(c)));

function asciiTable(test: (c: number) => boolean): Uint8Array {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) table[c] = test(c) ? 1 : 0;
  return table;
}

function stringishAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c < 128 ? ASCII_STRINGISH[c] === 1 : STRINGISH.test(s.charAt(i));
}

function looksLikeString(s: string): boolean {
  if (stringishAt(s, 0)) return true;
  if (s.length < 2) return false;
  const c0 = s.charCodeAt(0);
  const notLead = c0 < 128 ? ASCII_NOT_LEAD[c0] === 1 : NOT_LEAD.test(s.charAt(0));
  return !notLead && stringishAt(s, 1);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Ruby's `String#to_i` on an already validated digit string with optional sign and `_`. */
function rubyToI(s: string): number {
  const n = Number.parseInt(s.replace(/_/g, ''), 10);
  return Number.isNaN(n) ? 0 : n;
}

/** Ruby `Integer(text)` for the spellings accepted by Psych's integer patterns (separators removed). */
function parseRubyInteger(s: string): number | null {
  const clean = s.replace(/[,_]/g, '');
  let sign = 1;
  let body = clean;
  if (body.startsWith('-') || body.startsWith('+')) {
    if (body.startsWith('-')) sign = -1;
    body = body.slice(1);
  }
  let n: number;
  if (body.startsWith('0b')) n = body.length > 2 ? Number.parseInt(body.slice(2), 2) : Number.NaN;
  else if (body.startsWith('0x')) n = body.length > 2 ? Number.parseInt(body.slice(2), 16) : Number.NaN;
  else if (body.length > 1 && body.startsWith('0')) n = Number.parseInt(body.slice(1), 8);
  else n = Number.parseInt(body, 10);
  return Number.isNaN(n) ? null : sign * n;
}

/**
 * The common numeric spellings without regular expressions: digits (`300`, `0644`, `09`) and
 * digits.digits (`0.0`), resolved exactly as the full rules below do; null for anything else.
 */
function resolveAgentDigits(s: string): PlainResolution | null {
  let dot = -1;
  let octal = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */ && dot < 0 && i > 0 && i < s.length - 1) dot = i;
    else if (c < 48 || c > 57) return null;
    else if (c > 55) octal = false;
  }
  // digits.digits: only FLOAT matches, and it keeps the text as is.
  if (dot >= 0) return { kind: 'float', value: Number(s) };
  // Digits: INT_DEC, or INT_OCT with a leading 0 (a leading 0 with an 8 or 9 matches nothing).
  if (s.length > 1 && s.charCodeAt(0) === 48 && !octal) return { kind: 'string', value: s };
  const n = parseRubyInteger(s);
  return n === null ? { kind: 'string', value: s } : { kind: 'int', value: n };
}

/**
 * Resolves a plain scalar's content the way the EC2 agent does (Ruby Psych's scalar scanner,
 * spec/appspec.md §2.2): `0644` → 420, `1:30` → 5400, `1,000` → 1000, `.` and `y` stay strings.
 */
export function resolveAgentPlain(s: string): PlainResolution {
  if (s === '') return { kind: 'null', value: null };
  const quick = resolveAgentDigits(s);
  if (quick) return quick;
  if (looksLikeString(s) || s.includes('\n')) {
    if (s.length > 5) return { kind: 'string', value: s };
    const lower = s.toLowerCase();
    const c = lower.charAt(0);
    if (c !== 'y' && c !== 't' && c !== 'o' && c !== 'n' && c !== 'f' && c !== '~') return { kind: 'string', value: s };
    if (s === '~' || lower === 'null') return { kind: 'null', value: null };
    if (lower === 'yes' || lower === 'true' || lower === 'on') return { kind: 'bool', value: true };
    if (lower === 'no' || lower === 'false' || lower === 'off') return { kind: 'bool', value: false };
    return { kind: 'string', value: s };
  }
  const time = TIME.exec(s);
  if (time) {
    const [, y, mo, d, h, mi, se] = time.map(Number) as number[];
    const ok = validDate(y as number, mo as number, d as number) && (h as number) < 25 && (mi as number) < 60;
    return ok && (se as number) <= 60 ? { kind: 'timestamp', value: s } : { kind: 'string', value: s };
  }
  const date = DATE.exec(s);
  if (date) {
    return validDate(Number(date[1]), Number(date[2]), Number(date[3]))
      ? { kind: 'date', value: s }
      : { kind: 'string', value: s };
  }
  const lower = s.toLowerCase();
  if (lower === '.inf' || lower === '+.inf') return { kind: 'float', value: Number.POSITIVE_INFINITY };
  if (lower === '-.inf') return { kind: 'float', value: Number.NEGATIVE_INFINITY };
  if (lower === '.nan') return { kind: 'float', value: Number.NaN };
  if (s.length > 1 && s.charCodeAt(0) === 58 /* : */) {
    const q = s.charAt(1);
    if ((q === '"' || q === "'") && s.length > 2) {
      const close = s.indexOf(q, 2);
      if (close > 0) return { kind: 'symbol', value: s.slice(2, close) };
    }
    return { kind: 'symbol', value: s.slice(1) };
  }
  if (BASE60_INT.test(s) || BASE60_FLOAT.test(s)) {
    const isFloat = !BASE60_INT.test(s);
    const parts = s.split(':');
    let total = 0;
    parts.forEach((p, e) => {
      const weight = 60 ** Math.abs(e - 2); // Psych's own weighting: `1:30` is 1*3600 + 30*60
      const n = isFloat ? Number.parseFloat(p.replace(/_/g, '')) : rubyToI(p);
      total += (Number.isNaN(n) ? 0 : n) * weight;
    });
    return { kind: isFloat ? 'float' : 'int', value: total };
  }
  if (FLOAT.test(s)) {
    if (s === '.' || s === '-.' || s === '+.') return { kind: 'string', value: s };
    const clean = s.replace(/[,_]/g, '').replace(/\.(?=[eE]|$)/, '');
    const n = Number(clean);
    return Number.isNaN(n) ? { kind: 'string', value: s } : { kind: 'float', value: n };
  }
  if (INT_BIN.test(s) || INT_OCT.test(s) || INT_DEC.test(s) || INT_HEX.test(s)) {
    const n = parseRubyInteger(s);
    return n === null ? { kind: 'string', value: s } : { kind: 'int', value: n };
  }
  return { kind: 'string', value: s };
}

const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_OCT = /^0o[0-7]+$/;
const CORE_HEX = /^0x[0-9a-fA-F]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** Resolves a plain scalar's content with the YAML 1.2 core schema (ECS and Lambda, JSON). */
export function resolveCorePlain(s: string): PlainResolution {
  switch (s) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return { kind: 'null', value: null };
    case 'true':
    case 'True':
    case 'TRUE':
      return { kind: 'bool', value: true };
    case 'false':
    case 'False':
    case 'FALSE':
      return { kind: 'bool', value: false };
    case '.inf':
    case '.Inf':
    case '.INF':
    case '+.inf':
    case '+.Inf':
    case '+.INF':
      return { kind: 'float', value: Number.POSITIVE_INFINITY };
    case '-.inf':
    case '-.Inf':
    case '-.INF':
      return { kind: 'float', value: Number.NEGATIVE_INFINITY };
    case '.nan':
    case '.NaN':
    case '.NAN':
      return { kind: 'float', value: Number.NaN };
  }
  if (CORE_INT.test(s)) return { kind: 'int', value: Number.parseInt(s, 10) };
  if (CORE_OCT.test(s)) return { kind: 'int', value: Number.parseInt(s.slice(2), 8) };
  if (CORE_HEX.test(s)) return { kind: 'int', value: Number.parseInt(s.slice(2), 16) };
  if (CORE_FLOAT.test(s)) return { kind: 'float', value: Number(s) };
  return { kind: 'string', value: s };
}

/** Ruby's `Float#to_s`: `1.0`, `1.1`, `1.0e+16`, `1.0e-05`, `Infinity`, `NaN`. */
export function rubyFloatText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Number.POSITIVE_INFINITY) return 'Infinity';
  if (n === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(n);
  if (abs >= 1e16 || abs < 1e-4) {
    const [mant, exp] = n.toExponential().split('e') as [string, string];
    const m = mant.includes('.') ? mant : `${mant}.0`;
    const sign = exp.startsWith('-') ? '-' : '+';
    const digits = exp.replace(/^[-+]/, '');
    return `${m}e${sign}${digits.length < 2 ? `0${digits}` : digits}`;
  }
  const s = String(n);
  return s.includes('.') ? s : `${s}.0`;
}

/** The text the agent uses for a resolved value (Ruby `to_s`). */
export function agentText(r: PlainResolution): string {
  switch (r.kind) {
    case 'null':
      return '';
    case 'bool':
      return r.value ? 'true' : 'false';
    case 'int':
      return Number.isSafeInteger(r.value) ? String(r.value) : BigInt(Math.trunc(r.value as number)).toString();
    case 'float':
      return rubyFloatText(r.value as number);
    case 'date': {
      const [y, m, d] = String(r.value).split('-');
      return `${y}-${(m as string).padStart(2, '0')}-${(d as string).padStart(2, '0')}`;
    }
    default:
      return String(r.value);
  }
}

function styleOf(type: string | undefined): ScalarStyle {
  switch (type) {
    case 'QUOTE_SINGLE':
      return 'single-quoted';
    case 'QUOTE_DOUBLE':
      return 'double-quoted';
    case 'BLOCK_LITERAL':
      return 'literal';
    case 'BLOCK_FOLDED':
      return 'folded';
    default:
      return 'plain';
  }
}

function resolveTagged(tag: string, raw: string, resolvePlain: (s: string) => PlainResolution): PlainResolution | null {
  if (!tag.startsWith(CORE_TAG)) return null;
  const name = tag.slice(CORE_TAG.length);
  if (name === 'str') return { kind: 'string', value: raw };
  if (name === 'null') return { kind: 'null', value: null };
  const r = resolvePlain(raw.trim());
  if (name === 'int') return r.kind === 'int' ? r : { kind: 'string', value: raw };
  if (name === 'float') {
    if (r.kind === 'float') return r;
    return r.kind === 'int' ? { kind: 'float', value: r.value } : { kind: 'string', value: raw };
  }
  if (name === 'bool') return r.kind === 'bool' ? r : { kind: 'string', value: raw };
  return null;
}

/**
 * Resolves one scalar: quoted and block scalars are strings, an explicit core tag wins, and
 * plain scalars follow the dialect (`agent`: §2.2; `core`: YAML 1.2 core).
 *
 * @param raw the scalar's content (folded, unescaped) as the YAML parser produced it
 * @param source the scalar exactly as written, quotes included
 * @param type the `yaml` package's scalar type (`PLAIN`, `QUOTE_DOUBLE`, …)
 */
export function resolveScalar(
  raw: string,
  source: string,
  type: string | undefined,
  tag: string | null,
  dialect: ScalarDialect,
): ScalarValue {
  const style = styleOf(type);
  const resolvePlain = dialect === 'agent' ? resolveAgentPlain : resolveCorePlain;
  let r: PlainResolution | null = tag ? resolveTagged(tag, raw, resolvePlain) : null;
  if (!r) r = style === 'plain' ? resolvePlain(raw) : { kind: 'string', value: raw };
  const text =
    r.kind === 'string'
      ? (r.value as string)
      : dialect === 'core' && (r.kind === 'int' || r.kind === 'float') && Number.isFinite(r.value as number)
        ? raw.trim()
        : agentText(r);
  // Not frozen: the tree's cache hands out these internal values typed read-only (freezing costs per scalar).
  return { kind: r.kind, value: r.value, text, source, raw, style, tag };
}

/**
 * Condition operators of the IAM policy language (spec/iam.md §3.2) and the parser that splits a
 * written operator into `[ForAllValues:|ForAnyValue:]Base[IfExists]` (§1.4 N6, §1.5).
 *
 * @module
 */
import type { SetOperator } from './types.js';

/** The value family an operator compares in (spec/iam.md §3.3). */
export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

/** How an operator compares a request value with one policy value (before negation). */
export type OperatorComparison =
  | 'equals'
  | 'like'
  | 'lessThan'
  | 'lessThanEquals'
  | 'greaterThan'
  | 'greaterThanEquals'
  | 'inRange'
  | 'presence';

/** One base condition operator of spec/iam.md §3.2. */
export interface OperatorInfo {
  /** Canonical spelling, for example `StringNotEqualsIgnoreCase`. */
  readonly name: string;
  readonly family: OperatorFamily;
  /** The positive comparison; a negated operator passes iff no policy value compares true. */
  readonly comparison: OperatorComparison;
  /** True for `…Not…` operators: the entry passes only if the request value differs from all policy values. */
  readonly negated: boolean;
  /** True for the `…IgnoreCase` string operators. */
  readonly ignoreCase: boolean;
  /** True when `*` and `?` in policy values are wildcards (`StringLike`, `Arn*`). */
  readonly wildcards: boolean;
  /** True when policy variables are substituted in values (§2.4 V3). */
  readonly variablesAllowed: boolean;
}

function op(
  name: string,
  family: OperatorFamily,
  comparison: OperatorComparison,
  negated: boolean,
  extra: { ignoreCase?: boolean; wildcards?: boolean; variablesAllowed?: boolean } = {},
): OperatorInfo {
  return Object.freeze({
    name,
    family,
    comparison,
    negated,
    ignoreCase: extra.ignoreCase ?? false,
    wildcards: extra.wildcards ?? false,
    variablesAllowed: extra.variablesAllowed ?? false,
  });
}

const V = { variablesAllowed: true } as const;

/** Every base operator of spec/iam.md §3.2, in the table's order. */
export const CONDITION_OPERATORS: readonly OperatorInfo[] = Object.freeze([
  op('StringEquals', 'String', 'equals', false, V),
  op('StringNotEquals', 'String', 'equals', true, V),
  op('StringEqualsIgnoreCase', 'String', 'equals', false, { ignoreCase: true, variablesAllowed: true }),
  op('StringNotEqualsIgnoreCase', 'String', 'equals', true, { ignoreCase: true, variablesAllowed: true }),
  op('StringLike', 'String', 'like', false, { wildcards: true, variablesAllowed: true }),
  op('StringNotLike', 'String', 'like', true, { wildcards: true, variablesAllowed: true }),
  op('NumericEquals', 'Numeric', 'equals', false),
  op('NumericNotEquals', 'Numeric', 'equals', true),
  op('NumericLessThan', 'Numeric', 'lessThan', false),
  op('NumericLessThanEquals', 'Numeric', 'lessThanEquals', false),
  op('NumericGreaterThan', 'Numeric', 'greaterThan', false),
  op('NumericGreaterThanEquals', 'Numeric', 'greaterThanEquals', false),
  op('DateEquals', 'Date', 'equals', false),
  op('DateNotEquals', 'Date', 'equals', true),
  op('DateLessThan', 'Date', 'lessThan', false),
  op('DateLessThanEquals', 'Date', 'lessThanEquals', false),
  op('DateGreaterThan', 'Date', 'greaterThan', false),
  op('DateGreaterThanEquals', 'Date', 'greaterThanEquals', false),
  op('Bool', 'Bool', 'equals', false, V),
  op('BinaryEquals', 'Binary', 'equals', false),
  op('IpAddress', 'IpAddress', 'inRange', false),
  op('NotIpAddress', 'IpAddress', 'inRange', true),
  op('ArnEquals', 'Arn', 'like', false, { wildcards: true, variablesAllowed: true }),
  op('ArnLike', 'Arn', 'like', false, { wildcards: true, variablesAllowed: true }),
  op('ArnNotEquals', 'Arn', 'like', true, { wildcards: true, variablesAllowed: true }),
  op('ArnNotLike', 'Arn', 'like', true, { wildcards: true, variablesAllowed: true }),
  op('Null', 'Null', 'presence', false),
]);

/** Canonical operator names, for did-you-mean suggestions. */
export const CONDITION_OPERATOR_NAMES: readonly string[] = Object.freeze(CONDITION_OPERATORS.map((o) => o.name));

const BY_LOWER: ReadonlyMap<string, OperatorInfo> = new Map(CONDITION_OPERATORS.map((o) => [o.name.toLowerCase(), o]));

/** The operator named `name` (ASCII case-insensitive), without set prefix or `IfExists`. */
export function operatorInfo(name: string): OperatorInfo | undefined {
  return BY_LOWER.get(asciiLower(name));
}

/** A written condition operator split into its parts. */
export interface ParsedOperator {
  /** The operator exactly as written. */
  readonly text: string;
  readonly setOperator?: SetOperator;
  /** Canonical base name when known, otherwise the written base (prefix and `IfExists` removed). */
  readonly base: string;
  readonly ifExists: boolean;
  /** True when the base names an operator of §3.2. */
  readonly known: boolean;
  /** True when prefix, base and suffix are all spelled exactly as canonical (only meaningful when known). */
  readonly canonicalSpelling: boolean;
  /** The canonical spelling of the whole operator, when known. */
  readonly canonical?: string;
  readonly family?: OperatorFamily;
  readonly negated: boolean;
  /** The base operator's table entry, when known. */
  readonly info?: OperatorInfo;
  /**
   * Why the operator is rejected: `unknown` (no such base, or a malformed prefix), or
   * `null-with-ifexists` (`NullIfExists`, or a set prefix on `Null`, §3.7).
   */
  readonly error?: 'null-with-ifexists' | 'unknown';
}

const IF_EXISTS = 'IfExists';

/**
 * Splits a written operator into `[setOperator:]base[IfExists]`, matching every part ASCII
 * case-insensitively (§1.5) and recording whether the spelling is canonical. Never throws.
 */
export function parseOperator(text: string): ParsedOperator {
  let rest = text;
  let setOperator: SetOperator | undefined;
  let canonicalSpelling = true;
  let malformed = false;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon);
    const lower = asciiLower(prefix);
    if (lower === 'forallvalues') setOperator = 'ForAllValues';
    else if (lower === 'foranyvalue') setOperator = 'ForAnyValue';
    else malformed = true;
    if (setOperator && prefix !== setOperator) canonicalSpelling = false;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.length > IF_EXISTS.length && asciiLower(rest.slice(-IF_EXISTS.length)) === 'ifexists') {
    ifExists = true;
    if (rest.slice(-IF_EXISTS.length) !== IF_EXISTS) canonicalSpelling = false;
    rest = rest.slice(0, -IF_EXISTS.length);
  }
  const info = malformed ? undefined : operatorInfo(rest);
  const base = info ? info.name : rest;
  const common = {
    text,
    ...(setOperator ? { setOperator } : {}),
    ifExists,
    negated: info ? info.negated : false,
  };
  if (!info) {
    return Object.freeze({ ...common, base, known: false, canonicalSpelling: false, error: 'unknown' as const });
  }
  if (rest !== info.name) canonicalSpelling = false;
  const canonical = (setOperator ? `${setOperator}:` : '') + info.name + (ifExists ? IF_EXISTS : '');
  return Object.freeze({
    ...common,
    base,
    known: true,
    canonicalSpelling,
    canonical,
    family: info.family,
    info,
    ...(info.family === 'Null' && (ifExists || setOperator) ? { error: 'null-with-ifexists' as const } : {}),
  });
}

/** Lower-cases ASCII letters only (operator names are ASCII; no locale rules apply). */
export function asciiLower(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : text[i];
  }
  return out;
}

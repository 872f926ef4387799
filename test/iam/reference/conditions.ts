/**
 * Reference condition evaluation (spec/iam.md §3), one plain function per rule.
 *
 * @module
 */
import { literalChars, matchTokens, type PatternChar, splitSix, tokensOf } from './glob.js';
import { compareNumeric, ipInRange, parseBase64, parseBool, parseDate, parseIp } from './values.js';
import { type ReferenceContext, resolveTemplate } from './variables.js';

/** The operators of §3.2 (canonical spelling) with their family and negation. */
const OPERATORS: Readonly<Record<string, { family: Family; negated: boolean; test?: (c: number) => boolean }>> = {
  StringEquals: { family: 'string', negated: false },
  StringNotEquals: { family: 'string', negated: true },
  StringEqualsIgnoreCase: { family: 'stringIgnoreCase', negated: false },
  StringNotEqualsIgnoreCase: { family: 'stringIgnoreCase', negated: true },
  StringLike: { family: 'stringLike', negated: false },
  StringNotLike: { family: 'stringLike', negated: true },
  NumericEquals: { family: 'numeric', negated: false, test: (c) => c === 0 },
  NumericNotEquals: { family: 'numeric', negated: true, test: (c) => c === 0 },
  NumericLessThan: { family: 'numeric', negated: false, test: (c) => c < 0 },
  NumericLessThanEquals: { family: 'numeric', negated: false, test: (c) => c <= 0 },
  NumericGreaterThan: { family: 'numeric', negated: false, test: (c) => c > 0 },
  NumericGreaterThanEquals: { family: 'numeric', negated: false, test: (c) => c >= 0 },
  DateEquals: { family: 'date', negated: false, test: (c) => c === 0 },
  DateNotEquals: { family: 'date', negated: true, test: (c) => c === 0 },
  DateLessThan: { family: 'date', negated: false, test: (c) => c < 0 },
  DateLessThanEquals: { family: 'date', negated: false, test: (c) => c <= 0 },
  DateGreaterThan: { family: 'date', negated: false, test: (c) => c > 0 },
  DateGreaterThanEquals: { family: 'date', negated: false, test: (c) => c >= 0 },
  Bool: { family: 'bool', negated: false },
  BinaryEquals: { family: 'binary', negated: false },
  IpAddress: { family: 'ip', negated: false },
  NotIpAddress: { family: 'ip', negated: true },
  ArnEquals: { family: 'arn', negated: false },
  ArnLike: { family: 'arn', negated: false },
  ArnNotEquals: { family: 'arn', negated: true },
  ArnNotLike: { family: 'arn', negated: true },
};

type Family = 'string' | 'stringIgnoreCase' | 'stringLike' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn';

/** Families whose values may hold policy variables (§2.4 V3). */
const VARIABLE_FAMILIES: ReadonlySet<Family> = new Set(['string', 'stringIgnoreCase', 'stringLike', 'bool', 'arn']);

/** A condition operator as written, split into its parts (§1.4 N6, §1.5: case-insensitive). */
export interface ParsedOperator {
  readonly set: 'ForAllValues' | 'ForAnyValue' | undefined;
  readonly base: string;
  readonly ifExists: boolean;
}

/** Splits `[set:]base[IfExists]`; `null` for an unknown operator (a parse error, never generated). */
export function parseOperator(written: string): ParsedOperator | null {
  let rest = written;
  let set: ParsedOperator['set'];
  const lower = rest.toLowerCase();
  if (lower.startsWith('forallvalues:')) {
    set = 'ForAllValues';
    rest = rest.slice('forallvalues:'.length);
  } else if (lower.startsWith('foranyvalue:')) {
    set = 'ForAnyValue';
    rest = rest.slice('foranyvalue:'.length);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith('ifexists')) {
    ifExists = true;
    rest = rest.slice(0, rest.length - 'ifexists'.length);
  }
  if (rest.toLowerCase() === 'null') {
    return ifExists || set !== undefined ? null : { set, base: 'Null', ifExists };
  }
  const base = Object.keys(OPERATORS).find((name) => name.toLowerCase() === rest.toLowerCase());
  return base === undefined ? null : { set, base, ifExists };
}

/** True when a request value is "empty" (§3.4): `[]` or `[""]`. */
function isEmpty(value: string | readonly string[]): boolean {
  return Array.isArray(value) && (value.length === 0 || (value.length === 1 && value[0] === ''));
}

/** Resolves one policy value for a family: characters (with wildcard flags) or `null` = no value. */
function resolvePolicyValue(
  family: Family,
  value: string,
  variablesEnabled: boolean,
  context: ReferenceContext,
): PatternChar[] | null {
  if (!VARIABLE_FAMILIES.has(family)) return literalChars(value);
  return resolveTemplate(value, variablesEnabled, context);
}

function text(chars: readonly PatternChar[]): string {
  return chars.map((c) => c.char).join('');
}

/** ArnLike / ArnEquals (§3.3 Arn): six components, 1–5 globbed separately, 6 globbed freely. */
function arnMatches(pattern: readonly PatternChar[], request: string): boolean {
  const patternParts = splitSix(pattern, (c) => c.char === ':');
  const requestParts = splitSix([...request], (c) => c === ':');
  if (patternParts.length < 6 || requestParts.length < 6) return false;
  for (let i = 0; i < 6; i++) {
    if (!matchTokens(tokensOf(patternParts[i]!), requestParts[i]!.join(''))) return false;
  }
  return true;
}

/** cmp(r, p) of §3.5 for one request value and one resolved policy value; false on any type error. */
function compare(family: Family, base: string, request: string, policy: readonly PatternChar[]): boolean {
  const policyText = text(policy);
  switch (family) {
    case 'string':
      return request === policyText;
    case 'stringIgnoreCase':
      return request.toLowerCase() === policyText.toLowerCase();
    case 'stringLike':
      return matchTokens(tokensOf(policy), request);
    case 'numeric': {
      const c = compareNumeric(request, policyText);
      return c !== null && OPERATORS[base]!.test!(c);
    }
    case 'date': {
      const r = parseDate(request);
      const p = parseDate(policyText);
      if (r === null || p === null) return false;
      return OPERATORS[base]!.test!(r < p ? -1 : r > p ? 1 : 0);
    }
    case 'bool': {
      const r = parseBool(request);
      const p = parseBool(policyText);
      return r !== null && p !== null && r === p;
    }
    case 'binary': {
      const r = parseBase64(request);
      const p = parseBase64(policyText);
      return r !== null && p !== null && r === p;
    }
    case 'ip': {
      const r = parseIp(request, false);
      const p = parseIp(policyText, true);
      return r !== null && p !== null && ipInRange(r, p);
    }
    case 'arn':
      return arnMatches(policy, request);
  }
}

/** single(op, v, P) of §3.8: positive = some policy value matches; negated = none does. */
function single(
  base: string,
  request: string,
  policyValues: readonly string[],
  variablesEnabled: boolean,
  context: ReferenceContext,
): boolean {
  const op = OPERATORS[base]!;
  const anyMatch = policyValues.some((value) => {
    const resolved = resolvePolicyValue(op.family, value, variablesEnabled, context);
    return resolved !== null && compare(op.family, base, request, resolved);
  });
  return op.negated ? !anyMatch : anyMatch;
}

/** Null (§3.7): "true" = absent or empty, "false" = present and not empty; values OR-ed. */
function evaluateNull(value: string | readonly string[] | undefined, policyValues: readonly string[]): boolean {
  const absentOrEmpty = value === undefined || isEmpty(value);
  return policyValues.some((p) => {
    const b = parseBool(p);
    return b !== null && b === absentOrEmpty;
  });
}

/** One key entry against one context value (or `undefined` when absent), per the table of §3.4. */
function evaluateEntryValue(
  op: ParsedOperator,
  value: string | readonly string[] | undefined,
  policyValues: readonly string[],
  variablesEnabled: boolean,
  context: ReferenceContext,
): boolean {
  if (op.base === 'Null') return evaluateNull(value, policyValues);
  const negated = OPERATORS[op.base]!.negated;
  if (op.set === undefined) {
    if (value === undefined) return op.ifExists ? true : negated;
    if (typeof value !== 'string') return false; // §3.9 M2: bare operator on a multivalued value
    return single(op.base, value, policyValues, variablesEnabled, context);
  }
  const values: readonly string[] | undefined = typeof value === 'string' ? [value] : value; // M1
  if (op.set === 'ForAllValues') {
    if (values === undefined || (value !== undefined && typeof value !== 'string' && isEmpty(value))) return true;
    return values.every((v) => single(op.base, v, policyValues, variablesEnabled, context));
  }
  // ForAnyValue
  if (values === undefined) return op.ifExists;
  if (typeof value !== 'string' && value !== undefined && isEmpty(value)) return false;
  return values.some((v) => single(op.base, v, policyValues, variablesEnabled, context));
}

/** One key entry: evaluated once per context entry whose name matches (ANDed, §3.9 M3). */
export function evaluateConditionEntry(
  operator: string,
  key: string,
  policyValues: readonly string[],
  variablesEnabled: boolean,
  context: ReferenceContext,
): boolean {
  const op = parseOperator(operator);
  if (op === null) return false;
  const found = context.lookup(key);
  if (found.length === 0) return evaluateEntryValue(op, undefined, policyValues, variablesEnabled, context);
  return found.every((value) => evaluateEntryValue(op, value, policyValues, variablesEnabled, context));
}

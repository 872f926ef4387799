/**
 * Condition entries compiled once into evaluators (spec/iam.md §3): operator resolved to a
 * comparison, policy values parsed for their family, globs precompiled, variables kept as
 * templates. Missing, empty and multivalued keys follow §3.4–§3.9.
 *
 * @module
 */
import { START_RANGE } from '../../diagnostics/line-index.js';
import type { Diagnostic, Range } from '../../diagnostics/types.js';
import type { ConditionTrace } from '../evaluate/types.js';
import { compileGlob, GlobBuilder, type GlobMatcher } from '../match/wildcard.js';
import { splitArn, type ArnParts } from '../policy/arn.js';
import { type OperatorInfo, operatorInfo } from '../policy/operators.js';
import type { ConditionEntry, SourcedString } from '../policy/types.js';
import {
  compareDecimal,
  type Decimal,
  decodeBase64,
  ipInCidr,
  parseBool,
  parseDate,
  parseDecimal,
  parseIp,
  type ParsedIp,
} from '../policy/values.js';
import { isTemplateVariable, parseTemplate, type TemplatePart } from '../policy/variables.js';
import { type ContextValue, type PreparedContext, reportProblem } from './context.js';

/** A compiled condition key entry. */
export interface CompiledCondition {
  readonly entry: ConditionEntry;
  /** The condition key, lower-cased. */
  readonly keyLower: string;
  /** Keys the entry reads: its own key and every variable in its values (lower-cased → as written). */
  readonly referencedKeys: ReadonlyMap<string, string>;
  /** True iff the entry passes for the context. */
  test(ctx: PreparedContext): boolean;
  /** The same result with a full trace (for explain). */
  trace(ctx: PreparedContext): ConditionTrace;
}

/** A policy value: fixed text, or a template when it holds variables (§2.4). */
interface PolicyValue {
  readonly raw: string;
  readonly parts?: readonly TemplatePart[];
}

function resolveParts(parts: readonly TemplatePart[], ctx: PreparedContext): string | undefined {
  let out = '';
  for (const p of parts) {
    if (isTemplateVariable(p)) {
      const v = ctx.resolve(p.variable.toLowerCase()) ?? p.default;
      if (v === undefined) return undefined;
      out += v;
    } else out += p.literal;
  }
  return out;
}

/** Compiled matchers kept per policy value with variables (cleared when full). */
const DYNAMIC_CACHE_SIZE = 64;

/** The substituted values of a template's variables, each prefixed by its length, or undefined when one is unresolved. */
function resolvedKey(parts: readonly TemplatePart[], ctx: PreparedContext): string | undefined {
  let key = '';
  for (const p of parts) {
    if (!isTemplateVariable(p)) continue;
    const v = ctx.resolve(p.variable.toLowerCase()) ?? p.default;
    if (v === undefined) return undefined;
    key += `${v.length}:${v}`; // length-prefixed: no value can imitate a separator
  }
  return key;
}

/** Per-family comparison of one parsed request value against policy value `i`. */
interface Comparator<R> {
  /** Parses a request value; `undefined` = cannot be parsed for the family (type error). */
  parse(rv: string): R | undefined;
  /** True iff the request value compares true with policy value `i` (before negation). */
  test(r: R, i: number, ctx: PreparedContext): boolean;
  /** The text of policy value `i` after substituting variables; `undefined` when unresolved. */
  resolved(i: number, ctx: PreparedContext): string | undefined;
}

function valueDiagnostic(v: SourcedString, message: string, ruleId = 'condition-value-invalid'): Diagnostic {
  return {
    ruleId,
    severity: 'error',
    message,
    range: (v.range as Range | undefined) ?? START_RANGE,
    pointer: v.pointer,
  };
}

const identity = (s: string): string => s;

function stringComparator(info: OperatorInfo, values: readonly PolicyValue[]): Comparator<string> {
  const resolved = (i: number, ctx: PreparedContext): string | undefined => {
    const pv = values[i] as PolicyValue;
    return pv.parts ? resolveParts(pv.parts, ctx) : pv.raw;
  };
  if (info.comparison === 'like') {
    const globs: (GlobMatcher | undefined)[] = values.map((v) => (v.parts ? undefined : compileGlob(v.raw)));
    const caches = values.map(() => new Map<string, GlobMatcher>());
    return {
      parse: identity,
      test(r, i, ctx) {
        const g = globs[i];
        if (g) return g(r);
        const parts = (values[i] as PolicyValue).parts as readonly TemplatePart[];
        const key = resolvedKey(parts, ctx);
        if (key === undefined) return false;
        const cache = caches[i] as Map<string, GlobMatcher>;
        let m = cache.get(key);
        if (!m) {
          const b = new GlobBuilder();
          for (const p of parts) {
            if (isTemplateVariable(p)) b.literal(ctx.resolve(p.variable.toLowerCase()) ?? (p.default as string));
            else if (p.escaped)
              b.literal(p.literal); // substituted and escaped text is literal (§2.4 V4)
            else b.pattern(p.literal);
          }
          m = b.build();
          if (cache.size >= DYNAMIC_CACHE_SIZE) cache.clear();
          cache.set(key, m);
        }
        return m(r);
      },
      resolved,
    };
  }
  const fold = info.ignoreCase ? (s: string): string => s.toLowerCase() : identity;
  const fixed = values.map((v) => (v.parts ? undefined : fold(v.raw)));
  return {
    parse: fold,
    test(r, i, ctx) {
      const f = fixed[i];
      if (f !== undefined) return f === r;
      const v = resolved(i, ctx);
      return v !== undefined && fold(v) === r;
    },
    resolved,
  };
}

function orderTest(c: -1 | 0 | 1 | undefined, comparison: OperatorInfo['comparison']): boolean {
  if (c === undefined) return false;
  switch (comparison) {
    case 'equals':
      return c === 0;
    case 'lessThan':
      return c < 0;
    case 'lessThanEquals':
      return c <= 0;
    case 'greaterThan':
      return c > 0;
    default:
      return c >= 0;
  }
}

function cmpNumber(a: number, b: number): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

function arnMatcher(value: string): ((r: ArnParts) => boolean) | undefined {
  const p = splitArn(value);
  if (!p) return undefined;
  const ms = [p.prefix, p.partition, p.service, p.region, p.account, p.resource].map(compileGlob);
  return (r) => {
    const rs = [r.prefix, r.partition, r.service, r.region, r.account, r.resource];
    for (let k = 0; k < 6; k++) if (!(ms[k] as GlobMatcher)(rs[k] as string)) return false;
    return true;
  };
}

/** ArnLike over a template: substituted text is literal, so escape `*`/`?` from variables. */
function dynamicArnMatcher(
  parts: readonly TemplatePart[],
  ctx: PreparedContext,
): ((r: ArnParts) => boolean) | undefined {
  // Render to text plus a mask of which `*`/`?` are wildcards.
  let text = '';
  const literalAt: number[] = [];
  for (const p of parts) {
    if (isTemplateVariable(p)) {
      const v = ctx.resolve(p.variable.toLowerCase()) ?? p.default;
      if (v === undefined) return undefined;
      for (let i = 0; i < v.length; i++) literalAt.push(text.length + i);
      text += v;
    } else {
      if (p.escaped) literalAt.push(text.length);
      text += p.literal;
    }
  }
  const literal = new Set(literalAt);
  const comps: GlobMatcher[] = [];
  let start = 0;
  for (let k = 0; k < 6; k++) {
    let end = text.length;
    if (k < 5) {
      end = text.indexOf(':', start);
      if (end < 0) return () => false;
    }
    const b = new GlobBuilder();
    for (let i = start; i < end; i++) {
      const ch = text[i] as string;
      if (literal.has(i)) b.literal(ch);
      else b.pattern(ch);
    }
    comps.push(b.build());
    start = end + 1;
  }
  return (r) => {
    const rs = [r.prefix, r.partition, r.service, r.region, r.account, r.resource];
    for (let k = 0; k < 6; k++) if (!(comps[k] as GlobMatcher)(rs[k] as string)) return false;
    return true;
  };
}

interface CompileOut {
  readonly diagnostics: Diagnostic[];
}

function familyComparator(
  info: OperatorInfo,
  entry: ConditionEntry,
  values: readonly PolicyValue[],
  out: CompileOut,
): Comparator<unknown> {
  const rawResolved = (i: number, ctx: PreparedContext): string | undefined => {
    const pv = values[i] as PolicyValue;
    return pv.parts ? resolveParts(pv.parts, ctx) : pv.raw;
  };
  const bad = (i: number, what: string): void => {
    out.diagnostics.push(
      valueDiagnostic(
        entry.values[i] as SourcedString,
        `'${clip((values[i] as PolicyValue).raw)}' is not a valid ${what} for ${entry.operator}; it never matches`,
      ),
    );
  };
  switch (info.family) {
    case 'String':
      return stringComparator(info, values) as Comparator<unknown>;
    case 'Numeric': {
      const parsed = values.map((v, i) => {
        const d = parseDecimal(v.raw);
        if (!d) bad(i, 'number');
        return d;
      });
      return {
        parse: (rv) => parseDecimal(rv),
        test: (r, i) => {
          const p = parsed[i];
          return p !== undefined && orderTest(compareDecimal(r as Decimal, p), info.comparison);
        },
        resolved: rawResolved,
      };
    }
    case 'Date': {
      const parsed = values.map((v, i) => {
        const d = parseDate(v.raw);
        if (!d) bad(i, 'date');
        return d?.ms;
      });
      return {
        parse: (rv) => parseDate(rv)?.ms,
        test: (r, i) => {
          const p = parsed[i];
          return p !== undefined && orderTest(cmpNumber(r as number, p), info.comparison);
        },
        resolved: rawResolved,
      };
    }
    case 'Bool': {
      const fixed = values.map((v, i) => {
        if (v.parts) return undefined;
        const b = parseBool(v.raw);
        if (b === undefined) bad(i, 'boolean');
        return b;
      });
      return {
        parse: (rv) => parseBool(rv),
        test: (r, i, ctx) => {
          const pv = values[i] as PolicyValue;
          const b = pv.parts ? parseBoolOrUndefined(resolveParts(pv.parts, ctx)) : fixed[i];
          return b !== undefined && b === r;
        },
        resolved: rawResolved,
      };
    }
    case 'Binary': {
      const parsed = values.map((v, i) => {
        const d = decodeBase64(v.raw);
        if (!d) bad(i, 'base64 value');
        return d;
      });
      return {
        parse: (rv) => decodeBase64(rv),
        test: (r, i) => {
          const p = parsed[i];
          const q = r as Uint8Array;
          if (!p || p.length !== q.length) return false;
          for (let k = 0; k < p.length; k++) if (p[k] !== q[k]) return false;
          return true;
        },
        resolved: rawResolved,
      };
    }
    case 'IpAddress': {
      const parsed = values.map((v, i) => {
        const d = parseIp(v.raw);
        if (!d) bad(i, 'IP address or CIDR range');
        return d;
      });
      return {
        parse: (rv) => parseIp(rv),
        test: (r, i) => {
          const p = parsed[i];
          return p !== undefined && ipInCidr(r as ParsedIp, p);
        },
        resolved: rawResolved,
      };
    }
    default: {
      // Arn
      const fixed = values.map((v, i) => {
        if (v.parts) return undefined;
        const m = arnMatcher(v.raw);
        if (!m) bad(i, 'ARN (fewer than six components)');
        return m ?? (() => false);
      });
      const caches = values.map(() => new Map<string, (r: ArnParts) => boolean>());
      return {
        parse: (rv) => splitArn(rv) ?? undefined,
        test: (r, i, ctx) => {
          const f = fixed[i];
          if (f) return f(r as ArnParts);
          const parts = (values[i] as PolicyValue).parts as readonly TemplatePart[];
          const key = resolvedKey(parts, ctx);
          if (key === undefined) return false;
          const cache = caches[i] as Map<string, (r: ArnParts) => boolean>;
          let m = cache.get(key);
          if (!m) {
            m = dynamicArnMatcher(parts, ctx) as (r: ArnParts) => boolean;
            if (cache.size >= DYNAMIC_CACHE_SIZE) cache.clear();
            cache.set(key, m);
          }
          return m(r as ArnParts);
        },
        resolved: rawResolved,
      };
    }
  }
}

function parseBoolOrUndefined(text: string | undefined): boolean | undefined {
  return text === undefined ? undefined : parseBool(text);
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** §3.4 "empty": `[]` or `[""]`. */
function isEmptyArray(v: readonly string[]): boolean {
  return v.length === 0 || (v.length === 1 && v[0] === '');
}

type Outcome = ConditionTrace['outcome'];

/**
 * Compiles one condition key entry. `variablesEnabled` is the policy's version gate (§2.4 V2).
 * Problems with policy values are appended to `diagnostics`; such values never match.
 */
export function compileCondition(
  entry: ConditionEntry,
  variablesEnabled: boolean,
  diagnostics: Diagnostic[],
): CompiledCondition {
  const keyLower = entry.key.toLowerCase();
  const referencedKeys = new Map<string, string>([[keyLower, entry.key]]);
  const info = entry.known ? operatorInfo(entry.baseOperator) : undefined;
  const out: CompileOut = { diagnostics };
  if (!info) {
    diagnostics.push({
      ruleId: 'condition-operator-unknown',
      severity: 'error',
      message: `Unknown condition operator '${clip(entry.operator)}'; the condition never passes`,
      range: (entry.operatorLocation.range as Range | undefined) ?? START_RANGE,
      pointer: entry.operatorLocation.pointer,
    });
    const never = (): boolean => false;
    return {
      entry,
      keyLower,
      referencedKeys,
      test: never,
      trace: () => ({
        operator: entry.operator,
        key: entry.key,
        result: false,
        outcome: 'type-error',
        values: entry.values.map((v) => ({ policyValue: v.value, matched: false })),
      }),
    };
  }
  if (info.family === 'Null') return compileNull(entry, keyLower, referencedKeys, diagnostics);
  const values: PolicyValue[] = entry.values.map((v) => {
    if (variablesEnabled && info.variablesAllowed && v.value.includes('${')) {
      const t = parseTemplate(v.value);
      if (t.hasVariables) {
        for (const p of t.parts) if (isTemplateVariable(p)) referencedKeys.set(p.variable.toLowerCase(), p.variable);
        return { raw: v.value, parts: t.parts };
      }
    }
    return { raw: v.value };
  });
  const cmp = familyComparator(info, entry, values, out);
  const negated = info.negated;
  const n = values.length;
  const setOp = entry.setOperator;
  const ifExists = entry.ifExists;

  /** §3.5 single-value result; `undefined` when the request value cannot be parsed. */
  const single = (rv: string, ctx: PreparedContext): boolean => {
    const r = cmp.parse(rv);
    if (r === undefined) {
      reportProblem(ctx, {
        ruleId: 'context-value-invalid',
        severity: 'warning',
        message: `Request value '${clip(rv)}' of ${entry.key} is not valid for ${entry.operator}; it matches no policy value`,
        range: START_RANGE,
      });
      return negated;
    }
    for (let i = 0; i < n; i++) if (cmp.test(r, i, ctx)) return !negated;
    return negated;
  };

  const evalValue = (v: ContextValue | undefined, ctx: PreparedContext): boolean => {
    if (v === undefined) {
      if (setOp === 'ForAllValues') return true;
      if (setOp === 'ForAnyValue') return ifExists;
      return ifExists || negated;
    }
    if (typeof v === 'string') return single(v, ctx); // M1 for set operators: a one-element set
    if (setOp === undefined) return false; // M2
    if (isEmptyArray(v)) return setOp === 'ForAllValues';
    if (setOp === 'ForAllValues') {
      for (const x of v) if (!single(x, ctx)) return false;
      return true;
    }
    for (const x of v) if (single(x, ctx)) return true;
    return false;
  };

  const test = (ctx: PreparedContext): boolean => {
    const col = ctx.collisions?.get(keyLower);
    if (col) {
      for (const v of col) if (!evalValue(v, ctx)) return false; // M3
      return true;
    }
    return evalValue(ctx.values.get(keyLower), ctx);
  };

  const trace = (ctx: PreparedContext): ConditionTrace => {
    const result = test(ctx);
    const col = ctx.collisions?.get(keyLower);
    const rv = col ? col.flat() : ctx.values.get(keyLower);
    const reqValues: readonly string[] = rv === undefined ? [] : typeof rv === 'string' ? [rv] : rv;
    const traced = values.map((pv, i) => {
      const resolved = cmp.resolved(i, ctx);
      let matched = false;
      if (resolved !== undefined || !pv.parts) {
        for (const x of reqValues) {
          const r = cmp.parse(x);
          if (r !== undefined && cmp.test(r, i, ctx)) matched = true;
        }
      }
      return {
        policyValue: pv.raw,
        ...(pv.parts && resolved !== undefined ? { resolved } : {}),
        matched,
      };
    });
    let outcome: Outcome;
    if (rv === undefined) {
      outcome = setOp === 'ForAllValues' ? 'forall-vacuous' : ifExists ? 'ifexists-missing' : 'missing-key';
    } else if (typeof rv !== 'string' && setOp === undefined) outcome = 'multivalued-bare-operator';
    else if (typeof rv !== 'string' && isEmptyArray(rv) && setOp === 'ForAllValues') outcome = 'forall-vacuous';
    else if (reqValues.some((x) => cmp.parse(x) === undefined)) outcome = 'type-error';
    else if (
      values.length > 0 &&
      values.every((pv, i) => pv.parts !== undefined && cmp.resolved(i, ctx) === undefined)
    ) {
      outcome = 'variable-unresolved';
    } else outcome = result ? 'matched' : 'not-matched';
    return {
      operator: entry.operator,
      key: entry.key,
      ...(rv !== undefined ? { requestValue: rv } : {}),
      result,
      outcome,
      values: traced,
    };
  };
  return { entry, keyLower, referencedKeys, test, trace };
}

function compileNull(
  entry: ConditionEntry,
  keyLower: string,
  referencedKeys: Map<string, string>,
  diagnostics: Diagnostic[],
): CompiledCondition {
  let wantAbsent = false;
  let wantPresent = false;
  entry.values.forEach((v) => {
    const b = parseBool(v.value);
    if (b === true) wantAbsent = true;
    else if (b === false) wantPresent = true;
    else
      diagnostics.push(
        valueDiagnostic(v, `Null takes "true" or "false", not '${clip(v.value)}'`, 'null-value-invalid'),
      );
  });
  const absentOrEmpty = (v: ContextValue | undefined): boolean =>
    v === undefined || (typeof v !== 'string' && isEmptyArray(v));
  const evalValue = (v: ContextValue | undefined): boolean => {
    const missing = absentOrEmpty(v);
    return (wantAbsent && missing) || (wantPresent && !missing);
  };
  const test = (ctx: PreparedContext): boolean => {
    const col = ctx.collisions?.get(keyLower);
    if (col) return col.every(evalValue);
    return evalValue(ctx.values.get(keyLower));
  };
  return {
    entry,
    keyLower,
    referencedKeys,
    test,
    trace(ctx) {
      const rv = ctx.values.get(keyLower);
      const missing = absentOrEmpty(rv);
      const result = test(ctx);
      return {
        operator: entry.operator,
        key: entry.key,
        ...(rv !== undefined ? { requestValue: rv } : {}),
        result,
        outcome: result ? 'matched' : 'not-matched',
        values: entry.values.map((v) => {
          const b = parseBool(v.value);
          return { policyValue: v.value, matched: b !== undefined && b === missing };
        }),
      };
    },
  };
}

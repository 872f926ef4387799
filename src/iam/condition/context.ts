/**
 * The request context prepared for evaluation: keys case-folded once per request (spec/iam.md
 * §3.10, §5.3), colliding spellings kept apart (§3.9 M3), `__proto__` harmless (a Map).
 *
 * @module
 */
import type { Diagnostic } from '../../diagnostics/types.js';

/** A context value: one string (single-valued) or an array (multivalued, §5.3). */
export type ContextValue = string | readonly string[];

/** A request context with lower-cased keys. */
export interface PreparedContext {
  /** Lower-cased key → value (the first spelling when several collide). */
  readonly values: Map<string, ContextValue>;
  /** Lower-cased key → every value, only for keys given under several spellings (§3.9 M3). */
  readonly collisions: Map<string, ContextValue[]> | undefined;
  /** The first caller key whose value is neither a string nor an array of strings (it is ignored). */
  readonly invalidKey: string | undefined;
  /** Problems met while evaluating (malformed request values); created on first use. */
  problems: Diagnostic[] | undefined;
  /** Looks up a policy variable: single-valued keys only (§2.4 V5). */
  readonly resolve: (lowerName: string) => string | undefined;
}

/** Global keys known to be multivalued (spec/iam.md §5.2), lower-cased: never variables (§2.4 V5). */
export const MULTIVALUED_KEYS: ReadonlySet<string> = new Set([
  'aws:principalorgpaths',
  'aws:resourceorgpaths',
  'aws:sourceorgpaths',
  'aws:vpceorgpaths',
  'aws:tagkeys',
  'aws:principalservicenameslist',
  'aws:calledvia',
]);

/**
 * Builds a {@link PreparedContext} from caller entries (iterated in order) and derived entries
 * that apply only when the caller did not give the key (§5.1: explicit input wins).
 */
export function prepareContext(
  given: Readonly<Record<string, ContextValue>> | undefined,
  derived?: Readonly<Record<string, ContextValue>>,
): PreparedContext {
  const values = new Map<string, ContextValue>();
  let collisions: Map<string, ContextValue[]> | undefined;
  let invalidKey: string | undefined;
  if (given) {
    for (const key of Object.keys(given)) {
      const v: unknown = given[key];
      if (typeof v !== 'string' && !isStringArray(v)) {
        invalidKey ??= key;
        continue;
      }
      const value = v as ContextValue;
      const lower = lowerKey(key);
      const prev = values.get(lower);
      if (prev !== undefined) {
        collisions ??= new Map();
        const list = collisions.get(lower);
        if (list) list.push(value);
        else collisions.set(lower, [prev, value]);
        continue;
      }
      values.set(lower, value);
    }
  }
  const ctx: PreparedContext = {
    values,
    collisions,
    invalidKey,
    problems: undefined,
    resolve: (name) => {
      if (collisions?.has(name) || MULTIVALUED_KEYS.has(name)) return undefined;
      const v = values.get(name);
      return typeof v === 'string' ? v : undefined;
    },
  };
  if (derived) addDerived(ctx, derived);
  return ctx;
}

/** Adds derived entries for keys the caller did not give (§5.1: explicit input wins). */
export function addDerived(ctx: PreparedContext, derived: Readonly<Record<string, ContextValue>>): void {
  for (const key of Object.keys(derived)) {
    const lower = lowerKey(key);
    if (!ctx.values.has(lower)) ctx.values.set(lower, derived[key] as ContextValue);
  }
}

function isStringArray(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (const x of v) if (typeof x !== 'string') return false;
  return true;
}

const LOWER_CACHE_SIZE = 4096;
const lowerCache = new Map<string, string>();

/** `key.toLowerCase()`, memoised: the same context keys recur in every request. */
export function lowerKey(key: string): string {
  let l = lowerCache.get(key);
  if (l === undefined) {
    l = key.toLowerCase();
    if (lowerCache.size >= LOWER_CACHE_SIZE) lowerCache.clear();
    lowerCache.set(key, l);
  }
  return l;
}

/** Records a problem on the context (at most 100, so hostile input cannot grow it without bound). */
export function reportProblem(ctx: PreparedContext, d: Diagnostic): void {
  ctx.problems ??= [];
  if (ctx.problems.length < 100 && !ctx.problems.some((p) => p.message === d.message)) ctx.problems.push(d);
}

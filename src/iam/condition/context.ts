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
  /** Lower-cased key → the spelling the caller used. */
  readonly spelling: Map<string, string>;
  /** Problems met while evaluating (malformed request values); created on first use. */
  problems: Diagnostic[] | undefined;
  /** Looks up a policy variable: single-valued keys only (§2.4 V5). */
  readonly resolve: (lowerName: string) => string | undefined;
}

/**
 * Builds a {@link PreparedContext} from caller entries (iterated in order) and derived entries
 * that apply only when the caller did not give the key (§5.1: explicit input wins).
 */
export function prepareContext(
  given: Readonly<Record<string, ContextValue>> | undefined,
  derived?: Readonly<Record<string, ContextValue>>,
): PreparedContext {
  const values = new Map<string, ContextValue>();
  const spelling = new Map<string, string>();
  let collisions: Map<string, ContextValue[]> | undefined;
  if (given) {
    for (const key of Object.keys(given)) {
      const v = given[key];
      if (typeof v !== 'string' && !Array.isArray(v)) continue;
      const value = v as ContextValue;
      const lower = key.toLowerCase();
      const prev = values.get(lower);
      if (prev !== undefined) {
        collisions ??= new Map();
        const list = collisions.get(lower);
        if (list) list.push(value);
        else collisions.set(lower, [prev, value]);
        continue;
      }
      values.set(lower, value);
      spelling.set(lower, key);
    }
  }
  if (derived) {
    for (const key of Object.keys(derived)) {
      const lower = key.toLowerCase();
      if (values.has(lower)) continue;
      values.set(lower, derived[key] as ContextValue);
      spelling.set(lower, key);
    }
  }
  const ctx: PreparedContext = {
    values,
    collisions,
    spelling,
    problems: undefined,
    resolve: (name) => {
      if (collisions?.has(name)) return undefined;
      const v = values.get(name);
      return typeof v === 'string' ? v : undefined;
    },
  };
  return ctx;
}

/** Records a problem on the context (at most 100, so hostile input cannot grow it without bound). */
export function reportProblem(ctx: PreparedContext, d: Diagnostic): void {
  ctx.problems ??= [];
  if (ctx.problems.length < 100 && !ctx.problems.some((p) => p.message === d.message)) ctx.problems.push(d);
}

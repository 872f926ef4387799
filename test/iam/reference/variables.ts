/**
 * Reference policy-variable substitution (spec/iam.md §2.4), written straight from the rules.
 *
 * @module
 */
import { type PatternChar, rawChars } from './glob.js';

/** Case-insensitive view of a request context (§3.10): every entry whose name folds to the key. */
export interface ReferenceContext {
  /** All values stored under names equal to `key` ignoring case, in insertion order. */
  lookup(key: string): (string | readonly string[])[];
}

/**
 * Builds the case-insensitive context view. `derived` holds the keys of §5.1 derived from the principal and the
 * request; a caller entry with the same name (ignoring case) overrides a derived one.
 */
export function contextOf(
  context: Readonly<Record<string, unknown>> | undefined,
  derived: Readonly<Record<string, string | readonly string[]>> = {},
): ReferenceContext {
  const entries: [string, string | readonly string[]][] = [];
  if (context !== undefined && context !== null && typeof context === 'object') {
    for (const name of Object.keys(context)) {
      const value = (context as Record<string, unknown>)[name];
      if (typeof value === 'string') {
        entries.push([name.toLowerCase(), value]);
      } else if (Array.isArray(value)) {
        entries.push([name.toLowerCase(), value.map((v) => String(v))]);
      }
      // Other JSON types are not context values; they are ignored (never match).
    }
  }
  for (const name of Object.keys(derived)) {
    const folded = name.toLowerCase();
    if (!entries.some(([given]) => given === folded)) entries.push([folded, derived[name]!]);
  }
  return {
    lookup(key: string) {
      const folded = key.toLowerCase();
      return entries.filter(([name]) => name === folded).map(([, value]) => value);
    },
  };
}

/** Global keys the catalogue documents as multivalued (§5.2): never substituted (§2.4 V5). */
const MULTIVALUED_KEYS: ReadonlySet<string> = new Set([
  'aws:tagkeys',
  'aws:principalorgpaths',
  'aws:resourceorgpaths',
  'aws:sourceorgpaths',
  'aws:vpceorgpaths',
  'aws:principalservicenameslist',
  'aws:calledvia',
]);

/** A fixed pattern (not built from policy text) for the inside of `${…}`: key, optional default. */
const VARIABLE_BODY = /^([A-Za-z0-9_.:/=+@-]+)(?:\s*,\s*'([^']*)')?$/;

/**
 * Resolves a policy value: the characters of the result with their wildcard meaning, or `null` when a
 * variable has no value and no default (§2.4 V6). With variables disabled (§2.4 V2) the text is raw.
 */
export function resolveTemplate(
  text: string,
  variablesEnabled: boolean,
  context: ReferenceContext,
): PatternChar[] | null {
  if (!variablesEnabled) return rawChars(text);
  const out: PatternChar[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '$' && text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close >= 0) {
        const body = text.slice(i + 2, close);
        if (body === '*' || body === '?' || body === '$') {
          out.push({ char: body, wild: false });
          i = close + 1;
          continue;
        }
        const m = VARIABLE_BODY.exec(body);
        if (m !== null) {
          const key = m[1]!;
          const fallback = m[2];
          const values = MULTIVALUED_KEYS.has(key.toLowerCase()) ? [] : context.lookup(key);
          const only = values.length === 1 ? values[0] : undefined;
          // Only a single-valued key substitutes (V5); the substituted text is literal (V4).
          if (typeof only === 'string') {
            for (const char of only) out.push({ char, wild: false });
          } else if (fallback !== undefined) {
            for (const char of fallback) out.push({ char, wild: false });
          } else {
            return null;
          }
          i = close + 1;
          continue;
        }
      }
      // Malformed or unterminated: the `$` is literal text and scanning goes on (V1).
    }
    const char = text[i]!;
    out.push({ char, wild: char === '*' || char === '?' });
    i += 1;
  }
  return out;
}

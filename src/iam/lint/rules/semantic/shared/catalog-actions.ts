/**
 * Catalog action lookups shared by the catalog-backed rules, memoised per catalog.
 *
 * @module
 */
import { globMatch, hasWildcard } from './glob.js';
import type { SemanticCatalog } from './rule.js';

/** Most memoised patterns per catalog; the memo is cleared when full (bounded memory). */
const MEMO_LIMIT = 10_000;
const memo = new WeakMap<SemanticCatalog, Map<string, readonly string[]>>();

/**
 * Canonical names of the actions of `service` that the action-name pattern matches
 * (case-insensitive glob; a name without wildcards matches itself when the action exists).
 */
export function matchingActions(catalog: SemanticCatalog, service: string, pattern: string): readonly string[] {
  if (!hasWildcard(pattern)) {
    const a = catalog.action(service, pattern);
    return a ? [a.name] : [];
  }
  let cache = memo.get(catalog);
  if (!cache) {
    cache = new Map();
    memo.set(catalog, cache);
  }
  const key = `${service.toLowerCase()}:${pattern.toLowerCase()}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const names = Object.freeze(catalog.actionNames(service).filter((n) => globMatch(pattern, n)));
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(key, names);
  return names;
}

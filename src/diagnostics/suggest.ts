/**
 * Did-you-mean support shared by the AppSpec and policy linters.
 *
 * @module
 */

/**
 * Optimal-string-alignment (restricted Damerau-Levenshtein) distance, with an early exit once
 * the distance must exceed `max`. Inputs are bounded by the caller (names, not documents).
 */
export function editDistance(a: string, b: string, max: number = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2: number[] = new Array<number>(n + 1).fill(0);
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  let cur: number[] = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] as number;
}

/** Options of {@link suggestNames}. */
export interface SuggestOptions {
  /** Largest distance accepted for names longer than 4 characters. Default 2. */
  readonly maxDistance?: number;
  /** Largest distance accepted for names of at most 4 characters. Default 1. */
  readonly maxDistanceShort?: number;
  /** Fixed aliases consulted first: a written name → the names it stands for. */
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Did-you-mean candidates for `name` among `candidates`: a fixed alias first, then exact
 * matches ignoring case, then the candidates at the smallest edit distance within the limit
 * (ties all listed, in candidate order). A non-string name has no candidates, and non-string
 * candidates are skipped (JavaScript callers may pass anything).
 */
export function suggestNames(name: string, givenCandidates: readonly string[], options: SuggestOptions = {}): string[] {
  if (typeof name !== 'string') return [];
  const candidates = Array.isArray(givenCandidates)
    ? givenCandidates.filter((c): c is string => typeof c === 'string')
    : [];
  const aliases = options?.aliases;
  const alias = aliases && Object.hasOwn(aliases, name) ? aliases[name] : undefined;
  if (Array.isArray(alias) && alias.length > 0) return alias.filter((a): a is string => typeof a === 'string');
  const lower = name.toLowerCase();
  const sameCase = candidates.filter((c) => c !== name && c.toLowerCase() === lower);
  if (sameCase.length > 0) return sameCase;
  if (name.length > 256) return [];
  const limit = name.length <= 4 ? (options?.maxDistanceShort ?? 1) : (options?.maxDistance ?? 2);
  let best = limit + 1;
  let out: string[] = [];
  for (const c of candidates) {
    if (c === name) continue;
    const d = editDistance(name, c, limit);
    if (d < best) {
      best = d;
      out = [c];
    } else if (d === best && d <= limit) out.push(c);
  }
  return best <= limit ? out : [];
}

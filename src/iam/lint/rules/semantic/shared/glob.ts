/**
 * Small matchers used by the semantic rules. None builds a RegExp from policy text.
 *
 * @module
 */

/**
 * Full-string glob match (`*` any run, `?` one character, everything else literal), ASCII
 * case-insensitive when `ignoreCase`. Two-pointer matching with one backtrack point:
 * O(pattern × value) in the worst case, linear for the usual patterns, never exponential.
 */
export function globMatch(pattern: string, value: string, ignoreCase = true): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  let pi = 0;
  let vi = 0;
  let starP = -1;
  let starV = 0;
  while (vi < v.length) {
    const pc = p.charCodeAt(pi);
    if (pi < p.length && (pc === 63 || pc === v.charCodeAt(vi)) && pc !== 42) {
      pi++;
      vi++;
    } else if (pi < p.length && pc === 42) {
      starP = pi++;
      starV = vi;
    } else if (starP >= 0) {
      pi = starP + 1;
      vi = ++starV;
    } else return false;
  }
  while (pi < p.length && p.charCodeAt(pi) === 42) pi++;
  return pi === p.length;
}

/** True when `text` contains `*` or `?`. */
export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/** Token kinds of an ARN pattern (spec/iam.md §2.2 R3). */
const LIT = 0;
const ONE = 1; // ? : any char (but ':' when `noColon`)
const STAR = 2; // * : any run (no ':' when `noColon`)

interface ArnToken {
  readonly kind: 0 | 1 | 2;
  readonly ch: string;
  readonly noColon: boolean;
}

/** Tokenises a `Resource` pattern by §2.2 R3: segment-aware wildcards. */
function arnTokens(pattern: string): ArnToken[] {
  const out: ArnToken[] = [];
  let colons = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    const inPrefix = colons < 5;
    if (c === '*') {
      // A `*` that ends one of segments 1–5 may run past the boundary.
      const last = i + 1 >= pattern.length || pattern[i + 1] === ':';
      out.push({ kind: STAR, ch: c, noColon: inPrefix && !last });
    } else if (c === '?') out.push({ kind: ONE, ch: c, noColon: inPrefix });
    else {
      if (c === ':') colons++;
      out.push({ kind: LIT, ch: c, noColon: false });
    }
  }
  return out;
}

/** Longest pattern or value the ARN matcher accepts; longer inputs are reported as "no match". */
export const ARN_MATCH_LIMIT = 4096;

/** A work allowance shared by many matcher calls, in character steps; calls beyond it answer "no match". */
export interface MatchBudget {
  left: number;
}

/** A fresh allowance of `steps` character steps. */
export function matchBudget(steps = 20_000_000): MatchBudget {
  return { left: steps };
}

/**
 * True when the `Resource` pattern matches the concrete ARN `value` (§2.2 R2–R3), case-sensitively.
 * An NFA simulation over the pattern's tokens: O(pattern × value), inputs capped at
 * {@link ARN_MATCH_LIMIT} characters and the work charged to `budget` when given.
 */
export function arnPatternMatches(pattern: string, value: string, budget?: MatchBudget): boolean {
  if (pattern === '*') return true;
  if (value === '*') return false;
  if (pattern.length > ARN_MATCH_LIMIT || value.length > ARN_MATCH_LIMIT) return false;
  if (budget) {
    const cost = (pattern.length + 1) * (value.length + 1);
    if (cost > budget.left) return false;
    budget.left -= cost;
  }
  const tokens = arnTokens(pattern);
  const n = tokens.length;
  let cur = new Uint8Array(n + 1);
  let next = new Uint8Array(n + 1);
  const close = (set: Uint8Array): void => {
    for (let i = 0; i < n; i++) if (set[i] && (tokens[i] as ArnToken).kind === STAR) set[i + 1] = 1;
  };
  cur[0] = 1;
  close(cur);
  for (let j = 0; j < value.length; j++) {
    const c = value[j] as string;
    next.fill(0);
    let any = false;
    for (let i = 0; i < n; i++) {
      if (!cur[i]) continue;
      const t = tokens[i] as ArnToken;
      if (t.kind === LIT) {
        if (t.ch === c) next[i + 1] = 1;
      } else if (t.kind === ONE) {
        if (!(t.noColon && c === ':')) next[i + 1] = 1;
      } else if (!(t.noColon && c === ':')) next[i] = 1;
    }
    close(next);
    for (let i = 0; i <= n; i++) if (next[i]) any = true;
    if (!any) return false;
    [cur, next] = [next, cur];
  }
  return cur[n] === 1;
}

/**
 * True when some ARN could match both the `Resource` pattern and the catalog ARN format, whose
 * `${Placeholder}`s stand for any run of characters (ignoring the ARN-segment rules for
 * placeholders errs towards "fits", which keeps the mismatch rule free of false alarms).
 * Product-automaton reachability: O(pattern × format); inputs are capped, and once `budget` is
 * spent the answer is "fits".
 */
export function arnPatternFitsFormat(pattern: string, format: string, budget?: MatchBudget): boolean {
  if (pattern === '*') return true;
  if (pattern.length > ARN_MATCH_LIMIT || format.length > ARN_MATCH_LIMIT) return true;
  if (budget) {
    const cost = (pattern.length + 1) * (format.length + 1);
    if (cost > budget.left) return true;
    budget.left -= cost;
  }
  const a = arnTokens(pattern);
  // Format tokens: literal characters and placeholders (any run).
  const b: { readonly any: boolean; readonly ch: string }[] = [];
  for (let i = 0; i < format.length; i++) {
    const close = format.startsWith('${', i) ? format.indexOf('}', i) : -1;
    if (close > i) {
      b.push({ any: true, ch: '' });
      i = close;
    } else b.push({ any: false, ch: format[i] as string });
  }
  const n = a.length;
  const m = b.length;
  const seen = new Uint8Array((n + 1) * (m + 1));
  const stack: number[] = [0];
  seen[0] = 1;
  const push = (i: number, j: number): void => {
    const k = i * (m + 1) + j;
    if (!seen[k]) {
      seen[k] = 1;
      stack.push(k);
    }
  };
  while (stack.length > 0) {
    const k = stack.pop() as number;
    const i = Math.floor(k / (m + 1));
    const j = k % (m + 1);
    if (i === n && j === m) return true;
    const ta = a[i];
    const tb = b[j];
    if (ta && ta.kind === STAR) push(i + 1, j);
    if (tb?.any) push(i, j + 1);
    if (!ta || !tb) continue;
    if (ta.kind === STAR) {
      // The star absorbs a character the format produces.
      if (!tb.any && !(ta.noColon && tb.ch === ':')) push(i, j + 1);
    } else if (tb.any) {
      // The placeholder absorbs the pattern's character.
      push(i + 1, j);
    } else if (ta.kind === ONE ? !(ta.noColon && tb.ch === ':') : ta.ch === tb.ch) push(i + 1, j + 1);
  }
  return false;
}

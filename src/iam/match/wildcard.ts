/**
 * Linear-time wildcard matching for actions, resources, `StringLike` and `ArnLike`
 * (spec/iam.md §2.1, §2.2 R3, §3.3). Policy text never becomes a RegExp.
 *
 * Two engines, chosen once when a pattern is compiled:
 * - the **segment matcher** (every `*` matches any run, every `?` any one character): the
 *   pattern is split on `*` into pieces; the first piece is anchored at the start, the last at
 *   the end, and each middle piece is found left-to-right at its leftmost position with an
 *   `indexOf` search (leftmost is optimal when the stars between pieces are unrestricted), so
 *   a match costs about one pass over the value whatever the number of stars;
 * - a **bit-parallel NFA** (Shift-And with self-loops) for ARN patterns whose `*`/`?` must not
 *   cross a `:` (§2.2 R3): O(value length × ⌈pattern tokens / 32⌉), never backtracking.
 *
 * @module
 */

/** A compiled pattern: true iff the whole value matches. */
export type GlobMatcher = (value: string) => boolean;

const ANY = 1;
const ANY_NO_COLON = 2;
const STAR = 3;
const STAR_NO_COLON = 4;

type Token = number | string; // a string is one literal character; numbers are the kinds above

const COLON = 58;

/**
 * Builds a pattern token by token: literal text, `?` (one character) and `*` (any run), each
 * optionally forbidden to match `:` (ARN segments 1–5, §2.2 R3).
 */
export class GlobBuilder {
  readonly #tokens: Token[] = [];

  /** Appends literal text (no character is special). */
  literal(text: string): this {
    for (let i = 0; i < text.length; i++) this.#tokens.push(text[i] as string);
    return this;
  }

  /** Appends text in which `*` and `?` are wildcards (matching `:` too unless `noColon`). */
  pattern(text: string, noColon = false): this {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 42) this.star(noColon);
      else if (c === 63) this.one(noColon);
      else this.#tokens.push(text[i] as string);
    }
    return this;
  }

  /** Appends `?`. */
  one(noColon = false): this {
    this.#tokens.push(noColon ? ANY_NO_COLON : ANY);
    return this;
  }

  /** Appends `*`. */
  star(noColon = false): this {
    this.#tokens.push(noColon ? STAR_NO_COLON : STAR);
    return this;
  }

  /** Compiles the tokens so far. */
  build(): GlobMatcher {
    return compileTokens(this.#tokens);
  }
}

/** Compiles a plain glob: `*` any run (including empty), `?` one character, all else literal (§2.1 A2). */
export function compileGlob(pattern: string): GlobMatcher {
  return new GlobBuilder().pattern(pattern).build();
}

/** True iff `value` matches the plain glob `pattern`; compiles on each call (prefer {@link compileGlob}). */
export function matchGlob(pattern: string, value: string): boolean {
  return compileGlob(pattern)(value);
}

/** A piece between two stars: literal text with `?` at the `wild` positions. */
interface Piece {
  readonly text: string;
  /** Positions of `?` wildcards, or undefined when the piece is fully literal. */
  readonly wild: Uint8Array | undefined;
  /** The longest literal run (searched with indexOf) and its offset in the piece. */
  readonly anchor: string;
  readonly anchorAt: number;
  /** Shift-And tables for pieces with `?` (built on first use). */
  shiftAnd?: ShiftAnd;
}

/** Bit-parallel tables of one piece: bit k of `masks[c]` is set when position k accepts `c`. */
interface ShiftAnd {
  readonly words: number;
  readonly masks: Map<number, Uint32Array>;
  readonly wildMask: Uint32Array;
}

function compileTokens(tokens: readonly Token[]): GlobMatcher {
  let restricted = false;
  let hasStar = false;
  for (const t of tokens) {
    if (t === ANY_NO_COLON || t === STAR_NO_COLON) restricted = true;
    if (t === STAR || t === STAR_NO_COLON) hasStar = true;
  }
  if (restricted) return compileNfa(tokens);
  const pieces: Piece[] = [];
  let cur: Token[] = [];
  for (const t of tokens) {
    if (t === STAR) {
      pieces.push(makePiece(cur));
      cur = [];
    } else cur.push(t);
  }
  pieces.push(makePiece(cur));
  if (!hasStar) {
    const only = pieces[0] as Piece;
    if (!only.wild) {
      const text = only.text;
      return (v) => v === text;
    }
    return (v) => v.length === only.text.length && pieceAt(only, v, 0);
  }
  const first = pieces[0] as Piece;
  const last = pieces[pieces.length - 1] as Piece;
  const middle = pieces.slice(1, -1).filter((p) => p.text.length > 0);
  const minLength = first.text.length + last.text.length + middle.reduce((n, p) => n + p.text.length, 0);
  if (middle.length === 0) {
    if (last.text.length === 0 && !first.wild) {
      const prefix = first.text;
      if (prefix.length === 0) return () => true;
      return (v) => v.startsWith(prefix);
    }
    return (v) => v.length >= minLength && pieceAt(first, v, 0) && pieceAt(last, v, v.length - last.text.length);
  }
  return (v) => {
    const n = v.length;
    if (n < minLength || !pieceAt(first, v, 0)) return false;
    const end = n - last.text.length;
    if (!pieceAt(last, v, end)) return false;
    let pos = first.text.length;
    for (let i = 0; i < middle.length; i++) {
      const p = middle[i] as Piece;
      const at = findPiece(p, v, pos, end);
      if (at < 0) return false;
      pos = at + p.text.length;
    }
    return true;
  };
}

function makePiece(tokens: readonly Token[]): Piece {
  let text = '';
  let wild: Uint8Array | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (typeof t === 'string') text += t;
    else {
      text += '?';
      wild ??= new Uint8Array(tokens.length);
      wild[i] = 1;
    }
  }
  // Longest run of literal characters, used to find candidates quickly.
  let anchor = '';
  let anchorAt = 0;
  if (wild) {
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i === text.length || wild[i] === 1) {
        if (i - start > anchor.length) {
          anchor = text.slice(start, i);
          anchorAt = start;
        }
        start = i + 1;
      }
    }
  } else anchor = text;
  return { text, wild, anchor, anchorAt };
}

/** True iff piece `p` matches `v` at offset `at` (the caller checked the length fits). */
function pieceAt(p: Piece, v: string, at: number): boolean {
  if (at < 0) return false;
  if (!p.wild) return p.text.length === 0 || v.startsWith(p.text, at);
  const t = p.text;
  const w = p.wild;
  if (at + t.length > v.length) return false;
  for (let i = 0; i < t.length; i++) {
    if (w[i] !== 1 && t.charCodeAt(i) !== v.charCodeAt(at + i)) return false;
  }
  return true;
}

/** Leftmost offset ≥ `from` where `p` matches and ends by `end`, or -1. */
function findPiece(p: Piece, v: string, from: number, end: number): number {
  const len = p.text.length;
  if (!p.wild) {
    const i = v.indexOf(p.text, from);
    return i >= 0 && i + len <= end ? i : -1;
  }
  if (p.anchor.length === 0) return from + len <= end ? from : -1; // only `?`s
  // Candidates from the literal anchor, verified in place; once verification has cost more than
  // the text scanned, switch to Shift-And so the search stays linear (e.g. `a…a?b` in `aaaa…`).
  let start = from;
  let budget = 64;
  while (start + len <= end) {
    const a = v.indexOf(p.anchor, start + p.anchorAt);
    if (a < 0) return -1;
    const i = a - p.anchorAt;
    if (i + len > end) return -1;
    if (pieceAt(p, v, i)) return i;
    budget += i + 1 - start - len;
    if (budget < 0) return shiftAndFind(p, v, i + 1, end);
    start = i + 1;
  }
  return -1;
}

function shiftAndTables(p: Piece): ShiftAnd {
  const m = p.text.length;
  const words = (m + 31) >> 5;
  const wildMask = new Uint32Array(words);
  const w = p.wild as Uint8Array;
  for (let k = 0; k < m; k++) if (w[k] === 1) wildMask[k >> 5] = (wildMask[k >> 5] as number) | (1 << (k & 31));
  const masks = new Map<number, Uint32Array>();
  for (let k = 0; k < m; k++) {
    if (w[k] === 1) continue;
    const c = p.text.charCodeAt(k);
    let mask = masks.get(c);
    if (!mask) {
      mask = Uint32Array.from(wildMask);
      masks.set(c, mask);
    }
    mask[k >> 5] = (mask[k >> 5] as number) | (1 << (k & 31));
  }
  return { words, masks, wildMask };
}

/** Leftmost match of `p` starting at ≥ `from` and ending by `end`, in O(n·⌈m/32⌉). */
function shiftAndFind(p: Piece, v: string, from: number, end: number): number {
  p.shiftAnd ??= shiftAndTables(p);
  const { words, masks, wildMask } = p.shiftAnd;
  const m = p.text.length;
  const last = m - 1;
  if (words === 1) {
    // One machine word: a scalar state and a direct table for Latin-1 characters.
    const table = new Uint32Array(256).fill(wildMask[0] as number);
    for (const [c, mask] of masks) if (c < 256) table[c] = mask[0] as number;
    const hit = 1 << last;
    let state = 0;
    for (let i = from; i < end; i++) {
      const c = v.charCodeAt(i);
      const b = c < 256 ? (table[c] as number) : ((masks.get(c) ?? wildMask)[0] as number);
      state = ((state << 1) | 1) & b;
      if (state & hit) return i - last;
    }
    return -1;
  }
  const d = new Uint32Array(words);
  const latin = new Uint32Array(256 * words);
  for (let c = 0; c < 256; c++) latin.set(masks.get(c) ?? wildMask, c * words);
  for (let i = from; i < end; i++) {
    const c = v.charCodeAt(i);
    const b = c < 256 ? latin : (masks.get(c) ?? wildMask);
    const base = c < 256 ? c * words : 0;
    let carry = 1;
    for (let k = 0; k < words; k++) {
      const x = d[k] as number;
      d[k] = (((x << 1) | carry) & (b[base + k] as number)) >>> 0;
      carry = x >>> 31;
    }
    if (((d[last >> 5] as number) >>> (last & 31)) & 1) return i - last;
  }
  return -1;
}

/**
 * Shift-And simulation. State `k` = "the first k non-star tokens matched". A star before
 * token k is a self-loop on state k. Bit sets span ⌈(m+1)/32⌉ words.
 */
function compileNfa(tokens: readonly Token[]): GlobMatcher {
  const chars: Token[] = [];
  const loopAll: number[] = []; // states with a `*` self-loop
  const loopNoColon: number[] = []; // states with a `*` that may not match `:`
  for (const t of tokens) {
    if (t === STAR) loopAll.push(chars.length);
    else if (t === STAR_NO_COLON) loopNoColon.push(chars.length);
    else chars.push(t);
  }
  const m = chars.length;
  const words = ((m + 1) >> 5) + 1;
  const bit = (set: Uint32Array, k: number): void => {
    set[k >> 5] = (set[k >> 5] as number) | (1 << (k & 31));
  };
  // advance[c]: states k such that token k accepts c (so k → k+1); stored at bit k+1.
  const literalMasks = new Map<number, Uint32Array>();
  const otherMask = new Uint32Array(words); // accepted by ANY and ANY_NO_COLON (non-colon, non-literal chars)
  const colonMask = new Uint32Array(words); // accepted by ANY only, plus literal ':'
  for (let k = 0; k < m; k++) {
    const t = chars[k] as Token;
    if (t === ANY) {
      bit(otherMask, k + 1);
      bit(colonMask, k + 1);
    } else if (t === ANY_NO_COLON) bit(otherMask, k + 1);
  }
  for (let k = 0; k < m; k++) {
    const t = chars[k] as Token;
    if (typeof t !== 'string') continue;
    const code = t.charCodeAt(0);
    let mask = literalMasks.get(code);
    if (!mask) {
      mask = Uint32Array.from(code === COLON ? colonMask : otherMask);
      literalMasks.set(code, mask);
    }
    bit(mask, k + 1);
  }
  const loopAny = new Uint32Array(words);
  const loopNonColon = new Uint32Array(words);
  for (const k of loopAll) {
    bit(loopAny, k);
    bit(loopNonColon, k);
  }
  for (const k of loopNoColon) bit(loopNonColon, k);
  return (v) => {
    let state = new Uint32Array(words);
    let next = new Uint32Array(words);
    state[0] = 1;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      const adv = literalMasks.get(c) ?? (c === COLON ? colonMask : otherMask);
      const loop = c === COLON ? loopAny : loopNonColon;
      let carry = 0;
      let alive = 0;
      for (let w = 0; w < words; w++) {
        const s = state[w] as number;
        const shifted = ((s << 1) | carry) >>> 0;
        carry = s >>> 31;
        const n = ((shifted & (adv[w] as number)) | (s & (loop[w] as number))) >>> 0;
        next[w] = n;
        alive |= n;
      }
      if (alive === 0) return false;
      const t = state;
      state = next;
      next = t;
    }
    return ((state[m >> 5] as number) & (1 << (m & 31))) !== 0;
  };
}

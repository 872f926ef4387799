/**
 * Reference glob matching for the naive evaluator (spec/iam.md §2.1, §2.2 R3, §3.2, §3.3).
 * Written for clarity, not speed: a memoised recursion over (pattern token, text position).
 * No regular expression is ever built from policy text.
 *
 * @module
 */

/** One pattern token: a literal character, `?` (one character) or `*` (any run). */
export type GlobToken =
  | { readonly kind: 'literal'; readonly char: string }
  | { readonly kind: 'one'; readonly colonAllowed: boolean }
  | { readonly kind: 'star'; readonly colonAllowed: boolean };

/** A character of a resolved policy value and whether it still has wildcard meaning. */
export interface PatternChar {
  readonly char: string;
  readonly wild: boolean;
}

/** True when `tokens` match the whole of `text`. */
export function matchTokens(tokens: readonly GlobToken[], text: string): boolean {
  const memo = new Map<number, boolean>();
  const width = text.length + 1;
  const go = (ti: number, si: number): boolean => {
    const memoKey = ti * width + si;
    const known = memo.get(memoKey);
    if (known !== undefined) return known;
    let result: boolean;
    const token = tokens[ti];
    if (token === undefined) {
      result = si === text.length;
    } else if (token.kind === 'literal') {
      result = si < text.length && text[si] === token.char && go(ti + 1, si + 1);
    } else if (token.kind === 'one') {
      result = si < text.length && (token.colonAllowed || text[si] !== ':') && go(ti + 1, si + 1);
    } else {
      // `*`: either stop here, or swallow one more character and stay on the star.
      result = go(ti + 1, si) || (si < text.length && (token.colonAllowed || text[si] !== ':') && go(ti, si + 1));
    }
    memo.set(memoKey, result);
    return result;
  };
  return go(0, 0);
}

/** Tokens for a plain glob where `*` and `?` match any character (StringLike, Arn component 6). */
export function tokensOf(chars: readonly PatternChar[]): GlobToken[] {
  return chars.map((c): GlobToken => {
    if (c.wild && c.char === '*') return { kind: 'star', colonAllowed: true };
    if (c.wild && c.char === '?') return { kind: 'one', colonAllowed: true };
    return { kind: 'literal', char: c.char };
  });
}

/** Every character of `text` with its wildcard meaning kept (no variables). */
export function rawChars(text: string): PatternChar[] {
  return [...text].map((char) => ({ char, wild: char === '*' || char === '?' }));
}

/** Every character of `text` as a literal. */
export function literalChars(text: string): PatternChar[] {
  return [...text].map((char) => ({ char, wild: false }));
}

/** A simple glob (`*`, `?` wild, everything else literal), case-sensitive. */
export function simpleGlob(pattern: string, text: string): boolean {
  return matchTokens(tokensOf(rawChars(pattern)), text);
}

/** ASCII lower-casing only (action names are ASCII case-insensitive, §1.5). */
export function asciiLower(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  }
  return out;
}

/**
 * Split at the first five `:` characters (§2.2 R1): up to six parts; the sixth is the rest.
 */
export function splitSix<T>(items: readonly T[], isColon: (item: T) => boolean): T[][] {
  const parts: T[][] = [[]];
  for (const item of items) {
    if (parts.length < 6 && isColon(item)) {
      parts.push([]);
    } else {
      parts[parts.length - 1]!.push(item);
    }
  }
  return parts;
}

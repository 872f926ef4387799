import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob, GlobBuilder, matchGlob } from '../../../src/iam/match/wildcard.js';

/** A tiny reference glob matcher (exponential in the worst case; only used on short inputs). */
function naive(p: string, v: string, noColon = false): boolean {
  if (p.length === 0) return v.length === 0;
  const c = p[0];
  if (c === '*') {
    for (let k = 0; k <= v.length; k++) {
      if (noColon && k > 0 && v[k - 1] === ':') return false;
      if (naive(p.slice(1), v.slice(k), noColon)) return true;
    }
    return false;
  }
  if (v.length === 0) return false;
  if (c === '?') return (!noColon || v[0] !== ':') && naive(p.slice(1), v.slice(1), noColon);
  return c === v[0] && naive(p.slice(1), v.slice(1), noColon);
}

describe('compileGlob', () => {
  it.each([
    ['*', '', true],
    ['*', 'anything', true],
    ['abc', 'abc', true],
    ['abc', 'abcd', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['a*', 'a', true],
    ['a*', 'ba', false],
    ['*a', 'ba', true],
    ['*a', 'ab', false],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'abcd', false],
    ['a*b?d*e', 'aXbcdYe', true],
    ['a*b?d*e', 'aXbdYe', false],
    ['*??*', 'a', false],
    ['*??*', 'ab', true],
    ['a*?b', 'ab', false],
    ['a*?b', 'axb', true],
    ['**', '', true],
    ['*x?z*', 'xxyz', true],
    ['*ab?ab*', 'abxabab', true],
    ['?*', '', false],
  ])('%s vs %s → %s', (p, v, expected) => {
    expect(compileGlob(p)(v)).toBe(expected);
    expect(matchGlob(p, v)).toBe(expected);
  });

  it('agrees with a naive matcher on random patterns', () => {
    const alpha = fc.constantFrom('a', 'b', '*', '?', ':');
    const text = fc.constantFrom('a', 'b', ':');
    fc.assert(
      fc.property(fc.array(alpha, { maxLength: 8 }), fc.array(text, { maxLength: 10 }), (p, v) => {
        const ps = p.join('');
        const vs = v.join('');
        expect(compileGlob(ps)(vs)).toBe(naive(ps, vs));
        expect(new GlobBuilder().pattern(ps, true).build()(vs)).toBe(naive(ps, vs, true));
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps literal text literal', () => {
    const m = new GlobBuilder().literal('a*b?').star().build();
    expect(m('a*b?zzz')).toBe(true);
    expect(m('aXbYzzz')).toBe(false);
    const one = new GlobBuilder().literal('x').one().literal('y').build();
    expect(one('x:y')).toBe(true);
    expect(new GlobBuilder().literal('x').one(true).literal('y').build()('x:y')).toBe(false);
  });

  it('matches a 1 MB value against a 50-star pattern in one pass', () => {
    const value = `${'ab'.repeat(500_000)}END`;
    const pattern = `${'*a'.repeat(50)}*END`;
    expect(compileGlob(pattern)(value)).toBe(true);
    expect(compileGlob(`${'*a'.repeat(50)}*ENX`)(value)).toBe(false);
    // The adversarial case for backtracking matchers: many stars, no final match.
    const as = 'a'.repeat(1_000_000);
    expect(compileGlob(`${'*a'.repeat(50)}*b`)(as)).toBe(false);
    expect(compileGlob(`${'*a?'.repeat(50)}*b`)(as)).toBe(false);
    expect(compileGlob(`*${'a'.repeat(40)}?b*`)(as)).toBe(false);
  });

  it('switches to Shift-And after costly candidates and still finds the leftmost match', () => {
    /** True iff `piece` (with `?` = any char) occurs in `v`. */
    const occurs = (piece: string, v: string): boolean => {
      for (let i = 0; i + piece.length <= v.length; i++) {
        let ok = true;
        for (let k = 0; k < piece.length && ok; k++) ok = piece[k] === '?' || piece[k] === v[i + k];
        if (ok) return true;
      }
      return false;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 40 }),
        fc.array(fc.constantFrom('a', 'b', '?', 'é', '€'), { minLength: 1, maxLength: 4 }),
        fc.array(fc.constantFrom('a', 'b', 'é', '€'), { maxLength: 8 }),
        fc.integer({ min: 100, max: 400 }),
        (run, tail, suffix, n) => {
          const piece = `${'a'.repeat(run)}?${tail.join('')}`;
          const value = `${'a'.repeat(n)}${suffix.join('')}`;
          expect(compileGlob(`x*${piece}*`)(`x${value}`)).toBe(occurs(piece, value));
          expect(compileGlob(`*${piece}*y`)(`${value}y`)).toBe(occurs(piece, value));
        },
      ),
      { numRuns: 400 },
    );
    const as = 'a'.repeat(100_000);
    expect(compileGlob(`*${'a'.repeat(20)}?b*`)(`${as}xb`)).toBe(true);
    expect(compileGlob(`*${'a'.repeat(20)}?b*`)(as)).toBe(false);
    expect(compileGlob(`*${'a'.repeat(20)}?€*`)(`${as}€`)).toBe(true);
  });

  it('runs the restricted (colon-aware) engine on a 1 MB value', () => {
    const value = `${'a'.repeat(1_000_000)}:b`;
    const m = new GlobBuilder().pattern('*a*a*a*a*a', true).literal(':').pattern('?').build();
    expect(m(value)).toBe(true);
    expect(m(`${value}:`)).toBe(false);
    // More than 32 pattern positions: the NFA spans several words.
    const long = new GlobBuilder().pattern(`${'a*'.repeat(40)}b`, true).build();
    expect(long(`${'a'.repeat(60)}b`)).toBe(true);
    expect(long(`${'a'.repeat(60)}:b`)).toBe(false);
    expect(long('a'.repeat(30))).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchPermissionGlob, matchStars } from '../../src/appspec/glob.js';

/** spec/appspec.md §5.2: pattern, relative name, result as `pattern`, result as `except` item. */
const TABLE: readonly (readonly [string, string, boolean, boolean])[] = [
  ['*.sh', 'run.sh', true, true],
  ['*.sh', '.hidden.sh', true, true],
  ['*.SH', 'run.sh', false, false],
  ['*', 'a/b', false, false],
  ['*.tmp', 'dir/x.tmp', false, false],
  ['**', 'x', true, true],
  ['**', 'x/y', true, false],
  ['a?c', 'abc', false, false],
  ['a?c', 'a?c', true, true],
  ['[ab]c', 'ac', false, false],
  ['[ab]c', '[ab]c', true, true],
  ['{a,b}', 'a', false, false],
  ['{a,b}', '{a,b}', true, true],
  ['!x', 'y', false, false],
  ['!x', '!x', true, true],
  ['a\\*', 'a\\b', true, true],
  ['a*b*c', 'aXbYc', true, true],
  ['a*b*c', 'abcd', false, false],
  ['pre*', 'pre', true, true],
  ['*ReadMe', 'this_ReadMe', true, true],
  ['*', '', false, false],
];

describe('matchPermissionGlob, agent 1.x (§5.2 table)', () => {
  for (const [pattern, name, asPattern, asExcept] of TABLE) {
    it(`${JSON.stringify(pattern)} vs ${JSON.stringify(name)}`, () => {
      expect(matchPermissionGlob(pattern, name, { agent: '1.x', role: 'pattern' })).toBe(asPattern);
      expect(matchPermissionGlob(pattern, name, { agent: '1.x', role: 'except' })).toBe(asExcept);
    });
  }

  it('defaults to agent 1.x and the pattern role', () => {
    expect(matchPermissionGlob('**', 'a/b/c')).toBe(true);
    expect(matchPermissionGlob('a?c', 'abc')).toBe(false);
    expect(matchPermissionGlob('**', 'a/b', { role: 'except' })).toBe(false);
    expect(matchPermissionGlob('**', 'ab', { role: 'except' })).toBe(true);
  });

  it('never matches the object itself, even with **', () => {
    expect(matchPermissionGlob('**', '')).toBe(false);
    expect(matchPermissionGlob('', '')).toBe(false);
  });

  it('lets * match newlines and any character', () => {
    expect(matchPermissionGlob('a*b', 'a\n\u00e9\u{1F600}b')).toBe(true);
    expect(matchPermissionGlob('a*', 'a\r')).toBe(true);
  });

  it('treats a pattern without stars as an exact comparison', () => {
    expect(matchPermissionGlob('name', 'name')).toBe(true);
    expect(matchPermissionGlob('name', 'nam')).toBe(false);
    expect(matchPermissionGlob('', 'x')).toBe(false);
  });

  it('handles overlapping pieces and prefix/suffix overlap', () => {
    expect(matchStars('ab*ba', 'aba')).toBe(false);
    expect(matchStars('ab*ba', 'abba')).toBe(true);
    expect(matchStars('*aab*', 'aaab')).toBe(true);
    expect(matchStars('*abab*abc', 'ababababc')).toBe(true);
    expect(matchStars('*abab*abc', 'abababc')).toBe(true);
    expect(matchStars('*abab*abc', 'ababc')).toBe(false);
    expect(matchStars('a**b', 'ab')).toBe(true);
    expect(matchStars('*x*', 'abc')).toBe(false);
    expect(matchStars('*x*y', 'xy')).toBe(true);
    expect(matchStars('*x*y', 'yx')).toBe(false);
  });
});

/** Reference matcher: exhaustive dynamic programming, only `*` special. */
function referenceStars(p: string, t: string): boolean {
  const dp: boolean[][] = Array.from({ length: p.length + 1 }, () => new Array<boolean>(t.length + 1).fill(false));
  dp[p.length]![t.length] = true;
  for (let i = p.length - 1; i >= 0; i--) {
    for (let j = t.length; j >= 0; j--) {
      if (p[i] === '*') dp[i]![j] = dp[i + 1]![j]! || (j < t.length && dp[i]![j + 1]!);
      else dp[i]![j] = j < t.length && p[i] === t[j] && dp[i + 1]![j + 1]!;
    }
  }
  return dp[0]![0]!;
}

describe('matchStars agrees with an exhaustive reference', () => {
  const alphabet = fc.constantFrom('a', 'b', '*', '.', '?');
  const textAlphabet = fc.constantFrom('a', 'b', '.', '?', '*');
  it('on small alphabets', () => {
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 8 }).map((a) => a.join('')),
        fc.array(textAlphabet, { maxLength: 10 }).map((a) => a.join('')),
        (p, t) => matchStars(p, t) === referenceStars(p, t),
      ),
      { numRuns: 20_000 },
    );
  });

  it('runs in linear time on hostile inputs', () => {
    const text = 'a'.repeat(200_000);
    const pattern = '*' + 'a'.repeat(1000) + 'b*' + 'a'.repeat(500) + '*';
    const t0 = performance.now();
    expect(matchPermissionGlob(pattern, text)).toBe(false);
    expect(matchPermissionGlob('*a*a*a*a*a*a*a*a*a*a*b', text)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('matchPermissionGlob, agent 2.x', () => {
  const m = (p: string, n: string, role: 'pattern' | 'except' = 'pattern'): boolean =>
    matchPermissionGlob(p, n, { agent: '2.x', role });

  it('compares exactly when the pattern has no *', () => {
    expect(m('a?c', 'abc')).toBe(false);
    expect(m('a?c', 'a?c')).toBe(true);
    expect(m('[ab]c', 'ac')).toBe(false);
    expect(m('{a,b}', '{a,b}')).toBe(true);
  });

  it('makes ?, [..] and {a,b} special when the pattern has *', () => {
    expect(m('a?c*', 'abc')).toBe(true);
    expect(m('a?c*', 'ac')).toBe(false);
    expect(m('[ab]c*', 'bcx')).toBe(true);
    expect(m('[ab]c*', 'cc')).toBe(false);
    expect(m('[!ab]c*', 'cc')).toBe(true);
    expect(m('[^ab]c*', 'ac')).toBe(false);
    expect(m('[a-c]*', 'b')).toBe(true);
    expect(m('[a-c]*', 'd')).toBe(false);
    expect(m('[]]*', ']x')).toBe(true);
    expect(m('[a-]*', '-')).toBe(true);
    expect(m('*.{sh,py}', 'x.py')).toBe(true);
    expect(m('*.{sh,py}', 'x.rb')).toBe(false);
    expect(m('*.{sh,}', 'x.')).toBe(true);
    expect(m('{a*,b}', 'axyz')).toBe(true);
    expect(m('\\?*', '?x')).toBe(true);
    expect(m('\\?*', 'ax')).toBe(false);
  });

  it('lets * cross / and matches ** in both roles', () => {
    expect(m('*.tmp', 'dir/x.tmp')).toBe(true);
    expect(m('**', 'x/y', 'except')).toBe(true);
    expect(m('**', '', 'pattern')).toBe(false);
  });

  it('compares an invalid glob exactly', () => {
    expect(m('[ab*', '[ab*')).toBe(true);
    expect(m('[ab*', 'a')).toBe(false);
    expect(m('{a*', '{a*')).toBe(true);
    expect(m('{a,{b}}*', '{a,{b}}*')).toBe(true);
    expect(m('*\\', '*\\')).toBe(true);
    expect(m('[z-a]*', '[z-a]*')).toBe(true);
    expect(m('[!]*', '[!]*')).toBe(true);
  });

  it('matches astral characters as one character for ?', () => {
    expect(m('?*', '\u{1F600}')).toBe(true);
    expect(m('??*', '\u{1F600}')).toBe(false);
  });

  it('agrees with the 1.x matcher when the pattern has only * and literal characters and no /', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', '*', '.'), { maxLength: 8 }).map((a) => a.join('')),
        fc.array(fc.constantFrom('a', 'b', '.'), { minLength: 1, maxLength: 10 }).map((a) => a.join('')),
        (p, t) => m(p, t) === matchPermissionGlob(p, t, { agent: '1.x', role: 'except' }),
      ),
      { numRuns: 10_000 },
    );
  });

  it('stays bounded on hostile inputs', () => {
    const t0 = performance.now();
    expect(m('*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(20_000))).toBe(false);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, suggestNames } from '../../src/diagnostics/suggest.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    expect(editDistance('AfterInstall', 'AfterInstall')).toBe(0);
    expect(editDistance('AfterInstal', 'AfterInstall')).toBe(1);
    expect(editDistance('AfterInstlal', 'AfterInstall')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops early once the limit is exceeded', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
  });

  it('is symmetric and bounded by the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const x = editDistance(a, b);
        expect(x).toBe(editDistance(b, a));
        expect(x).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(x === 0).toBe(a === b);
      }),
    );
  });
});

describe('suggestNames', () => {
  const events = ['ApplicationStop', 'BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService'];

  it('prefers fixed aliases, then case-insensitive matches, then close names', () => {
    expect(suggestNames('Install', events, { aliases: { Install: ['BeforeInstall', 'AfterInstall'] } })).toEqual([
      'BeforeInstall',
      'AfterInstall',
    ]);
    expect(suggestNames('afterinstall', events)).toEqual(['AfterInstall']);
    expect(suggestNames('AfterInstal', events)).toEqual(['AfterInstall']);
    expect(suggestNames('ApplicationStrat', events)).toEqual(['ApplicationStart']);
  });

  it('uses a tighter limit for short names and lists ties', () => {
    expect(suggestNames('os', ['os', 'version'])).toEqual([]);
    expect(suggestNames('fils', ['files', 'file_exists_behavior'])).toEqual(['files']);
    expect(suggestNames('abx', ['abc', 'abd', 'xyz'])).toEqual(['abc', 'abd']);
    expect(suggestNames('zzzzzz', events)).toEqual([]);
    expect(suggestNames('x'.repeat(300), events)).toEqual([]);
  });

  it('ignores inherited alias keys', () => {
    expect(suggestNames('constructor', ['constructor2'], { aliases: {} })).toEqual(['constructor2']);
  });
});

describe('suggestNames with values of the wrong type', () => {
  it('returns [] for a non-string name and skips non-string candidates', () => {
    const loose = suggestNames as (name: unknown, candidates: unknown, options?: unknown) => string[];
    expect(loose(0, ['a'])).toEqual([]);
    expect(loose(null, ['a'])).toEqual([]);
    expect(loose('BeforeInstal', [0, null, {}, 'BeforeInstall'])).toEqual(['BeforeInstall']);
    expect(loose('BEFOREINSTALL', [1, 'BeforeInstall'])).toEqual(['BeforeInstall']);
    expect(loose('x', 'not a list')).toEqual([]);
    expect(loose('Foo', ['Fob'], null)).toEqual(['Fob']);
  });
});

import { describe, expect, it } from 'vitest';
import { loadYaml, MAX_NESTING_DEPTH } from '../../../src/appspec/parse/load.js';
import { resolveAgentPlain } from '../../../src/appspec/parse/resolve.js';

/** Nested `depth` levels deep with one indicator per level (the fewest the guard's precheck allows). */
const nested: Record<string, (depth: number) => string> = {
  flowSeq: (d) => `${'['.repeat(d)}${']'.repeat(d)}`,
  flowMap: (d) => `${'{a: '.repeat(d)}1${'}'.repeat(d)}`,
  blockSeq: (d) => `${'- '.repeat(d)}x\n`,
  blockMap: (d) => Array.from({ length: d }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
  // `- k:` per line: a sequence item holding a mapping whose value is the next line's sequence.
  seqOfMaps: (d) =>
    `${Array.from({ length: Math.ceil(d / 2) }, (_, j) => `${' '.repeat(2 * j)}- k:`).join('\n')}${d % 2 ? '' : ' x'}\n`,
};

describe('loadYaml nesting guard', () => {
  it('loads exactly MAX_NESTING_DEPTH levels and refuses one more, for every kind of collection', () => {
    for (const [kind, make] of Object.entries(nested)) {
      const ok = loadYaml(make(MAX_NESTING_DEPTH));
      expect(
        ok.errors.map((e) => e.code),
        kind,
      ).not.toContain('NESTING_TOO_DEEP');
      const deep = loadYaml(make(MAX_NESTING_DEPTH + 1));
      expect(
        deep.errors.map((e) => e.code),
        kind,
      ).toContain('NESTING_TOO_DEEP');
      expect(deep.root, kind).toBeNull();
    }
  });

  it('shallow documents with many indicators load', () => {
    const text = `version: 0.0\nos: linux\nfiles:\n${'  - {source: "a-b", destination: "[c]"}\n'.repeat(300)}`;
    const r = loadYaml(text);
    expect(r.errors).toEqual([]);
    expect(r.root).not.toBeNull();
  });
});

describe('resolveAgentPlain: digit spellings', () => {
  it('resolves digits and digits.digits like the full YAML 1.1 rules', () => {
    expect(resolveAgentPlain('300')).toEqual({ kind: 'int', value: 300 });
    expect(resolveAgentPlain('0')).toEqual({ kind: 'int', value: 0 });
    expect(resolveAgentPlain('0644')).toEqual({ kind: 'int', value: 420 });
    expect(resolveAgentPlain('00')).toEqual({ kind: 'int', value: 0 });
    expect(resolveAgentPlain('09')).toEqual({ kind: 'string', value: '09' });
    expect(resolveAgentPlain('0778')).toEqual({ kind: 'string', value: '0778' });
    expect(resolveAgentPlain('0.0')).toEqual({ kind: 'float', value: 0 });
    expect(resolveAgentPlain('01.50')).toEqual({ kind: 'float', value: 1.5 });
    expect(resolveAgentPlain('1.')).toEqual({ kind: 'float', value: 1 });
    expect(resolveAgentPlain('.5')).toEqual({ kind: 'float', value: 0.5 });
    expect(resolveAgentPlain('1.2.3')).toEqual({ kind: 'string', value: '1.2.3' });
    expect(resolveAgentPlain('1_000')).toEqual({ kind: 'int', value: 1000 });
    expect(resolveAgentPlain('12345678901234567890').kind).toBe('int');
  });
});

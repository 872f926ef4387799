import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agentText,
  resolveAgentPlain,
  resolveCorePlain,
  resolveScalar,
  rubyFloatText,
} from '../../../src/appspec/parse/resolve.js';

// spec/appspec.md §2.2, row by row.
const AGENT: [string, string, unknown, string][] = [
  // [written, kind, value, agent text]
  ['', 'null', null, ''],
  ['~', 'null', null, ''],
  ['null', 'null', null, ''],
  ['NULL', 'null', null, ''],
  ['Null', 'null', null, ''],
  ['yes', 'bool', true, 'true'],
  ['Yes', 'bool', true, 'true'],
  ['TRUE', 'bool', true, 'true'],
  ['on', 'bool', true, 'true'],
  ['no', 'bool', false, 'false'],
  ['off', 'bool', false, 'false'],
  ['False', 'bool', false, 'false'],
  ['y', 'string', 'y', 'y'],
  ['n', 'string', 'n', 'n'],
  ['Y', 'string', 'Y', 'Y'],
  ['N', 'string', 'N', 'N'],
  ['nope', 'string', 'nope', 'nope'],
  ['truee', 'string', 'truee', 'truee'],
  ['linux', 'string', 'linux', 'linux'],
  ['2020-01-01', 'date', '2020-01-01', '2020-01-01'],
  ['2020-1-5', 'date', '2020-1-5', '2020-01-05'],
  ['2020-02-30', 'string', '2020-02-30', '2020-02-30'],
  ['2020-13-01', 'string', '2020-13-01', '2020-13-01'],
  ['2024-02-29', 'date', '2024-02-29', '2024-02-29'],
  ['2023-02-29', 'string', '2023-02-29', '2023-02-29'],
  ['2020-01-01T10:00:00Z', 'timestamp', '2020-01-01T10:00:00Z', '2020-01-01T10:00:00Z'],
  ['2020-01-01 10:00:00.5 +01:00', 'timestamp', '2020-01-01 10:00:00.5 +01:00', '2020-01-01 10:00:00.5 +01:00'],
  ['2020-01-01T99:00:00', 'string', '2020-01-01T99:00:00', '2020-01-01T99:00:00'],
  ['.inf', 'float', Number.POSITIVE_INFINITY, 'Infinity'],
  ['+.INF', 'float', Number.POSITIVE_INFINITY, 'Infinity'],
  ['-.Inf', 'float', Number.NEGATIVE_INFINITY, '-Infinity'],
  ['.nan', 'float', Number.NaN, 'NaN'],
  [':sym', 'symbol', 'sym', 'sym'],
  [':"quoted sym"', 'symbol', 'quoted sym', 'quoted sym'],
  ['::x', 'symbol', ':x', ':x'],
  [':', 'string', ':', ':'],
  ['1:30', 'int', 5400, '5400'],
  ['1:02:03', 'int', 3723, '3723'],
  ['-1:30', 'int', -1800, '-1800'],
  ['1:30.5', 'float', 5430, '5430.0'],
  ['1:60', 'string', '1:60', '1:60'],
  ['0.0', 'float', 0, '0.0'],
  ['.0', 'float', 0, '0.0'],
  ['0.', 'float', 0, '0.0'],
  ['-0.0', 'float', -0, '-0.0'],
  ['0.00', 'float', 0, '0.0'],
  ['1.0', 'float', 1, '1.0'],
  ['1.10', 'float', 1.1, '1.1'],
  ['1.9', 'float', 1.9, '1.9'],
  ['1.0e+3', 'float', 1000, '1000.0'],
  ['1.e+3', 'float', 1000, '1000.0'],
  ['1_000.5', 'float', 1000.5, '1000.5'],
  ['1e3', 'string', '1e3', '1e3'],
  ['0e0', 'string', '0e0', '0e0'],
  ['1.0e3', 'string', '1.0e3', '1.0e3'],
  ['.', 'string', '.', '.'],
  ['-.', 'string', '-.', '-.'],
  ['+.', 'string', '+.', '+.'],
  ['0', 'int', 0, '0'],
  ['00', 'int', 0, '0'],
  ['0644', 'int', 420, '420'],
  ['0755', 'int', 493, '493'],
  ['0600', 'int', 384, '384'],
  ['09', 'string', '09', '09'],
  ['08', 'string', '08', '08'],
  ['0o755', 'string', '0o755', '0o755'],
  ['0x1f', 'int', 31, '31'],
  ['-0x1f', 'int', -31, '-31'],
  ['0b11', 'int', 3, '3'],
  ['1,000', 'int', 1000, '1000'],
  ['1_000', 'int', 1000, '1000'],
  ['+5', 'int', 5, '5'],
  ['-12', 'int', -12, '-12'],
  ['300', 'int', 300, '300'],
  ['300s', 'string', '300s', '300s'],
  ['5m', 'string', '5m', '5m'],
  ['1 2', 'string', '1 2', '1 2'],
  ['a.sh', 'string', 'a.sh', 'a.sh'],
  ['/', 'string', '/', '/'],
  ['scripts/start.sh --flag', 'string', 'scripts/start.sh --flag', 'scripts/start.sh --flag'],
  ['yes\nno', 'string', 'yes\nno', 'yes\nno'],
];

describe('resolveAgentPlain (§2.2)', () => {
  for (const [written, kind, value, text] of AGENT) {
    it(`${JSON.stringify(written)} → ${kind} ${String(value)}`, () => {
      const r = resolveAgentPlain(written);
      expect(r.kind).toBe(kind);
      if (typeof value === 'number' && Number.isNaN(value)) expect(Number.isNaN(r.value)).toBe(true);
      else expect(r.value).toEqual(value);
      expect(agentText(r)).toBe(text);
    });
  }

  it('never throws and always returns a known kind', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const r = resolveAgentPlain(s);
        return ['null', 'bool', 'int', 'float', 'string', 'symbol', 'date', 'timestamp'].includes(r.kind);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads every decimal integer as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (n) => resolveAgentPlain(String(n)).value === n),
      { numRuns: 500 },
    );
  });
});

describe('resolveCorePlain (YAML 1.2 core)', () => {
  const CORE: [string, string, unknown][] = [
    ['', 'null', null],
    ['~', 'null', null],
    ['Null', 'null', null],
    ['true', 'bool', true],
    ['FALSE', 'bool', false],
    ['yes', 'string', 'yes'],
    ['0644', 'int', 644],
    ['0o17', 'int', 15],
    ['0x1F', 'int', 31],
    ['0.0', 'float', 0],
    ['1e3', 'float', 1000],
    ['.5', 'float', 0.5],
    ['.inf', 'float', Number.POSITIVE_INFINITY],
    ['+.Inf', 'float', Number.POSITIVE_INFINITY],
    ['-.INF', 'float', Number.NEGATIVE_INFINITY],
    ['1:30', 'string', '1:30'],
    ['1,000', 'string', '1,000'],
    ['80', 'int', 80],
  ];
  for (const [written, kind, value] of CORE) {
    it(`${JSON.stringify(written)} → ${kind}`, () => {
      const r = resolveCorePlain(written);
      expect(r.kind).toBe(kind);
      expect(r.value).toEqual(value);
    });
  }
  it('.nan', () => {
    const r = resolveCorePlain('.NaN');
    expect(r.kind).toBe('float');
    expect(Number.isNaN(r.value)).toBe(true);
  });
});

describe('rubyFloatText', () => {
  it.each([
    [1, '1.0'],
    [1.5, '1.5'],
    [-2, '-2.0'],
    [0, '0.0'],
    [1e16, '1.0e+16'],
    [1.5e20, '1.5e+20'],
    [0.00001, '1.0e-05'],
    [0.0001, '0.0001'],
    [1e-300, '1.0e-300'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
  ])('%d → %s', (n, s) => {
    expect(rubyFloatText(n)).toBe(s);
  });
});

describe('resolveScalar', () => {
  it('quoted and block scalars are strings', () => {
    expect(resolveScalar('0644', '"0644"', 'QUOTE_DOUBLE', null, 'agent')).toMatchObject({
      kind: 'string',
      value: '0644',
      style: 'double-quoted',
      source: '"0644"',
    });
    expect(resolveScalar('yes', "'yes'", 'QUOTE_SINGLE', null, 'agent').style).toBe('single-quoted');
    expect(resolveScalar('a\n', '|\n  a\n', 'BLOCK_LITERAL', null, 'agent')).toMatchObject({
      kind: 'string',
      style: 'literal',
    });
    expect(resolveScalar('a\n', '>\n  a\n', 'BLOCK_FOLDED', null, 'agent').style).toBe('folded');
  });

  it('explicit core tags win', () => {
    expect(resolveScalar('0644', '!!str 0644', 'PLAIN', 'tag:yaml.org,2002:str', 'agent').kind).toBe('string');
    expect(resolveScalar('12', '!!int "12"', 'QUOTE_DOUBLE', 'tag:yaml.org,2002:int', 'agent').value).toBe(12);
    expect(resolveScalar('x', '!!int x', 'PLAIN', 'tag:yaml.org,2002:int', 'agent').kind).toBe('string');
    expect(resolveScalar('3', '!!float 3', 'PLAIN', 'tag:yaml.org,2002:float', 'agent')).toMatchObject({
      kind: 'float',
      value: 3,
    });
    expect(resolveScalar('1.5', '!!float 1.5', 'PLAIN', 'tag:yaml.org,2002:float', 'agent').value).toBe(1.5);
    expect(resolveScalar('x', '!!float x', 'PLAIN', 'tag:yaml.org,2002:float', 'agent').kind).toBe('string');
    expect(resolveScalar('yes', '!!bool yes', 'PLAIN', 'tag:yaml.org,2002:bool', 'agent').value).toBe(true);
    expect(resolveScalar('x', '!!bool x', 'PLAIN', 'tag:yaml.org,2002:bool', 'agent').kind).toBe('string');
    expect(resolveScalar('x', '!!null x', 'PLAIN', 'tag:yaml.org,2002:null', 'agent').kind).toBe('null');
    expect(resolveScalar('yes', '!Ref yes', 'PLAIN', '!Ref', 'agent')).toMatchObject({ kind: 'bool', tag: '!Ref' });
    expect(resolveScalar('1', '!!binary 1', 'PLAIN', 'tag:yaml.org,2002:binary', 'agent').kind).toBe('int');
  });

  it('core dialect keeps the spelling of numbers as their text', () => {
    expect(resolveScalar('0.0', '0.0', 'PLAIN', null, 'core')).toMatchObject({ kind: 'float', value: 0, text: '0.0' });
    expect(resolveScalar('80', '80', 'PLAIN', null, 'core').text).toBe('80');
    expect(resolveScalar('.inf', '.inf', 'PLAIN', null, 'core').text).toBe('Infinity');
  });
});

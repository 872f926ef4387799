import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  childPointer,
  escapePointerToken,
  getEntry,
  type JsonNode,
  parseJsonText,
  toPlainValue,
  walkJsonValue,
} from '../../../src/iam/policy/json.js';

function root(text: string): JsonNode {
  const r = parseJsonText(text);
  expect(r.problems.filter((p) => p.code === 'json-invalid')).toEqual([]);
  if (!r.root) throw new Error('no root');
  return r.root;
}

describe('parseJsonText', () => {
  it('keeps offsets of keys and values and pointers', () => {
    const r = root('{"a": [1, "x"], "b/c~": {"d": true}}');
    expect(r).toMatchObject({ type: 'object', start: 0, end: 36, pointer: '' });
    if (r.type !== 'object') return;
    const a = r.entries[0];
    expect(a).toMatchObject({ key: 'a', keyStart: 1, keyEnd: 4 });
    expect(a?.value).toMatchObject({ type: 'array', start: 6, end: 14, pointer: '/a' });
    const b = getEntry(r, 'b/c~');
    expect(b?.value.pointer).toBe('/b~1c~0');
    if (b?.value.type !== 'object') throw new Error('object expected');
    expect(b.value.entries[0]?.value).toMatchObject({ type: 'boolean', value: true, pointer: '/b~1c~0/d' });
    expect(getEntry(r, 'zz')).toBeUndefined();
  });

  it('keeps number source text', () => {
    const r = root('[1.50, -0, 1e3, 10]');
    if (r.type !== 'array') throw new Error('array expected');
    expect(r.items.map((i) => (i.type === 'number' ? i.text : ''))).toEqual(['1.50', '-0', '1e3', '10']);
    expect(r.items[2]).toMatchObject({ value: 1000 });
  });

  it('decodes escapes', () => {
    const r = root('"a\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9z"');
    expect(r).toMatchObject({ type: 'string', value: 'a"\\/\b\f\n\r\tAéz' });
  });

  it('reads scalars, empty containers and whitespace', () => {
    expect(root(' \t\r\n null ')).toMatchObject({ type: 'null', start: 5, end: 9 });
    expect(root('false')).toMatchObject({ type: 'boolean', value: false });
    expect(root('{}')).toMatchObject({ type: 'object', entries: [] });
    expect(root('[ ]')).toMatchObject({ type: 'array', items: [] });
    expect(root('[[],{}]')).toMatchObject({ type: 'array' });
  });

  it('reports duplicate keys with the first occurrence', () => {
    const r = parseJsonText('{"a":1,"b":{"x":1,"x":2},"a":3}');
    expect(r.root).toBeDefined();
    expect(r.problems.map((p) => [p.code, p.pointer, p.start])).toEqual([
      ['json-duplicate-key', '/b/x', 18],
      ['json-duplicate-key', '/a', 25],
    ]);
    expect(r.problems[1]?.related).toMatchObject({ start: 1, end: 4 });
    if (r.root?.type === 'object') expect(r.root.entries).toHaveLength(3);
  });

  it.each([
    ['', 0],
    ['{', 1],
    ['{"a"', 4],
    ['{"a":}', 5],
    ['{"a":1,}', 7],
    ['[1,]', 3],
    ['[1 2]', 3],
    ['{"a" 1}', 5],
    ['{a:1}', 1],
    ['"abc', 0],
    ['"a\nb"', 2],
    ['"\\x"', 1],
    ['"\\u12G4"', 1],
    ['01', 1],
    ['-', 1],
    ['1.', 2],
    ['1e', 2],
    ['.5', 0],
    ['tru', 0],
    ['nul', 0],
    ['{} x', 3],
    ['NaN', 0],
    ['\ufeff{}', 0],
    ["{'a':1}", 1],
  ])('reports %j as json-invalid at offset %i', (text, offset) => {
    const r = parseJsonText(text);
    expect(r.root).toBeUndefined();
    const p = r.problems.find((x) => x.code === 'json-invalid');
    expect(p?.start).toBe(offset);
    expect(p?.message).toMatch(/^Invalid JSON: /);
  });

  it('bounds nesting depth without recursion', () => {
    const start = performance.now();
    const r = parseJsonText('['.repeat(100_000));
    expect(r.problems[0]).toMatchObject({ code: 'json-invalid', start: 256 });
    expect(parseJsonText('{"a":'.repeat(100_000)).problems[0]?.message).toMatch(/deeper/);
    expect(parseJsonText('[[1]]', { maxDepth: 1 }).root).toBeUndefined();
    expect(parseJsonText(`${'['.repeat(256)}${']'.repeat(256)}`).root).toBeDefined();
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('parses a 5 MB document in bounded time', () => {
    const text = `[${'"abcdefgh",'.repeat(460_000)}"x"]`;
    expect(text.length).toBeGreaterThan(5_000_000);
    const start = performance.now();
    const r = parseJsonText(text);
    expect(r.root?.type).toBe('array');
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('never puts __proto__ or constructor on a prototype', () => {
    const r = root('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}');
    const plain = toPlainValue(r) as Record<string, unknown>;
    expect(Object.getPrototypeOf(plain)).toBeNull();
    expect(Object.hasOwn(plain, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(plain)).toEqual(['__proto__', 'constructor']);
  });

  it('agrees with JSON.parse on random JSON and never throws on random text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v, null, 1);
        const r = parseJsonText(text);
        expect(r.problems).toEqual([]);
        expect(JSON.stringify(toPlainValue(r.root as JsonNode))).toBe(JSON.stringify(JSON.parse(text)));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(
        fc.string({
          maxLength: 30,
          unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '1', 'a', ' ', '\\', '-', 'e', '.'),
        }),
        (s) => {
          let ok = true;
          try {
            JSON.parse(s);
          } catch {
            ok = false;
          }
          const r = parseJsonText(s);
          expect(r.root !== undefined).toBe(ok);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('walkJsonValue', () => {
  it('gives the same shape without offsets', () => {
    const r = walkJsonValue({ a: [1, 'x', true, null], 'b/c': {} });
    expect(r.problems).toEqual([]);
    expect(r.root).toEqual({
      type: 'object',
      pointer: '',
      entries: [
        {
          key: 'a',
          value: {
            type: 'array',
            pointer: '/a',
            items: [
              { type: 'number', pointer: '/a/0', text: '1', value: 1 },
              { type: 'string', pointer: '/a/1', value: 'x' },
              { type: 'boolean', pointer: '/a/2', value: true },
              { type: 'null', pointer: '/a/3' },
            ],
          },
        },
        { key: 'b/c', value: { type: 'object', pointer: '/b~1c', entries: [] } },
      ],
    });
  });

  it('marks values JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const getter = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    const r = walkJsonValue({
      u: undefined,
      f: () => 1,
      n: Number.NaN,
      i: Number.POSITIVE_INFINITY,
      s: Symbol('x'),
      b: 1n,
      d: new Date(0),
      m: new Map(),
      c: cyclic,
      g: getter,
      // biome-ignore lint/suspicious/noSparseArray: a hole is the case under test.
      h: [1, , 2],
    });
    const byPointer = Object.fromEntries(r.problems.map((p) => [p.pointer, p.message]));
    expect(Object.keys(byPointer).sort()).toEqual(
      ['/b', '/c/self', '/d', '/f', '/g', '/h/1', '/i', '/m', '/n', '/s', '/u'].sort(),
    );
    expect(byPointer['/u']).toBe('undefined is not a JSON value.');
    expect(byPointer['/c/self']).toMatch(/circular/);
    for (const p of r.problems) expect(p.code).toBe('value-type-invalid');
  });

  it('refuses a huge sparse array whole instead of walking its holes', () => {
    const r = walkJsonValue({ Statement: new Array(2 ** 32 - 1) });
    expect(r.problems).toEqual([
      { code: 'value-type-invalid', message: 'A sparse array is not a JSON value.', pointer: '/Statement' },
    ]);
    const dense = walkJsonValue(new Array(2000).fill(1));
    expect(dense.problems).toEqual([]);
    expect(dense.root?.type === 'array' && dense.root.items.length).toBe(2000);
  });

  it('allows shared (non-cyclic) references and null-prototype objects', () => {
    const shared = { x: 1 };
    const nullProto = Object.assign(Object.create(null) as object, { y: 2 });
    const r = walkJsonValue({ a: shared, b: shared, c: nullProto });
    expect(r.problems).toEqual([]);
  });

  it('reads own __proto__ keys as data', () => {
    const v = JSON.parse('{"__proto__": {"x": 1}}');
    const r = walkJsonValue(v);
    expect(r.root?.type === 'object' && r.root.entries[0]?.key).toBe('__proto__');
  });

  it('bounds depth', () => {
    let deep: unknown = 1;
    for (let k = 0; k < 10_000; k++) deep = [deep];
    const r = walkJsonValue(deep);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.code).toBe('json-invalid');
  });

  it('escapes pointer tokens', () => {
    expect(escapePointerToken('a~/b')).toBe('a~0~1b');
    expect(escapePointerToken('plain')).toBe('plain');
    expect(childPointer('/x', 3)).toBe('/x/3');
    expect(toPlainValue({ type: 'invalid', pointer: '', description: 'x' })).toBeUndefined();
  });
});

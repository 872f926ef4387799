import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { START_RANGE } from '../../../src/diagnostics/line-index.js';
import {
  isAllowedPolicyChar,
  isPolicy,
  isValidSid,
  parsePolicy,
  parsePolicyDetailed,
} from '../../../src/iam/policy/parse.js';
import type { Policy } from '../../../src/iam/policy/types.js';

const V = '2012-10-17';

function must(input: string | object, type?: Parameters<typeof parsePolicy>[1]): Policy {
  const r = parsePolicy(input, type);
  expect(r.diagnostics).toEqual([]);
  if (!r.policy) throw new Error('no policy');
  return r.policy;
}

function deepFrozen(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return true;
  if (!Object.isFrozen(v)) return false;
  return Object.values(v).every(deepFrozen);
}

describe('parsePolicy: normalisation (§1.4)', () => {
  it('turns single values into arrays and keeps locations (N1, N5)', () => {
    const text = `{"Version":"${V}","Statement":{"Sid":"S","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}`;
    const p = must(text, { type: 'identity', id: 'p1' });
    expect(p).toMatchObject({ kind: 'iamspec.policy', id: 'p1', type: 'identity', version: V, variablesEnabled: true });
    const st = p.statements[0];
    expect(st).toMatchObject({ index: 0, sid: 'S', effect: 'Allow', pointer: '/Statement' });
    expect(st?.action?.map((a) => a.value)).toEqual(['s3:GetObject']);
    expect(st?.action?.[0]?.pointer).toBe('/Statement/Action');
    const r = st?.action?.[0]?.range;
    expect(text.slice(r?.start.offset, r?.end.offset)).toBe('"s3:GetObject"');
    expect(p.text).toBe(text);
    expect(deepFrozen(p)).toBe(true);
  });

  it('normalises "*" principals and principal maps (N2)', () => {
    const p = must(
      {
        Statement: [
          { Effect: 'Allow', Principal: '*', Action: '*' },
          { Effect: 'Deny', Principal: { AWS: ['1', '2'], Service: 's.amazonaws.com' }, Action: '*' },
        ],
      },
      { type: 'resource' },
    );
    expect(p.statements[0]?.principal).toMatchObject({
      star: true,
      entries: [{ kind: 'AWS', values: [{ value: '*' }] }],
    });
    expect(p.statements[1]?.principal?.entries.map((e) => [e.kind, e.values.map((v) => v.value)])).toEqual([
      ['AWS', ['1', '2']],
      ['Service', ['s.amazonaws.com']],
    ]);
    expect(p.statements[0]?.principal?.range).toBeUndefined();
  });

  it('keeps number source text and stringifies booleans in conditions (N3)', () => {
    const p = must(
      `{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"k":[10, 1.50]},"ForAnyValue:StringLikeIfExists":{"b":true}}}]}`,
    );
    const c = p.statements[0]?.condition ?? [];
    expect(
      c.map((e) => [e.operator, e.baseOperator, e.setOperator, e.ifExists, e.key, e.values.map((v) => v.value)]),
    ).toEqual([
      ['NumericLessThan', 'NumericLessThan', undefined, false, 'k', ['10', '1.50']],
      ['ForAnyValue:StringLikeIfExists', 'StringLike', 'ForAnyValue', true, 'b', ['true']],
    ]);
    expect(c[0]?.known).toBe(true);
    expect(c[0]?.operatorLocation.pointer).toBe('/Statement/0/Condition/NumericLessThan');
    expect(c[0]?.keyLocation.range?.start.offset).toBeGreaterThan(0);
  });

  it('keeps empty arrays (N4)', () => {
    const r = parsePolicy({ Statement: [{ Effect: 'Deny', NotAction: [], Resource: [] }] }, { type: 'identity' });
    expect(r.policy?.statements[0]?.notAction).toEqual([]);
    expect(r.policy?.statements[0]?.resource).toEqual([]);
  });

  it('derives variablesEnabled from Version only (N6)', () => {
    expect(must({ Version: '2008-10-17', Statement: { Effect: 'Deny', Action: '*' } }).variablesEnabled).toBe(false);
    expect(must({ Statement: { Effect: 'Deny', Action: '*' } }).variablesEnabled).toBe(false);
  });

  it('gives deep-equal output for the same input', () => {
    const text = `{"Version":"${V}","Id":"x","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}`;
    expect(parsePolicy(text)).toEqual(parsePolicy(text));
    expect(parsePolicy(text).policy?.policyId).toBe('x');
  });

  it('passes a parsed policy through', () => {
    const p = must({ Statement: { Effect: 'Deny', Action: '*' } });
    expect(parsePolicy(p).policy).toBe(p);
    expect(isPolicy(p)).toBe(true);
    expect(isPolicy({ kind: 'other' })).toBe(false);
    expect(isPolicy(null)).toBe(false);
  });
});

describe('parsePolicy: strict and lenient', () => {
  const bad = `{"Version":"${V}","Statement":[{"Effect":"allow","Action":"s3:GetObject","Resource":"*"},{"Effect":"Maybe","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"*","Resource":"*","Extra":1}]}`;

  it('strict mode returns no policy on errors', () => {
    const r = parsePolicy(bad, { type: 'identity' });
    expect(r.policy).toBeUndefined();
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['effect-invalid', 'effect-invalid', 'element-unknown']);
  });

  it('lenient mode builds what it can and keeps statement indices', () => {
    const r = parsePolicy(bad, { type: 'identity', strict: false });
    expect(r.policy?.statements.map((s) => [s.index, s.effect])).toEqual([
      [0, 'Allow'],
      [2, 'Deny'],
    ]);
    expect(r.diagnostics[0]?.suggestions).toEqual(['Allow']);
  });

  it('warnings do not fail strict parsing', () => {
    const r = parsePolicy(
      { Statement: [{ Sid: 'a-b', Effect: 'Deny', Principal: '*', Action: '*' }] },
      { type: 'resource' },
    );
    expect(r.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['sid-invalid', 'warning']]);
    expect(r.policy).toBeDefined();
  });
});

describe('parsePolicy: positions', () => {
  const at = (text: string, ruleId: string): string => {
    const d = parsePolicy(text, { type: 'identity', strict: false }).diagnostics.find((x) => x.ruleId === ruleId);
    expect(d, ruleId).toBeDefined();
    return text.slice(d?.range.start.offset, d?.range.end.offset);
  };

  it('points at the offending key or value', () => {
    const t = `{"Version":"2099-01-01","Bogus":1,"Statement":[{"Sid":"a b","Effect":"allow","Action":"*","Resource":"*","Condition":{"Foo":{"k":"v"},"NullIfExists":{"k":"true"}},"Principal":"*"}]}`;
    expect(at(t, 'version-invalid')).toBe('"2099-01-01"');
    expect(at(t, 'element-unknown')).toBe('"Bogus"');
    expect(at(t, 'sid-invalid')).toBe('"a b"');
    expect(at(t, 'effect-invalid')).toBe('"allow"');
    expect(at(t, 'condition-operator-unknown')).toBe('"Foo"');
    expect(at(t, 'null-with-ifexists')).toBe('"NullIfExists"');
    expect(at(t, 'principal-in-identity-policy')).toBe('"Principal"');
    expect(at('{"a":1,"a":2}', 'json-duplicate-key')).toBe('"a"');
    expect(
      at('{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","NotResource":"x"}]}', 'resource-missing'),
    ).toBe('"NotResource"');
    expect(at('{"Statement":[{"Effect":"Allow","Action":7,"Resource":"*"}]}', 'value-type-invalid')).toBe('7');
    expect(at('{"Statement":[{"Effect":"Allow","Resource":"*"}]}', 'action-missing').startsWith('{"Effect"')).toBe(
      true,
    );
  });

  it('reports line and column', () => {
    const d = parsePolicy('{\n  "Statement": [\n    {"Effect": "Alow"}\n  ]\n}', { strict: false }).diagnostics.find(
      (x) => x.ruleId === 'effect-invalid',
    );
    expect(d?.range.start).toMatchObject({ line: 3, column: 16 });
    expect(d?.pointer).toBe('/Statement/0/Effect');
  });

  it('uses pointers and START_RANGE for object input', () => {
    const r = parsePolicy({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Nope: 1 }] }, { strict: false });
    expect(r.diagnostics[0]).toMatchObject({
      ruleId: 'element-unknown',
      pointer: '/Statement/0/Nope',
      range: START_RANGE,
    });
    expect(r.diagnostics[0]?.suggestions).toBeUndefined();
  });

  it('suggests element names', () => {
    const r = parsePolicy({ Statement: [{ effect: 'Allow', Action: '*', Resource: '*' }] }, { strict: false });
    const d = r.diagnostics.find((x) => x.ruleId === 'element-unknown');
    expect(d?.suggestions).toEqual(['Effect']);
    const op = parsePolicy(
      {
        Statement: [
          { Effect: 'Allow', Action: '*', Resource: '*', Condition: { 'ForAnyValue:StringEqualIfExists': { k: 'v' } } },
        ],
      },
      { strict: false },
    );
    expect(op.diagnostics[0]?.suggestions).toEqual(['ForAnyValue:StringEqualsIfExists']);
  });
});

describe('parsePolicy: hostile input', () => {
  it('never lets __proto__ or constructor reach a prototype', () => {
    const text = `{"Version":"${V}","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"__proto__":"x","constructor":"y"}},"__proto__":{"polluted":1}}]}`;
    const r = parsePolicy(text, { strict: false });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.policy?.statements[0]?.condition?.map((c) => c.key)).toEqual(['__proto__', 'constructor']);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['element-unknown']);
    const obj = JSON.parse(text);
    expect(parsePolicy(obj, { strict: false }).policy?.statements[0]?.condition?.[0]?.key).toBe('__proto__');
  });

  it('handles 10,000 statements', () => {
    const statements = Array.from({ length: 10_000 }, (_, i) => ({
      Sid: `S${i}`,
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::b${i}/*`,
    }));
    const text = JSON.stringify({ Version: V, Statement: statements });
    const start = performance.now();
    const r = parsePolicy(text, { type: 'identity' });
    expect(r.policy?.statements).toHaveLength(10_000);
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('bounds invalid-character findings', () => {
    const r = parsePolicy(`{"Sid":"${'\u2013a'.repeat(1000)}"}`, { strict: false });
    expect(r.diagnostics.filter((d) => d.ruleId === 'invalid-character')).toHaveLength(20);
    const o = parsePolicy({ Statement: Array.from({ length: 50 }, () => ({ Sid: '\u2013' })) }, { strict: false });
    expect(o.diagnostics.filter((d) => d.ruleId === 'invalid-character')).toHaveLength(20);
  });

  it('handles cycles, undefined and deep nesting in objects', () => {
    const cyclic: Record<string, unknown> = { Effect: 'Allow', Action: '*', Resource: '*' };
    cyclic.Condition = { StringEquals: { k: cyclic } };
    const r = parsePolicy({ Statement: [cyclic, undefined] }, { strict: false });
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['value-type-invalid', 'value-type-invalid']);
    let deep: unknown = 'x';
    for (let k = 0; k < 5000; k++) deep = [deep];
    expect(parsePolicy({ Statement: deep }, { strict: false }).diagnostics[0]?.ruleId).toBe('json-invalid');
    expect(parsePolicy('['.repeat(100_000)).diagnostics[0]?.ruleId).toBe('json-invalid');
  });

  it('never throws on random JSON values, texts and strings', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const a = parsePolicy(v as object, { strict: false, type: 'resource' });
        const b = parsePolicy(JSON.stringify(v), { strict: false, type: 'resource' });
        expect(a.diagnostics.map((d) => d.ruleId).sort()).toEqual(b.diagnostics.map((d) => d.ruleId).sort());
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        expect(Array.isArray(parsePolicy(s).diagnostics)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('helpers', () => {
  it('checks Sids and characters', () => {
    expect(isValidSid('')).toBe(true);
    expect(isValidSid('Abc09')).toBe(true);
    expect(isValidSid('a_b')).toBe(false);
    expect(isAllowedPolicyChar(9)).toBe(true);
    expect(isAllowedPolicyChar(0xff)).toBe(true);
    expect(isAllowedPolicyChar(0x100)).toBe(false);
    expect(isAllowedPolicyChar(0)).toBe(false);
  });

  it('parsePolicyDetailed exposes the tree and line index', () => {
    const d = parsePolicyDetailed('{"Statement":{"Effect":"Deny","Action":"*"}}');
    expect(d.tree?.type).toBe('object');
    expect(d.lines?.lineCount).toBe(1);
    expect(d.text).toBeDefined();
  });
});

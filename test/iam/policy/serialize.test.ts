import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../src/iam/policy/parse.js';
import { serializePolicy } from '../../../src/iam/policy/serialize.js';
import { POLICY_TYPES } from '../../../src/iam/policy/types.js';

const str = fc.oneof(
  fc.constantFrom('*', 's3:GetObject', 'arn:aws:s3:::b/*', '111122223333', '__proto__', 'constructor'),
  fc.string({ maxLength: 8 }),
);
const list = fc.oneof(str, fc.array(str, { maxLength: 3 }));
const condValue = fc.oneof(
  str,
  fc.integer().map((n) => n),
  fc.boolean(),
  fc.constant(1.5),
);
const operator = fc.constantFrom(
  'StringEquals',
  'stringlike',
  'ForAnyValue:StringEqualsIfExists',
  'NumericLessThan',
  'Null',
  'NullIfExists',
  'Bogus',
  '__proto__',
);
const condition = fc.dictionary(
  operator,
  fc.dictionary(str, fc.oneof(condValue, fc.array(condValue, { maxLength: 3 })), { maxKeys: 3 }),
  { maxKeys: 3 },
);
const principal = fc.oneof(
  fc.constant('*'),
  fc.record({ AWS: list, Service: list }, { requiredKeys: [] }),
  fc.record({ Federated: list, CanonicalUser: list }, { requiredKeys: [] }),
);
const statement = fc.record(
  {
    Sid: fc.oneof(fc.constantFrom('S1', 'S2', 'bad sid'), fc.string({ maxLength: 5 })),
    Effect: fc.constantFrom('Allow', 'Deny', 'allow', 'Nope'),
    Principal: principal,
    NotPrincipal: principal,
    Action: list,
    NotAction: list,
    Resource: list,
    NotResource: list,
    Condition: condition,
  },
  { requiredKeys: ['Effect'] },
);
const policyDoc = fc.record(
  {
    Version: fc.constantFrom('2012-10-17', '2008-10-17', 'bad'),
    Id: str,
    Statement: fc.oneof(statement, fc.array(statement, { maxLength: 4 })),
  },
  { requiredKeys: ['Statement'] },
);

describe('serializePolicy', () => {
  it('writes the canonical form', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Id: 'x',
      Statement: {
        Sid: 'S',
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::b/*',
        Condition: { NumericLessThan: { k: 1.5 }, Bool: { b: true } },
      },
    });
    const p = parsePolicy(text, { type: 'resource' }).policy;
    expect(p && serializePolicy(p)).toEqual({
      Version: '2012-10-17',
      Id: 'x',
      Statement: [
        {
          Sid: 'S',
          Effect: 'Allow',
          Principal: '*',
          Action: ['s3:GetObject'],
          Resource: ['arn:aws:s3:::b/*'],
          Condition: { NumericLessThan: { k: ['1.5'] }, Bool: { b: ['true'] } },
        },
      ],
    });
  });

  it('keeps NotPrincipal, NotAction, NotResource and __proto__ condition keys as own data', () => {
    const p = parsePolicy({
      Statement: [
        {
          Effect: 'Deny',
          NotPrincipal: { AWS: ['1'], Service: 's' },
          NotAction: 'a:b',
          NotResource: [],
          Condition: JSON.parse('{"StringEquals":{"__proto__":"x"}}'),
        },
      ],
    }).policy;
    expect(p).toBeDefined();
    if (!p) return;
    const s = serializePolicy(p);
    const st = s.Statement[0] as Record<string, unknown>;
    expect(st.NotPrincipal).toEqual({ AWS: ['1'], Service: ['s'] });
    expect(st.NotAction).toEqual(['a:b']);
    expect(st.NotResource).toEqual([]);
    const cond = (st.Condition as Record<string, Record<string, unknown>>).StringEquals as object;
    expect(Object.hasOwn(cond, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(cond)).toBe(Object.prototype);
    expect(JSON.stringify(s)).toContain('"__proto__":["x"]');
  });

  it('parse → serialise → parse gives an equal policy (random documents, every type)', () => {
    fc.assert(
      fc.property(policyDoc, fc.constantFrom(...POLICY_TYPES), (doc, type) => {
        const first = parsePolicy(doc, { type, strict: false }).policy;
        expect(first).toBeDefined();
        if (!first) return;
        const s1 = serializePolicy(first);
        const second = parsePolicy(JSON.parse(JSON.stringify(s1)), { type, strict: false }).policy;
        expect(second).toBeDefined();
        if (!second) return;
        expect(serializePolicy(second)).toEqual(s1);
        expect(second.statements.map((s) => [s.effect, s.sid])).toEqual(first.statements.map((s) => [s.effect, s.sid]));
        expect(second.variablesEnabled).toBe(first.variablesEnabled);
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips valid policies in strict mode', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ Effect: fc.constantFrom('Allow', 'Deny'), Action: list, Resource: list }), {
          minLength: 1,
          maxLength: 4,
        }),
        (statements) => {
          const p = parsePolicy({ Version: '2012-10-17', Statement: statements }, { type: 'identity' });
          if (!p.policy) return; // e.g. an item of an invalid type
          const again = parsePolicy(JSON.stringify(serializePolicy(p.policy)), { type: 'identity' });
          expect(again.diagnostics).toEqual([]);
          expect(again.policy && serializePolicy(again.policy)).toEqual(serializePolicy(p.policy));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('serializePolicy of a value that is not a policy', () => {
  it('returns an empty policy, and leaves out statements that are not objects', () => {
    const loose = serializePolicy as (policy: unknown) => unknown;
    for (const v of [undefined, null, 0, 'x', {}, { statements: 'x' }]) expect(loose(v)).toEqual({ Statement: [] });
    const parsed = parsePolicy(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}',
    );
    const policy = parsed.policy;
    expect(policy).toBeDefined();
    if (!policy) return;
    const withJunk = { ...policy, statements: [null, ...policy.statements, 3], version: 5, policyId: {} };
    expect(loose(withJunk)).toEqual({ Statement: serializePolicy(policy).Statement });
  });
});

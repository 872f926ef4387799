import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintPolicy } from '../../../src/iam/lint/lint.js';
import { POLICY_TYPES } from '../../../src/iam/policy/types.js';

const V = '2012-10-17';

function timed<T>(fn: () => T, limitMs: number): T {
  const start = performance.now();
  const out = fn();
  expect(performance.now() - start).toBeLessThan(limitMs);
  return out;
}

describe('lintPolicy on hostile input', () => {
  it('lints 10,000 statements in bounded time', () => {
    const statements = Array.from({ length: 10_000 }, (_, i) => ({
      Sid: `S${i}`,
      Effect: 'Allow',
      Action: ['s3:GetObject'],
      Resource: `arn:aws:s3:::bucket${i}/*`,
    }));
    const text = JSON.stringify({ Version: V, Statement: statements });
    const d = timed(() => lintPolicy(text, { type: 'identity' }).diagnostics, 20_000);
    expect(d.some((x) => x.ruleId === 'policy-size-exceeded')).toBe(true);
  });

  it('lints absurd wildcard patterns in bounded time', () => {
    const star = `${'*a'.repeat(2000)}`;
    const doc = {
      Version: V,
      Statement: [
        {
          Effect: 'Allow',
          Action: [`s3:${star}`, `s3:${'?'.repeat(3000)}`, `${star}:${star}`],
          Resource: [
            `arn:aws:s3:::${star}`,
            `arn:${star}:${star}:${star}:${star}:${star}`,
            `arn:aws:s3:::${'*'.repeat(5000)}b`,
          ],
          Condition: {
            StringLike: { 'aws:PrincipalTag/x': [star, '*'.repeat(4000)] },
            ArnLike: { 'aws:SourceArn': `arn:${star}:s3:::${star}` },
          },
        },
        { Effect: 'Allow', Action: `s3:${'*'.repeat(4000)}x`, Resource: `arn:aws:s3:::${'*?'.repeat(3000)}` },
      ],
    };
    const d = timed(() => lintPolicy(doc, { type: 'identity' }).diagnostics, 20_000);
    expect(Array.isArray(d)).toBe(true);
  });

  it('lints a 5 MB document and 100k nested brackets without throwing', () => {
    const big = JSON.stringify({
      Version: V,
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: Array.from({ length: 200_000 }, (_, i) => `arn:aws:s3:::b/${i}/*`),
        },
      ],
    });
    expect(big.length).toBeGreaterThan(5_000_000);
    const d = timed(
      () => lintPolicy(big, { type: 'identity', rules: { 'resource-redundant': 'off' } }).diagnostics,
      30_000,
    );
    expect(d.some((x) => x.ruleId === 'policy-size-exceeded')).toBe(true);
    const deep = timed(() => lintPolicy('['.repeat(100_000), { type: 'identity' }).diagnostics, 5000);
    expect(deep.map((x) => x.ruleId)).toContain('json-invalid');
  });

  it('keeps __proto__ and constructor keys away from prototypes', () => {
    const text = `{"Version":"${V}","__proto__":{"x":1},"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","constructor":{"prototype":{"y":1}},"Condition":{"__proto__":{"__proto__":"a"},"StringEquals":{"constructor":"b"}}}]}`;
    for (const type of POLICY_TYPES) {
      lintPolicy(text, { type });
      lintPolicy(JSON.parse(text), { type });
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(({} as Record<string, unknown>).y).toBeUndefined();
  });

  it('never throws on random JSON values and strings', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(...POLICY_TYPES), (v, type) => {
        lintPolicy(v as object, { type });
        lintPolicy(JSON.stringify(v), { type });
        lintPolicy({ Version: V, Statement: v }, { type });
        lintPolicy(
          { Version: V, Statement: [{ Effect: 'Allow', Action: v, Resource: v, Principal: v, Condition: v }] },
          { type },
        );
      }),
      { numRuns: 1500 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.constantFrom(...POLICY_TYPES), (s, type) => {
        lintPolicy(s, { type });
        lintPolicy(
          {
            Version: V,
            Statement: [
              {
                Effect: 'Allow',
                Action: s,
                Resource: s,
                Principal: { AWS: s },
                Condition: { StringLike: { [s]: s }, [s]: { k: s } },
              },
            ],
          },
          { type },
        );
      }),
      { numRuns: 1500 },
    );
  });
});

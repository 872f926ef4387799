// biome-ignore-all lint/suspicious/noTemplateCurlyInString: policy variables are literal text
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serviceCatalog } from '../../../../src/catalog/index.js';
import { lintPolicy } from '../../../../src/iam/lint/lint.js';
import { semanticRules } from '../../../../src/iam/lint/rules/semantic/index.js';
import { POLICY_TYPES } from '../../../../src/iam/policy/types.js';

const strings = fc.constantFrom(
  '*',
  's3:*',
  's3:GetObject',
  'iam:PassRole',
  'sts:AssumeRole*',
  's*:x',
  ':',
  '',
  'arn:aws:s3:::b/*',
  'arn:aws:s3:::b',
  'arn:AWS:sqs:us-*:1:q',
  'arn:aws:iam::111122223333:role/${aws:username}',
  '${aws:TagKeys}',
  '${oops',
  '111122223333',
  'arn:aws:iam::111122223333:user/alice',
  'arn:aws:sts::111122223333:assumed-role/R/s',
  'ec2.amazonaws.com',
  'accounts.google.com',
  '203.0.113.5/24',
  '2024-01-01T00:00:00',
  '1735689600000',
  'true',
  'maybe',
  '__proto__',
  'constructor',
);
const values = fc.oneof(strings, fc.array(strings, { maxLength: 4 }));
const operators = fc.constantFrom(
  'StringEquals',
  'StringLike',
  'ForAllValues:StringEquals',
  'ForAnyValue:StringLikeIfExists',
  'NumericLessThan',
  'DateGreaterThan',
  'Bool',
  'BoolIfExists',
  'IpAddress',
  'ArnLike',
  'BinaryEquals',
  'Null',
  'stringequals',
  'Nope',
);
const keys = fc.constantFrom(
  'aws:TagKeys',
  'aws:username',
  'aws:SourceIp',
  'aws:CurrentTime',
  'aws:EpochTime',
  'aws:MultiFactorAuthPresent',
  'aws:PrincipalOrgID',
  'aws:nosuch',
  's3:prefix',
  'ec2:InstanceType',
  'ec2:IKEVersions',
  '__proto__',
);
const statement = fc.record(
  {
    Effect: fc.constantFrom('Allow', 'Deny'),
    Action: values,
    NotAction: values,
    Resource: values,
    NotResource: values,
    Principal: fc.oneof(
      fc.constant('*'),
      fc.record({ AWS: values, Service: values, Federated: values }, { requiredKeys: [] }),
    ),
    NotPrincipal: fc.record({ AWS: values }),
    Condition: fc.dictionary(operators, fc.dictionary(keys, values, { maxKeys: 3 }), { maxKeys: 3 }),
  },
  { requiredKeys: ['Effect'] },
);
const policy = fc.record({
  Version: fc.constantFrom('2012-10-17', '2008-10-17', undefined),
  Statement: fc.array(statement, { minLength: 1, maxLength: 4 }),
});

describe('semantic rules on arbitrary policies', () => {
  it('never throw, and report only ranges inside the text', () => {
    fc.assert(
      fc.property(policy, fc.constantFrom(...POLICY_TYPES), fc.boolean(), (doc, type, withCatalog) => {
        const text = JSON.stringify(doc);
        const r = lintPolicy(text, { type, ...(withCatalog ? { catalog: serviceCatalog } : {}) });
        for (const d of r.diagnostics) {
          expect(d.range.end.offset).toBeLessThanOrEqual(text.length);
          expect(d.range.start.offset).toBeLessThanOrEqual(d.range.end.offset);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('stay fast on a large policy', () => {
    const statements = Array.from({ length: 600 }, (_, i) => ({
      Effect: 'Allow',
      Action: Array.from({ length: 20 }, (_, j) => `s3:Get*${(i + j) % 7}`),
      Resource: Array.from({ length: 20 }, (_, j) => `arn:aws:s3:::b${i}/${'*'.repeat(j % 3)}x${j}`),
      Condition: { StringLike: { 'aws:PrincipalArn': `arn:aws:iam::*:role/${'*a'.repeat(50)}` } },
    }));
    const t = Date.now();
    const r = lintPolicy(
      { Version: '2012-10-17', Statement: statements },
      { type: 'identity', catalog: serviceCatalog },
    );
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(Date.now() - t).toBeLessThan(15_000);
  });

  it('every rule has complete metadata and a unique id', () => {
    const ids = semanticRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of semanticRules) {
      expect(r.meta.appliesTo.length).toBeGreaterThan(0);
      expect(r.meta.badExample).not.toBe(r.meta.goodExample);
      if (r.meta.category === 'security') expect(r.meta.defaultSeverity).toBe('warning');
      if (r.meta.category === 'suggestion') expect(r.meta.defaultSeverity).toBe('info');
    }
  });

  it.each(semanticRules.map((r) => [r.meta.id, r] as const))(
    '%s fires on its bad example and not on its good one',
    (id, rule) => {
      const run = (example: string): number => {
        const parsed = JSON.parse(example) as Record<string, unknown>;
        const doc = 'Statement' in parsed ? parsed : { Version: '2012-10-17', Statement: [parsed] };
        const type = rule.meta.appliesTo[0] ?? 'identity';
        return lintPolicy(doc, { type, catalog: serviceCatalog }).diagnostics.filter((d) => d.ruleId === id).length;
      };
      expect(run(rule.meta.badExample ?? '')).toBeGreaterThan(0);
      expect(run(rule.meta.goodExample ?? '')).toBe(0);
    },
  );
});

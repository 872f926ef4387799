// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM placeholders are literal text
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ARN_MATCH_LIMIT,
  arnPatternFitsFormat,
  arnPatternMatches,
  globMatch,
  matchBudget,
} from '../../../../src/iam/lint/rules/semantic/shared/glob.js';
import { lintPolicy } from '../../../../src/iam/lint/lint.js';
import { familiesForType, keyFacts } from '../../../../src/iam/lint/rules/semantic/shared/policy.js';
import { isHostName, oidcHost } from '../../../../src/iam/lint/rules/semantic/shared/principal.js';
import { isGlobalKeyName, lookupGlobalKey } from '../../../../src/iam/lint/global-keys.js';

/** Reference glob by dynamic programming over an alphabet without special characters. */
function reference(p: string, v: string): boolean {
  const dp: boolean[][] = Array.from({ length: p.length + 1 }, () => new Array<boolean>(v.length + 1).fill(false));
  dp[0]![0] = true;
  for (let i = 1; i <= p.length; i++) {
    const c = p[i - 1];
    dp[i]![0] = c === '*' && dp[i - 1]![0]!;
    for (let j = 1; j <= v.length; j++) {
      if (c === '*') dp[i]![j] = dp[i - 1]![j]! || dp[i]![j - 1]!;
      else dp[i]![j] = dp[i - 1]![j - 1]! && (c === '?' || c === v[j - 1]);
    }
  }
  return dp[p.length]![v.length]!;
}

describe('globMatch', () => {
  it('agrees with a reference matcher', () => {
    const pat = fc.string({ unit: fc.constantFrom('a', 'b', '*', '?'), maxLength: 8 });
    const val = fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 10 });
    fc.assert(
      fc.property(pat, val, (p, v) => globMatch(p, v, false) === reference(p, v)),
      { numRuns: 10_000 },
    );
  });
  it('is case-insensitive by default and handles the spec examples', () => {
    expect(globMatch('iam:*AccessKey*', 'iam:ListAccessKeys')).toBe(true);
    expect(globMatch('s3:Get*', 's3:PutObject')).toBe(false);
    expect(globMatch('s3:GetObjec?', 'S3:GETOBJECT')).toBe(true);
    expect(globMatch('s3:GetObjec?', 'S3:GETOBJECT', false)).toBe(false);
  });
  it('stays fast on hostile patterns', () => {
    const p = `${'*a'.repeat(2000)}b`;
    const t = Date.now();
    expect(globMatch(p, 'a'.repeat(5000))).toBe(false);
    expect(Date.now() - t).toBeLessThan(2000);
  });
});

describe('arnPatternMatches', () => {
  it('follows §2.2 R3/R5/R6', () => {
    const p = 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*/test/*';
    for (const k of [
      '1/test/object.jpg',
      '1/2/test/3/object.jpg',
      '1///test///object.jpg',
      '/test/object.jpg',
      '1/test/',
    ]) {
      expect(arnPatternMatches(p, `arn:aws:s3:::DOC-EXAMPLE-BUCKET/${k}`)).toBe(true);
    }
    for (const k of ['1-test/object.jpg', 'test/object.jpg', '1/2/test.jpg']) {
      expect(arnPatternMatches(p, `arn:aws:s3:::DOC-EXAMPLE-BUCKET/${k}`)).toBe(false);
    }
    expect(arnPatternMatches('arn:aws:sqs:us-east-1:*', 'arn:aws:sqs:us-east-1:111122223333:orders')).toBe(true);
    expect(arnPatternMatches('arn:aws:sqs:us-*:1:q', 'arn:aws:sqs:us-east:x-1:1:q')).toBe(true);
    expect(arnPatternMatches('arn:aws:sqs:us-*-1:1:q', 'arn:aws:sqs:us-east:x-1:1:q')).toBe(false);
    expect(arnPatternMatches('arn:aws:sqs:u?:1:q', 'arn:aws:sqs:u::1:q')).toBe(false);
    expect(arnPatternMatches('arn:aws:s3:::b/?', 'arn:aws:s3:::b/:')).toBe(true);
    expect(arnPatternMatches('*', '*')).toBe(true);
    expect(arnPatternMatches('arn:*', '*')).toBe(false);
    expect(arnPatternMatches('arn:aws:s3:::b', 'arn:aws:s3:::c')).toBe(false);
    expect(arnPatternMatches(`arn:${'a'.repeat(ARN_MATCH_LIMIT)}`, 'arn:a')).toBe(false);
  });
});

describe('arnPatternFitsFormat', () => {
  const object = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
  it('finds common ARNs of a pattern and a format', () => {
    expect(arnPatternFitsFormat('arn:aws:s3:::b/*', object)).toBe(true);
    expect(arnPatternFitsFormat('arn:aws:s3:::b', object)).toBe(false);
    expect(arnPatternFitsFormat('arn:aws:s3:::*', object)).toBe(true);
    expect(arnPatternFitsFormat('arn:aws:s?:::b/k', object)).toBe(true);
    expect(arnPatternFitsFormat('arn:aws:sqs:::b/k', object)).toBe(false);
    expect(arnPatternFitsFormat('arn:aws:*', object)).toBe(true);
    expect(arnPatternFitsFormat('arn:a*s:s3:::b/k', object)).toBe(true);
    expect(arnPatternFitsFormat('arn:aws:s3:a*:b:c', 'arn:aws:s3:a:b:c')).toBe(true);
    expect(arnPatternFitsFormat('arn:aws:s3:*x:b:c', 'arn:aws:s3:a:x:b:c')).toBe(false);
    expect(arnPatternFitsFormat('*', object)).toBe(true);
    expect(arnPatternFitsFormat(`arn:${'a'.repeat(ARN_MATCH_LIMIT)}`, object)).toBe(true);
  });
  it('agrees with arnPatternMatches for concrete formats', () => {
    const seg = fc.string({ unit: fc.constantFrom('a', 'b', ':'), maxLength: 4 });
    const pat = fc.string({ unit: fc.constantFrom('a', 'b', ':', '*', '?'), maxLength: 6 });
    fc.assert(
      fc.property(pat, seg, (p, v) => {
        const pattern = `arn:${p}`;
        const value = `arn:${v}`;
        return arnPatternFitsFormat(pattern, value) === arnPatternMatches(pattern, value);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('key helpers', () => {
  it('resolves global keys, families and types', () => {
    expect(lookupGlobalKey('AWS:SOURCEIP')?.type).toBe('IPAddress');
    expect(lookupGlobalKey('aws:PrincipalTag/x')?.family).toBe(true);
    expect(lookupGlobalKey('aws:PrincipalTag/')).toBeUndefined();
    expect(lookupGlobalKey('aws:CalledViaAWSMCP')?.type).toBeUndefined();
    expect(isGlobalKeyName('Aws:x')).toBe(true);
    expect(isGlobalKeyName('aw')).toBe(false);
    expect(keyFacts('aws:nosuch', undefined)).toBeUndefined();
    expect(keyFacts('s3:prefix', undefined)).toBeUndefined();
    expect(familiesForType('ArrayOfARN', false)).toEqual(['Arn', 'String']);
    expect(familiesForType('Binary', false)).toBeUndefined();
  });
  it('recognises host names and OIDC hosts', () => {
    expect(isHostName('a.b')).toBe(true);
    expect(isHostName('a')).toBe(false);
    expect(isHostName('')).toBe(false);
    expect(isHostName(`${'a'.repeat(64)}.com`)).toBe(false);
    expect(oidcHost('arn:aws:iam::1:oidc-provider/')).toBeUndefined();
    expect(oidcHost('Accounts.Google.com')).toBe('accounts.google.com');
    expect(oidcHost('arn:aws:iam::1:saml-provider/x')).toBeUndefined();
  });
});

describe('match budget', () => {
  it('answers "no match" once the allowance is spent', () => {
    const budget = matchBudget(400);
    expect(arnPatternMatches('arn:aws:s3:::b/*', 'arn:aws:s3:::b/x', budget)).toBe(true);
    expect(budget.left).toBe(400 - 17 * 17);
    expect(arnPatternMatches('arn:aws:s3:::b/*', 'arn:aws:s3:::b/x', budget)).toBe(false);
  });
  it('keeps resource-redundant bounded on hostile patterns', () => {
    const long = `arn:aws:s3:::b/${'*a'.repeat(1500)}`;
    const values = [
      ...Array.from({ length: 200 }, () => long),
      ...Array.from({ length: 200 }, (_, i) => `arn:aws:s3:::b/${'a'.repeat(3000)}${i}`),
    ];
    const t = Date.now();
    lintPolicy(
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 's3:*', Resource: values },
          { Effect: 'Allow', Action: 's3:*', Resource: values.slice(0, 300) },
        ],
      },
      { type: 'identity' },
    );
    expect(Date.now() - t).toBeLessThan(10_000);
  });
});

describe('arnPatternFitsFormat budget', () => {
  it('answers "fits" once the allowance is spent', () => {
    const budget = matchBudget(10);
    expect(arnPatternFitsFormat('arn:aws:s3:::b', 'arn:${Partition}:s3:::${BucketName}/${ObjectName}', budget)).toBe(
      true,
    );
    expect(budget.left).toBe(10);
    const big = matchBudget();
    expect(arnPatternFitsFormat('arn:aws:s3:::b', 'arn:${Partition}:s3:::${BucketName}/${ObjectName}', big)).toBe(
      false,
    );
  });
});

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: policy variables are literal text
import { describe, expect, it } from 'vitest';
import { allow, hits } from './helpers.js';

describe('arn-malformed', () => {
  it('fires for non-ARNs and short ARNs without a trailing *', () => {
    const d = hits('arn-malformed', allow('s3:GetObject', ['my-bucket', 'arn:aws:s3:my-bucket', 'ARN:aws:s3:::b']));
    expect(d).toHaveLength(3);
    expect(d[1]?.data?.segments).toBe(4);
    expect(d[0]?.severity).toBe('error');
  });
  it('accepts "*", full ARNs and short ARNs ending in *', () => {
    expect(
      hits('arn-malformed', allow('sqs:*', ['*', 'arn:aws:sqs:us-east-1:*', 'arn:aws:s3:::b/*', 'arn:aws:s3:::b'])),
    ).toEqual([]);
  });
  it('checks NotResource', () => {
    expect(hits('arn-malformed', { Effect: 'Deny', Action: 's3:*', NotResource: 'bucket' })).toHaveLength(1);
  });
});

describe('arn-service-wildcard', () => {
  it('fires for wildcards in the service segment and for < 3 segments', () => {
    const d = hits('arn-service-wildcard', allow('s3:*', ['arn:aws:*:::b', 'arn:aws:s?:::b', 'arn:*']));
    expect(d).toHaveLength(3);
    expect(d[2]?.message).toContain('does not name a service');
  });
  it('does not fire for a named service or non-ARNs', () => {
    expect(hits('arn-service-wildcard', allow('s3:*', ['arn:aws:s3:::*', '*', 'bucket*']))).toEqual([]);
  });
});

describe('arn-account-invalid', () => {
  it('fires for an account that cannot exist', () => {
    const d = hits(
      'arn-account-invalid',
      allow('sqs:*', ['arn:aws:sqs:us-east-1:12345:q', 'arn:aws:sqs:us-east-1:abcdefghijkl:q']),
    );
    expect(d).toHaveLength(2);
    expect(d[0]?.data?.account).toBe('12345');
  });
  it('accepts empty, 12-digit, aws, wildcard and variable accounts, and short patterns', () => {
    expect(
      hits(
        'arn-account-invalid',
        allow('sqs:*', [
          'arn:aws:s3:::b',
          'arn:aws:sqs:us-east-1:111122223333:q',
          'arn:aws:iam::aws:policy/ReadOnlyAccess',
          'arn:aws:sqs:us-east-1:1111*:q',
          'arn:aws:sqs:us-east-1:${aws:PrincipalAccount}:q',
          'arn:aws:sqs:us-east-1:*',
        ]),
      ),
    ).toEqual([]);
  });
});

describe('arn-partition-unknown', () => {
  it('fires for unknown partitions with a suggestion', () => {
    const d = hits('arn-partition-unknown', allow('s3:*', ['arn:aws-cm:s3:::b', 'arn:amazon:s3:::b']));
    expect(d).toHaveLength(2);
    expect(d[0]?.suggestions).toEqual(['aws-cn']);
    expect(d[1]?.suggestions).toBeUndefined();
  });
  it('accepts known and wildcard partitions, and honours the partitions option', () => {
    expect(
      hits('arn-partition-unknown', allow('s3:*', ['arn:aws-us-gov:s3:::b', 'arn:*:s3:::b', 'arn:aws:s3:::b'])),
    ).toEqual([]);
    expect(hits('arn-partition-unknown', allow('s3:*', 'arn:aws-cn:s3:::b'), { partitions: ['aws'] })).toHaveLength(1);
    expect(hits('arn-partition-unknown', allow('s3:*', 'arn:custom:s3:::b'), { partitions: ['custom'] })).toEqual([]);
  });
});

describe('arn-uppercase-prefix', () => {
  it('fires for upper case in partition, service or region and suggests the fix', () => {
    const d = hits('arn-uppercase-prefix', allow('s3:*', ['arn:AWS:S3:US-east-1::Bucket/Key']));
    expect(d).toHaveLength(1);
    expect(d[0]?.message).toContain('partition, service, region');
    expect(d[0]?.suggestions).toEqual(['arn:aws:s3:us-east-1::Bucket/Key']);
  });
  it('ignores upper case in the account and resource parts', () => {
    expect(hits('arn-uppercase-prefix', allow('s3:*', ['arn:aws:s3:::MyBucket/Key', '*']))).toEqual([]);
  });
});

describe('resource-redundant', () => {
  it('fires for values covered by "*", a pattern, or an equal value', () => {
    const d = hits('resource-redundant', allow('s3:*', ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/x', 'arn:aws:s3:::b/*']));
    expect(d).toHaveLength(2);
    expect(hits('resource-redundant', allow('s3:*', ['*', 'arn:aws:s3:::b']))).toHaveLength(1);
  });
  it('respects the segment rules and case of ARN matching', () => {
    // `*` inside a segment does not cross ':' (§2.2 R3).
    expect(
      hits('resource-redundant', allow('sqs:*', ['arn:aws:sqs:us-*-1:1:q', 'arn:aws:sqs:us-east:x-1:1:q'])),
    ).toEqual([]);
    expect(
      hits('resource-redundant', allow('sqs:*', ['arn:aws:sqs:us-*:1:q', 'arn:aws:sqs:us-east:x-1:1:q'])),
    ).toHaveLength(1);
    expect(hits('resource-redundant', allow('s3:*', ['arn:aws:s3:::B/*', 'arn:aws:s3:::b/x']))).toEqual([]);
    expect(
      hits('resource-redundant', allow('s3:*', ['arn:aws:s3:::b/${aws:username}/*', 'arn:aws:s3:::b/x/y'])),
    ).toEqual([]);
  });
});

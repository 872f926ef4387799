// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM placeholders are literal text
import { describe, expect, it } from 'vitest';
import { serviceCatalog } from '../../../../src/catalog/index.js';
import { allow, hits, lint } from './helpers.js';

const C = { catalog: serviceCatalog };

describe('action-unknown', () => {
  it('is skipped without a catalog', () => {
    expect(hits('action-unknown', allow('s3:GetObjekt'))).toEqual([]);
  });
  it('reports unknown actions with did-you-mean', () => {
    const d = hits('action-unknown', allow('s3:GetObjekt'), C);
    expect(d).toHaveLength(1);
    expect(d[0]?.suggestions).toEqual(['s3:GetObject']);
    expect(d[0]?.help).toBe("Did you mean 's3:GetObject'?");
    expect(d[0]?.severity).toBe('warning');
  });
  it('reports unknown services with did-you-mean', () => {
    const d = hits('action-unknown', allow(['s4:GetObject', 'zzzzzzzzzz:Get']), C);
    expect(d[0]?.suggestions).toContain('s3:GetObject');
    expect(d[0]?.data?.service).toBe('s4');
    expect(d[1]?.suggestions).toBeUndefined();
    expect(hits('action-unknown', allow('s3:Zzzzzzzzzzzzzz'), C)[0]?.suggestions).toBeUndefined();
  });
  it('reports patterns that match nothing', () => {
    const d = hits('action-unknown', allow('s3:Get*Objekt'), C);
    expect(d[0]?.message).toBe("Pattern 's3:Get*Objekt' matches no action of service 's3'.");
  });
  it('accepts known actions and patterns in any case, and skips malformed values', () => {
    expect(
      hits(
        'action-unknown',
        allow(['*', 'S3:getobject', 'iam:*AccessKey*', 'kms:Decrypt', 'ec2:Describe?nstances', 's*:Get', 'bad']),
        C,
      ),
    ).toEqual([]);
  });
});

describe('resource-action-mismatch', () => {
  it('fires when no action resource type fits any Resource', () => {
    const d = hits('resource-action-mismatch', allow('s3:GetObject', 'arn:aws:s3:::my-bucket'), C);
    expect(d).toHaveLength(1);
    expect(d[0]?.data?.expected).toContain('arn:${Partition}:s3:::${BucketName}/${ObjectName}');
    expect(
      hits('resource-action-mismatch', allow('s3:GetObject', 'arn:aws:sqs:us-east-1:111122223333:q'), C),
    ).toHaveLength(1);
  });
  it('fires for actions without resource types when Resource is not "*"', () => {
    const d = hits('resource-action-mismatch', allow('s3:ListAllMyBuckets', 'arn:aws:s3:::*'), C);
    expect(d).toHaveLength(1);
    expect(d[0]?.help).toContain('"Resource": "*"');
  });
  it('does not fire when some resource type fits', () => {
    expect(hits('resource-action-mismatch', allow('s3:GetObject', 'arn:aws:s3:::my-bucket/*'), C)).toEqual([]);
    expect(
      hits('resource-action-mismatch', allow(['s3:GetObject', 's3:ListBucket'], 'arn:aws:s3:::my-bucket'), C),
    ).toEqual([]);
    expect(hits('resource-action-mismatch', allow('s3:Get*', 'arn:aws:s3:::my-bucket'), C)).toEqual([]);
    expect(hits('resource-action-mismatch', allow('sqs:SendMessage', 'arn:aws:sqs:us-east-1:*'), C)).toEqual([]);
    expect(hits('resource-action-mismatch', allow('kms:Decrypt', 'arn:aws:kms:*:111122223333:key/*'), C)).toEqual([]);
    expect(
      hits('resource-action-mismatch', allow('logs:PutLogEvents', 'arn:aws:logs:us-east-1:1:log-group:/app:*'), C),
    ).toEqual([]);
    expect(hits('resource-action-mismatch', allow('iam:PassRole', 'arn:aws:iam::111122223333:role/app-*'), C)).toEqual(
      [],
    );
  });
  it('skips statements it cannot judge', () => {
    for (const st of [
      allow('s3:GetObject', '*'),
      allow('*', 'arn:aws:s3:::b'),
      allow('nosuch:Get', 'arn:aws:s3:::b'),
      allow('s*:Get', 'arn:aws:s3:::b'),
      allow('s3:NoSuchAction', 'arn:aws:s3:::b'),
      { Effect: 'Allow', NotAction: 's3:GetObject', Resource: 'arn:aws:s3:::b' },
      { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::b' },
    ]) {
      expect(hits('resource-action-mismatch', st, C)).toEqual([]);
    }
    expect(hits('resource-action-mismatch', allow('s3:GetObject', 'arn:aws:s3:::my-bucket'))).toEqual([]);
  });
});

describe('catalog rules on a large policy', () => {
  it('stays fast for broad patterns', () => {
    const t = Date.now();
    const actions = Array.from({ length: 200 }, (_, i) => `ec2:${i % 2 ? 'Describe' : 'Create'}*${i}`);
    lint(allow(actions, 'arn:aws:s3:::b'), C);
    expect(Date.now() - t).toBeLessThan(5000);
  });
});

describe('resource-action-mismatch bounds', () => {
  it('assumes very long patterns fit and skips statements with too many pairs', () => {
    const long = `arn:aws:s3:::${'x'.repeat(2000)}`;
    expect(hits('resource-action-mismatch', allow('s3:GetObject', long), C)).toEqual([]);
    const many = Array.from({ length: 200 }, (_, i) => `arn:aws:sqs:us-east-1:111122223333:q${i}`);
    expect(hits('resource-action-mismatch', allow('ec2:*', many), C)).toEqual([]);
    expect(hits('resource-action-mismatch', allow('ec2:RunInstances', many.slice(0, 3)), C)).toHaveLength(1);
  });
});

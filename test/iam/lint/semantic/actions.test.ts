import { describe, expect, it } from 'vitest';
import { allow, hits } from './helpers.js';

describe('action-malformed', () => {
  it.each([
    ['s3:GetObject ', 'whitespace'],
    ['s3GetObject', "form 'prefix:name'"],
    [':GetObject', 'empty service prefix'],
    ['s3:', 'empty action name'],
    ['s3:Get:Object', 'more than one colon'],
  ])('fires for %j', (action, why) => {
    const d = hits('action-malformed', allow(action));
    expect(d).toHaveLength(1);
    expect(d[0]?.severity).toBe('error');
    expect(d[0]?.message).toContain(why);
    expect(d[0]?.pointer).toBe('/Statement/0/Action');
  });

  it('checks NotAction too and accepts well-formed values', () => {
    expect(hits('action-malformed', { Effect: 'Deny', NotAction: ['bad'], Resource: '*' })).toHaveLength(1);
    expect(hits('action-malformed', allow(['*', 's3:GetObject', 'iam:*AccessKey*']))).toEqual([]);
  });
});

describe('action-service-wildcard', () => {
  it('fires for a wildcard in the prefix', () => {
    expect(hits('action-service-wildcard', allow(['s*:GetObject', 's?:Get*']))).toHaveLength(2);
    expect(hits('action-service-wildcard', allow('*:*'))[0]?.message).toContain("prefix '*'");
  });
  it('does not fire for "*" or wildcards in the name', () => {
    expect(hits('action-service-wildcard', allow(['*', 's3:*', 's3:Get?bject', 'nocolon*']))).toEqual([]);
  });
});

describe('action-redundant', () => {
  it('fires for values covered by prefix:*, "*", a glob, or an equal value', () => {
    const d = hits('action-redundant', allow(['s3:*', 's3:GetObject', 'S3:getobject']));
    expect(d.map((x) => x.message)).toEqual([
      "Action 's3:GetObject' is redundant: 's3:*' already covers it.",
      "Action 'S3:getobject' is redundant: 's3:*' already covers it.",
    ]);
    expect(d[0]?.severity).toBe('info');
    expect(d[0]?.related?.[0]?.message).toBe("covered by 's3:*'");
    expect(hits('action-redundant', allow(['*', 'ec2:Describe*']))).toHaveLength(1);
    expect(hits('action-redundant', allow(['iam:*AccessKey*', 'iam:ListAccessKeys']))).toHaveLength(1);
  });
  it('reports only the later of two equal values', () => {
    const d = hits('action-redundant', allow(['s3:GetObject', 's3:getobject']));
    expect(d).toHaveLength(1);
    expect(d[0]?.pointer).toBe('/Statement/0/Action/1');
  });
  it('does not fire for unrelated or overlapping patterns', () => {
    expect(hits('action-redundant', allow(['s3:Get*', 's3:*Object', 's3:PutBucketPolicy', 'ec2:*']))).toEqual([]);
    expect(
      hits('action-redundant', { Effect: 'Deny', NotAction: ['iam:*', 'iam:PassRole'], Resource: '*' }),
    ).toHaveLength(1);
  });
});

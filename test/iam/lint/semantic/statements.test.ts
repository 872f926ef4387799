import { describe, expect, it } from 'vitest';
import { allow, hits } from './helpers.js';

describe('statement-duplicate', () => {
  it('fires for statements equal up to Sid, value order and action case', () => {
    const a = { Sid: 'A', ...allow(['s3:GetObject', 's3:PutObject'], ['arn:aws:s3:::b/*']) };
    const b = { Sid: 'B', ...allow(['s3:putobject', 's3:GetObject'], 'arn:aws:s3:::b/*') };
    const d = hits('statement-duplicate', [a, b]);
    expect(d).toHaveLength(1);
    expect(d[0]?.pointer).toBe('/Statement/1');
    expect(d[0]?.related?.[0]?.message).toBe('first statement');
  });
  it('treats conditions and principals as part of the statement', () => {
    const c1 = allow('s3:*', '*', { Condition: { StringEquals: { 'aws:username': ['a', 'b'] } } });
    const c2 = allow('s3:*', '*', { Condition: { stringequals: { 'AWS:USERNAME': ['b', 'a'] } } });
    expect(hits('statement-duplicate', [c1, c2])).toHaveLength(1);
    expect(hits('statement-duplicate', [c1, allow('s3:*')])).toEqual([]);
    const p = (v: string): object => ({ Effect: 'Allow', Principal: { Service: v }, Action: 'sts:AssumeRole' });
    expect(
      hits('statement-duplicate', [p('ec2.amazonaws.com'), p('EC2.amazonaws.com')], { type: 'trust' }),
    ).toHaveLength(1);
    expect(hits('statement-duplicate', [p('ec2.amazonaws.com'), p('lambda.amazonaws.com')], { type: 'trust' })).toEqual(
      [],
    );
  });
  it('does not fire for resources that differ in case', () => {
    expect(hits('statement-duplicate', [allow('s3:*', 'arn:aws:s3:::B'), allow('s3:*', 'arn:aws:s3:::b')])).toEqual([]);
  });
});

describe('statement-redundant', () => {
  it('fires when another statement of equal scope covers actions and resources', () => {
    const d = hits('statement-redundant', [allow('s3:*'), allow(['s3:GetObject', 's3:Put*'], 'arn:aws:s3:::b/*')]);
    expect(d).toHaveLength(1);
    expect(d[0]?.pointer).toBe('/Statement/1');
    expect(d[0]?.related?.[0]?.message).toBe('covering statement');
  });
  it('does not fire across effects, conditions, Not elements, partial coverage, or duplicates', () => {
    expect(hits('statement-redundant', [allow('s3:*'), { ...allow('s3:GetObject'), Effect: 'Deny' }])).toEqual([]);
    expect(
      hits('statement-redundant', [
        allow('s3:*'),
        allow('s3:GetObject', '*', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
      ]),
    ).toEqual([]);
    expect(
      hits('statement-redundant', [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }, allow('s3:GetObject')]),
    ).toEqual([]);
    expect(
      hits('statement-redundant', [allow('s3:Get*', 'arn:aws:s3:::a/*'), allow('s3:GetObject', 'arn:aws:s3:::b/x')]),
    ).toEqual([]);
    expect(hits('statement-redundant', [allow('s3:*'), allow('s3:*')])).toEqual([]);
    expect(hits('statement-redundant', [allow(['s3:*', 's3:GetObject']), allow('s3:*')])).toEqual([]);
  });
  it('compares resource-policy statements without Resource', () => {
    const st = (a: string): object => ({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: a });
    expect(hits('statement-redundant', [st('s3:*'), st('s3:GetObject')], { type: 'resource' })).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { allow, hits } from './helpers.js';

describe('allow-notaction / allow-notresource', () => {
  it('fire for Allow with NotAction / NotResource', () => {
    expect(hits('allow-notaction', { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })).toHaveLength(1);
    expect(
      hits('allow-notresource', { Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::x/*' }),
    ).toHaveLength(1);
    expect(
      hits('allow-notaction', { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }, { type: 'scp' })[0]?.severity,
    ).toBe('warning');
  });
  it('do not fire for Deny or for other types', () => {
    expect(hits('allow-notaction', { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' })).toEqual([]);
    expect(hits('allow-notresource', { Effect: 'Deny', Action: 's3:*', NotResource: '*' })).toEqual([]);
    expect(
      hits('allow-notaction', { Effect: 'Allow', Principal: '*', NotAction: 'sts:TagSession' }, { type: 'trust' }),
    ).toEqual([]);
  });
});

describe('allow-all', () => {
  it('fires for every action on every resource without a condition', () => {
    expect(hits('allow-all', allow('*'))).toHaveLength(1);
    expect(hits('allow-all', { Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::x' })).toHaveLength(1);
  });
  it('does not fire with a condition, a narrower action or resource, or Deny', () => {
    expect(hits('allow-all', allow('*', '*', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }))).toEqual([]);
    expect(hits('allow-all', allow('s3:*'))).toEqual([]);
    expect(hits('allow-all', allow('*', 'arn:aws:s3:::b'))).toEqual([]);
    expect(hits('allow-all', { Effect: 'Deny', Action: '*', Resource: '*' })).toEqual([]);
  });
});

describe('passrole-star', () => {
  it('fires for iam:PassRole admitted on "*" or with NotResource', () => {
    expect(hits('passrole-star', allow('iam:PassRole'))).toHaveLength(1);
    expect(hits('passrole-star', allow('iam:Pass*'))).toHaveLength(1);
    expect(hits('passrole-star', { Effect: 'Allow', NotAction: 's3:*', Resource: '*' })).toHaveLength(1);
    expect(
      hits('passrole-star', { Effect: 'Allow', Action: 'iam:*', NotResource: 'arn:aws:iam::1:role/x' }),
    ).toHaveLength(1);
  });
  it('does not fire for specific roles, excluded PassRole, or Deny', () => {
    expect(hits('passrole-star', allow('iam:PassRole', 'arn:aws:iam::111122223333:role/app-*'))).toEqual([]);
    expect(hits('passrole-star', { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })).toEqual([]);
    expect(hits('passrole-star', { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' })).toEqual([]);
  });
});

describe('sensitive-action-star-resource', () => {
  it('fires for escalation actions on "*" and lists them', () => {
    const d = hits('sensitive-action-star-resource', allow(['iam:AttachUserPolicy', 's3:GetObject']));
    expect(d).toHaveLength(1);
    expect(d[0]?.data?.actions).toEqual(['iam:AttachUserPolicy']);
    const all = hits('sensitive-action-star-resource', allow('*'));
    expect(all[0]?.data?.actions).toHaveLength(19);
    expect(all[0]?.message).toContain('(19 in all)');
    expect(hits('sensitive-action-star-resource', allow('iam:Put*Policy'))[0]?.data?.actions).toHaveLength(3);
  });
  it('does not fire on specific resources, other actions or Deny', () => {
    expect(hits('sensitive-action-star-resource', allow('iam:AttachUserPolicy', 'arn:aws:iam::1:user/x'))).toEqual([]);
    expect(hits('sensitive-action-star-resource', allow('s3:GetObject'))).toEqual([]);
    expect(hits('sensitive-action-star-resource', { Effect: 'Deny', Action: 'iam:*', Resource: '*' })).toEqual([]);
  });
});

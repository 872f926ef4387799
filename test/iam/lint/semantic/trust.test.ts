import { describe, expect, it } from 'vitest';
import { serviceCatalog } from '../../../../src/catalog/index.js';
import { hits } from './helpers.js';

const T = { type: 'trust' } as const;

describe('trust-public', () => {
  it('fires for AssumeRole* to "*" without a scoping condition', () => {
    expect(
      hits('trust-public', { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }, T),
    ).toHaveLength(1);
    expect(hits('trust-public', { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole*' }, T)).toHaveLength(1);
  });
  it('does not fire with a condition, named principals, other actions or Deny', () => {
    const cond = { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } };
    expect(
      hits('trust-public', { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: cond }, T),
    ).toEqual([]);
    expect(
      hits('trust-public', { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }, T),
    ).toEqual([]);
    expect(hits('trust-public', { Effect: 'Allow', Principal: '*', Action: 'sts:TagSession' }, T)).toEqual([]);
    expect(hits('trust-public', { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' }, T)).toEqual([]);
  });
});

describe('trust-federated-unconstrained', () => {
  const gh = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
  it('fires for an OIDC provider without a condition on its keys', () => {
    const d = hits(
      'trust-federated-unconstrained',
      { Effect: 'Allow', Principal: { Federated: gh }, Action: 'sts:AssumeRoleWithWebIdentity' },
      T,
    );
    expect(d).toHaveLength(1);
    expect(d[0]?.data?.provider).toBe('token.actions.githubusercontent.com');
    const other = { StringEquals: { 'accounts.google.com:aud': 'x' } };
    expect(
      hits(
        'trust-federated-unconstrained',
        {
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:*',
          Condition: other,
        },
        T,
      ),
    ).toHaveLength(1);
  });
  it('does not fire with a provider key condition, for SAML, or without web identity', () => {
    const cond = { StringLike: { 'Token.Actions.GithubUserContent.com:sub': 'repo:org/*' } };
    expect(
      hits(
        'trust-federated-unconstrained',
        { Effect: 'Allow', Principal: { Federated: gh }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: cond },
        T,
      ),
    ).toEqual([]);
    expect(
      hits(
        'trust-federated-unconstrained',
        {
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/Okta' },
          Action: 'sts:AssumeRoleWithSAML',
        },
        T,
      ),
    ).toEqual([]);
    expect(
      hits(
        'trust-federated-unconstrained',
        { Effect: 'Allow', Principal: { Federated: gh }, Action: 'sts:TagSession' },
        T,
      ),
    ).toEqual([]);
    expect(
      hits(
        'trust-federated-unconstrained',
        { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:*' },
        T,
      ),
    ).toEqual([]);
  });
});

describe('trust-action-unexpected', () => {
  const st = (action: unknown, key = 'Action'): object => ({
    Effect: 'Allow',
    Principal: { Service: 'ec2.amazonaws.com' },
    [key]: action,
  });
  it('fires for non-STS, broad and NotAction values', () => {
    const d = hits(
      'trust-action-unexpected',
      st(['sts:*', 's3:GetObject', '*', 'sts:GetCallerIdentity', 'sts:Assume*']),
      T,
    );
    expect(d).toHaveLength(5);
    expect(hits('trust-action-unexpected', st('sts:AssumeRole', 'NotAction'), T)).toHaveLength(1);
  });
  it('accepts the role-assumption actions and safe patterns', () => {
    const ok = [
      'sts:AssumeRole',
      'sts:AssumeRoleWithSAML',
      'STS:tagsession',
      'sts:SetSourceIdentity',
      'sts:SetContext',
      'sts:AssumeRole*',
    ];
    expect(hits('trust-action-unexpected', st(ok), T)).toEqual([]);
  });
  it('uses the catalog to judge wildcard patterns', () => {
    expect(hits('trust-action-unexpected', st('sts:Assume*'), { ...T, catalog: serviceCatalog })).toHaveLength(1);
    expect(hits('trust-action-unexpected', st('sts:AssumeRoleWith*'), { ...T, catalog: serviceCatalog })).toEqual([]);
    expect(hits('trust-action-unexpected', st('sts:Set*'), { ...T, catalog: serviceCatalog })).toEqual([]);
  });
});

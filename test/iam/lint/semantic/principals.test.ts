import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

const R = { type: 'resource' } as const;
const stmt = (principal: unknown, extra: object = {}): object => ({
  Effect: 'Allow',
  Principal: principal,
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::b/*',
  ...extra,
});

describe('principal-partial-wildcard', () => {
  it('fires for partial wildcards in any principal kind', () => {
    const d = hits(
      'principal-partial-wildcard',
      stmt({ AWS: ['arn:aws:iam::111122223333:role/*', '1111?2223333'], Service: '*.amazonaws.com' }),
      R,
    );
    expect(d).toHaveLength(3);
    expect(d[0]?.severity).toBe('error');
  });
  it('accepts exactly "*" and concrete values; runs for rcp, not identity-like types', () => {
    expect(hits('principal-partial-wildcard', stmt({ AWS: ['*', '111122223333'] }), R)).toEqual([]);
    expect(hits('principal-partial-wildcard', stmt('*'), R)).toEqual([]);
  });
});

describe('principal-malformed', () => {
  it('fires for groups, bad AWS values, bad service names and bad providers', () => {
    const d = hits(
      'principal-malformed',
      stmt({
        AWS: ['arn:aws:iam::111122223333:group/Admins', 'alice', 'AGPAJQABLZS4A3QDU576Q', '1234'],
        Service: ['ec2', 'bad_host.amazonaws.com', '-x.com'],
        Federated: ['arn:aws:iam::111122223333:user/x', 'example.com'],
      }),
      R,
    );
    expect(d.map((x) => x.message)).toEqual([
      "Principal AWS value 'arn:aws:iam::111122223333:group/Admins' names an IAM group, which is never a principal.",
      "Principal AWS value 'alice' is not an account ID, a user, role, assumed-role or federated-user ARN, or a user/role unique ID.",
      "Principal AWS value 'AGPAJQABLZS4A3QDU576Q' is the unique ID of a group, which is not a principal.",
      "Principal AWS value '1234' is not an account ID, a user, role, assumed-role or federated-user ARN, or a user/role unique ID.",
      'Principal Service value \'ec2\' is not a service principal host name such as "ec2.amazonaws.com".',
      'Principal Service value \'bad_host.amazonaws.com\' is not a service principal host name such as "ec2.amazonaws.com".',
      'Principal Service value \'-x.com\' is not a service principal host name such as "ec2.amazonaws.com".',
      "Principal Federated value 'arn:aws:iam::111122223333:user/x' is not a SAML or OIDC provider ARN or a well-known identity provider.",
      "Principal Federated value 'example.com' is not a SAML or OIDC provider ARN or a well-known identity provider.",
    ]);
  });
  it('accepts every documented principal form', () => {
    const good = stmt({
      AWS: [
        '111122223333',
        'arn:aws:iam::111122223333:root',
        'arn:aws:iam::111122223333:user/path/alice',
        'arn:aws:iam::111122223333:role/App',
        'arn:aws:sts::111122223333:assumed-role/App/s1',
        'arn:aws:sts::111122223333:federated-user/bob',
        'AIDAJQABLZS4A3QDU576Q',
        'AROAJQABLZS4A3QDU576Q',
        'arn:aws:iam::111122223333:role/*',
      ],
      Service: ['EC2.amazonaws.com', 'lambda.amazonaws.com'],
      Federated: [
        'arn:aws:iam::111122223333:saml-provider/Okta',
        'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
        'accounts.google.com',
      ],
      CanonicalUser: 'abc',
    });
    expect(hits('principal-malformed', good, R)).toEqual([]);
  });
});

describe('principal-public-allow', () => {
  it('fires for "*" and {"AWS":"*"} without a scoping condition', () => {
    expect(hits('principal-public-allow', stmt('*'), R)).toHaveLength(1);
    const d = hits('principal-public-allow', stmt({ AWS: ['111122223333', '*'] }), { type: 'endpoint' });
    expect(d).toHaveLength(1);
    expect(d[0]?.severity).toBe('warning');
    expect(
      hits('principal-public-allow', stmt('*', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }), R),
    ).toHaveLength(1);
  });
  it('does not fire with a scoping condition, for Deny, or for named principals', () => {
    const scoped = stmt('*', { Condition: { StringEquals: { 'aws:principalorgid': 'o-abc123' } } });
    expect(hits('principal-public-allow', scoped, R)).toEqual([]);
    expect(hits('principal-public-allow', { ...stmt('*'), Effect: 'Deny' }, R)).toEqual([]);
    expect(hits('principal-public-allow', stmt({ AWS: '111122223333' }), R)).toEqual([]);
  });
});

describe('notprincipal-deny', () => {
  it('fires for Deny + NotPrincipal only', () => {
    const deny = { Effect: 'Deny', NotPrincipal: { AWS: '111122223333' }, Action: 's3:*', Resource: '*' };
    expect(hits('notprincipal-deny', deny, R)).toHaveLength(1);
    expect(hits('notprincipal-deny', { ...deny, NotPrincipal: undefined, Principal: '*' }, R)).toEqual([]);
  });
});

describe('notprincipal-incomplete', () => {
  const deny = (values: string[]): object => ({
    Effect: 'Deny',
    NotPrincipal: { AWS: values },
    Action: 's3:*',
    Resource: '*',
  });
  it('fires when the account (and the role of a session) is missing', () => {
    const d = hits('notprincipal-incomplete', deny(['arn:aws:sts::111122223333:assumed-role/App/s1']), R);
    expect(d).toHaveLength(1);
    expect(d[0]?.data?.missing).toEqual(['account 111122223333', 'role App']);
    expect(hits('notprincipal-incomplete', deny(['arn:aws:iam::111122223333:user/alice']), R)).toHaveLength(1);
    expect(
      hits(
        'notprincipal-incomplete',
        deny(['arn:aws:iam::111122223333:user/alice', 'arn:aws:iam::444455556666:root']),
        R,
      ),
    ).toHaveLength(1);
  });
  it('does not fire when every level is listed', () => {
    expect(
      hits(
        'notprincipal-incomplete',
        deny([
          'arn:aws:sts::111122223333:assumed-role/App/s1',
          'arn:aws:iam::111122223333:role/ops/App',
          '111122223333',
          'arn:aws:iam::111122223333:user/alice',
          'arn:aws:sts::111122223333:federated-user/bob',
        ]),
        R,
      ),
    ).toEqual([]);
    expect(
      hits(
        'notprincipal-incomplete',
        deny([
          'arn:aws:sts::111122223333:assumed-role/App/s1',
          'AROAJQABLZS4A3QDU576Q',
          'arn:aws:iam::111122223333:root',
        ]),
        R,
      ),
    ).toEqual([]);
  });
});

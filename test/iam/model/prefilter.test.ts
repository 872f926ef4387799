import { describe, expect, it } from 'vitest';
import type { IamModel, ModelInput } from '../../../src/iam/model/types.js';
import { A, B, model, V } from './helpers.js';

// whoCan skips principals that neither an identity policy nor a resource policy may allow. These
// models give no principal an identity Allow for the request, so only the resource policy can grant:
// whoCan must list exactly those authorize allows, whichever way the policy names them.

const user = (name: string) => `arn:aws:iam::${A}:user/${name}`;
const role = (name: string) => `arn:aws:iam::${A}:role/${name}`;
const OBJECT = 'arn:aws:s3:::b/k';
const assume = { Version: V, Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] };

function withBucket(statement: object): IamModel {
  const input: ModelInput = {
    accounts: [
      {
        id: A,
        users: [
          { name: 'alice', id: 'AIDAEXAMPLEALICE00001' },
          { name: 'bob', path: '/team/', inlinePolicies: [{ name: 'a', document: assume }] },
          { name: 'carol' },
        ],
        roles: [
          {
            name: 'app',
            id: 'AROAEXAMPLEAPP000001',
            trustPolicy: {
              Version: V,
              Statement: [{ Effect: 'Allow', Principal: { AWS: user('team/bob') }, Action: 'sts:AssumeRole' }],
            },
          },
        ],
      },
    ],
    resources: [
      {
        arn: 'arn:aws:s3:::b',
        account: A,
        policy: {
          Version: V,
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', ...statement }],
        },
      },
    ],
  };
  return model(input);
}

function expected(m: IamModel): string[] {
  const out: string[] = [];
  for (const u of m.users) {
    if (
      m.authorize({ principal: u.arn, action: 's3:GetObject', resource: OBJECT, resourceAccount: A }).decision ===
      'Allow'
    )
      out.push(u.arn);
  }
  for (const r of m.roles) {
    if (
      m.authorize({ principal: { role: r.arn }, action: 's3:GetObject', resource: OBJECT, resourceAccount: A })
        .decision === 'Allow'
    )
      out.push(r.arn);
  }
  return out.sort();
}

const who = (m: IamModel) =>
  m.whoCan({ action: 's3:GetObject', resource: OBJECT, resourceAccount: A }).map((e) => e.principal);

describe('whoCan with a resource policy: the principals it names', () => {
  const cases: [string, object, string[]][] = [
    ['a user ARN', { Principal: { AWS: user('alice') } }, [user('alice')]],
    ['a user ARN with its path', { Principal: { AWS: user('team/bob') } }, [user('team/bob')]],
    ['a user ARN without its path', { Principal: { AWS: user('bob') } }, []],
    ['a unique ID', { Principal: { AWS: 'AIDAEXAMPLEALICE00001' } }, [user('alice')]],
    ['a role ARN', { Principal: { AWS: role('app') } }, [role('app')]],
    ['a role unique ID', { Principal: { AWS: 'AROAEXAMPLEAPP000001' } }, [role('app')]],
    ['a session ARN', { Principal: { AWS: `arn:aws:sts::${A}:assumed-role/app/iamspec` } }, [role('app')]],
    ['the account', { Principal: { AWS: A } }, []],
    ['the account root', { Principal: { AWS: `arn:aws:iam::${A}:root` } }, []],
    ['another account', { Principal: { AWS: B } }, []],
    ['a service', { Principal: { Service: 'lambda.amazonaws.com' } }, []],
    ['everyone', { Principal: '*' }, [user('alice'), user('team/bob'), user('carol'), role('app')]],
    ['everyone (AWS)', { Principal: { AWS: '*' } }, [user('alice'), user('team/bob'), user('carol'), role('app')]],
    // NotPrincipal with Allow is invalid in a resource policy: the policy does not load, nobody is allowed.
    ['everyone but alice', { NotPrincipal: { AWS: user('alice') } }, []],
  ];
  for (const [what, statement, listed] of cases) {
    it(`names ${what}`, () => {
      const m = withBucket(statement);
      const got = who(m);
      expect(got).toEqual(expected(m));
      // The fixture is meant to exercise these: the evaluator itself grants exactly them.
      expect(got).toEqual([...listed].sort());
    });
  }

  it('evaluates everyone when the resource policy does not parse', () => {
    const m = model({
      accounts: [{ id: A, users: [{ name: 'alice' }] }],
      resources: [{ arn: 'arn:aws:s3:::b', account: A, policy: '{"Statement": [' }],
    });
    expect(who(m)).toEqual(expected(m));
  });
});

describe('whoCan identity candidates', () => {
  const doc = (statement: object) => ({ Version: V, Statement: [statement] });
  it('keeps principals whose policies may allow anything, in any shape, shared or not', () => {
    const notAction = doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
    const m = model({
      accounts: [
        {
          id: A,
          groups: [{ name: 'g', inlinePolicies: [{ name: 'n', document: notAction }] }],
          users: [
            { name: 'g1', groups: ['g'] },
            { name: 'g2', groups: ['g'] },
            {
              name: 'notres',
              inlinePolicies: [
                {
                  name: 'p',
                  document: doc({ Effect: 'Allow', Action: 's3:Get*', NotResource: 'arn:aws:s3:::other/*' }),
                },
              ],
            },
            {
              name: 'novalue',
              inlinePolicies: [
                { name: 'p', document: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn' }) },
              ],
            },
            { name: 'broken', inlinePolicies: [{ name: 'p', document: '{"Statement": [' }] },
            {
              name: 'other',
              inlinePolicies: [
                { name: 'p', document: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::c/*' }) },
              ],
            },
          ],
        },
      ],
    });
    const got = who(m);
    expect(got).toEqual(expected(m));
    expect(got).toEqual([user('g1'), user('g2'), user('notres')]);
    // Same answers for an action no policy names and for the `*` resource.
    const star = m.whoCan({ action: 's3:GetObject', resource: '*', resourceAccount: A }).map((e) => e.principal);
    expect(star).toEqual(
      m.users
        .filter(
          (u) =>
            m.authorize({ principal: u.arn, action: 's3:GetObject', resource: '*', resourceAccount: A }).decision ===
            'Allow',
        )
        .map((u) => u.arn)
        .sort(),
    );
  });

  it('follows a trust policy that names a role by ARN and by session ARN', () => {
    const all = doc({ Effect: 'Allow', Action: ['sts:AssumeRole', 's3:GetObject'], Resource: '*' });
    const m = model({
      accounts: [
        {
          id: A,
          users: [{ name: 'u', inlinePolicies: [{ name: 'p', document: all }] }],
          roles: [
            {
              name: 'first',
              trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: user('u') }, Action: 'sts:AssumeRole' }),
              inlinePolicies: [{ name: 'p', document: all }],
            },
            {
              name: 'second',
              trustPolicy: doc({
                Effect: 'Allow',
                Principal: { AWS: [`arn:aws:sts::${A}:assumed-role/first/other`, role('first'), role('second')] },
                Action: 'sts:AssumeRole',
              }),
              inlinePolicies: [{ name: 'p', document: all }],
            },
          ],
        },
      ],
    });
    const entry = m
      .whoCan({ action: 's3:GetObject', resource: OBJECT, resourceAccount: A })
      .find((e) => e.principal === role('second'));
    expect(entry?.via).toEqual([user('u'), role('first')]);
  });
});

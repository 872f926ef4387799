import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelInput } from '../../../src/iam/model/types.js';
import { A, B, allow, deny, model, trust, V } from './helpers.js';

const OBJECT = 'arn:aws:s3:::data/x.csv';
const role = (name: string, path = '/') => `arn:aws:iam::${A}:role${path}${name}`;
const user = (name: string) => `arn:aws:iam::${A}:user/${name}`;

const chainInput: ModelInput = {
  accounts: [
    {
      id: A,
      users: [
        { name: 'alice', inlinePolicies: [{ name: 'assume', document: allow('sts:AssumeRole') }] },
        { name: 'bob', inlinePolicies: [{ name: 's3', document: allow('s3:GetObject') }] },
        { name: 'dave', inlinePolicies: [{ name: 'assume', document: allow('sts:AssumeRole') }] },
      ],
      roles: [
        {
          name: 'first',
          trustPolicy: trust({ AWS: user('alice') }),
          inlinePolicies: [{ name: 'assume', document: allow('sts:AssumeRole') }],
        },
        {
          name: 'second',
          trustPolicy: trust({ AWS: role('first') }),
          inlinePolicies: [
            { name: 'read', document: allow('s3:GetObject') },
            { name: 'a', document: allow('sts:AssumeRole') },
          ],
        },
        // cycle: third ↔ fourth, entered from second
        {
          name: 'third',
          trustPolicy: trust({ AWS: [role('second'), role('fourth')] }),
          inlinePolicies: [{ name: 'a', document: allow('sts:AssumeRole') }],
        },
        {
          name: 'fourth',
          trustPolicy: trust({ AWS: role('third') }),
          inlinePolicies: [{ name: 'r', document: allow(['s3:GetObject', 'sts:AssumeRole']) }],
        },
        {
          name: 'svc',
          trustPolicy: trust({ Service: 'lambda.amazonaws.com' }),
          inlinePolicies: [{ name: 'r', document: allow('s3:*') }],
        },
        {
          name: 'ec2',
          trustPolicy: trust({ Service: 'ec2.amazonaws.com' }),
          inlinePolicies: [{ name: 'r', document: allow('s3:GetObject') }],
        },
        {
          name: 'partner',
          trustPolicy: trust({ AWS: B }),
          inlinePolicies: [{ name: 'r', document: allow('s3:GetObject') }],
        },
        {
          name: 'oidc',
          trustPolicy: {
            Version: V,
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Federated: `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com` },
                Action: 'sts:AssumeRoleWithWebIdentity',
              },
            ],
          },
          inlinePolicies: [{ name: 'r', document: allow('s3:GetObject') }],
        },
        {
          name: 'saml',
          trustPolicy: {
            Version: V,
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Federated: `arn:aws:iam::${A}:saml-provider/corp` },
                Action: 'sts:AssumeRoleWithSAML',
              },
            ],
          },
          inlinePolicies: [{ name: 'r', document: allow('s3:GetObject') }],
        },
        // the account delegates: only callers with an identity allow for sts:AssumeRole
        {
          name: 'delegated',
          trustPolicy: trust({ AWS: `arn:aws:iam::${A}:root` }),
          inlinePolicies: [{ name: 'r', document: allow('s3:GetObject') }],
        },
        { name: 'public', trustPolicy: trust('*'), inlinePolicies: [{ name: 'r', document: allow('sqs:*') }] },
        {
          name: 'session',
          trustPolicy: trust({ AWS: `arn:aws:sts::${A}:assumed-role/first/iamspec` }),
          inlinePolicies: [{ name: 'r', document: allow('s3:GetObject') }],
        },
        {
          name: 'byid',
          trustPolicy: trust({ AWS: 'AIDAALICEUSERID000001' }),
          inlinePolicies: [{ name: 'r', document: allow('s3:GetObject') }],
        },
        {
          name: 'orphan',
          trustPolicy: trust({ AWS: user('nobody') }),
          inlinePolicies: [{ name: 'r', document: allow('s3:GetObject') }],
        },
        {
          name: 'ext-user',
          trustPolicy: trust({
            AWS: [`arn:aws:iam::${B}:user/x`, `arn:aws:iam::${B}:role/y`, `arn:aws:sts::${B}:assumed-role/y/s`],
          }),
          inlinePolicies: [{ name: 'r', document: allow('s3:GetObject') }],
        },
        { name: 'broken', trustPolicy: '{nope' },
      ],
      instanceProfiles: [{ name: 'web', roles: ['ec2'] }],
    },
  ],
};

describe('model.whoCan', () => {
  const m = model({
    ...chainInput,
    accounts: [
      {
        ...(chainInput.accounts[0] as ModelInput['accounts'][number]),
        users: [
          {
            name: 'alice',
            id: 'AIDAALICEUSERID000001',
            inlinePolicies: [{ name: 'assume', document: allow('sts:AssumeRole') }],
          },
          ...(chainInput.accounts[0]?.users ?? []).slice(1),
        ],
      } as ModelInput['accounts'][number],
    ],
  });
  const who = m.whoCan({ action: 's3:GetObject', resource: OBJECT, resourceAccount: A });
  const by = new Map(who.map((e) => [e.principal, e.via]));

  it('lists users allowed directly', () => {
    expect(by.get(user('bob'))).toEqual([]);
    expect(by.has(user('alice'))).toBe(false);
  });

  it('follows assume-role chains, shortest first, and ends on cycles', () => {
    expect(by.get(role('second'))).toEqual([user('alice'), role('first')]);
    expect(by.get(role('fourth'))).toEqual([user('alice'), role('first'), role('second'), role('third')]);
    expect(by.has(role('first'))).toBe(false); // reachable but not allowed s3:GetObject
  });

  it('reaches roles through services, instance profiles, federation and external accounts', () => {
    expect(by.get(role('svc'))).toEqual(['lambda.amazonaws.com']);
    expect(by.get(role('ec2'))?.[0]).toMatch(/^(ec2\.amazonaws\.com|arn:aws:iam::111122223333:instance-profile\/web)$/);
    expect(by.get(role('partner'))).toEqual([B]);
    expect(by.get(role('oidc'))).toEqual([`arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`]);
    expect(by.get(role('saml'))).toEqual([`arn:aws:iam::${A}:saml-provider/corp`]);
    expect(by.get(role('ext-user'))?.[0]).toContain(B);
  });

  it('honours delegation, session-ARN and unique-ID trust', () => {
    // alice and dave have sts:AssumeRole on *, the account trust delegates to them; first/second/third/fourth too.
    expect(by.get(role('delegated'))).toEqual([user('alice')]);
    expect(by.get(role('session'))).toEqual([user('alice'), role('first')]);
    expect(by.get(role('byid'))).toEqual([user('alice')]);
    expect(by.has(role('orphan'))).toBe(false);
    expect(by.has(role('broken'))).toBe(false);
  });

  it('is sorted and deterministic', () => {
    const names = who.map((e) => e.principal);
    expect(names).toEqual([...names].sort());
    expect(m.whoCan({ action: 's3:GetObject', resource: OBJECT, resourceAccount: A })).toEqual(who);
    expect(m.whoCan(null as never)).toEqual([]);
  });

  it('lists everyone a resource policy admits (no prefilter then)', () => {
    const withBucket = model({
      ...chainInput,
      resources: [
        {
          arn: 'arn:aws:s3:::data',
          account: A,
          policy: {
            Version: V,
            Statement: [
              {
                Effect: 'Allow',
                Principal: { AWS: user('dave') },
                Action: 's3:GetObject',
                Resource: 'arn:aws:s3:::data/*',
              },
            ],
          },
        },
      ],
    });
    const list = withBucket.whoCan({
      action: 's3:GetObject',
      resource: OBJECT,
      context: { 'aws:SecureTransport': 'true' },
    });
    expect(list.map((e) => e.principal)).toContain(user('dave'));
  });
});

describe('model.whatCan', () => {
  const m = model({
    accounts: [
      {
        id: A,
        users: [
          {
            name: 'u',
            inlinePolicies: [
              {
                name: 'a',
                document: allow(['s3:GetObject', 's3:PutObject', 's3:Get*', 'sqs:SendMessage'], 'arn:aws:s3:::b/*'),
              },
              { name: 'd', document: deny('s3:PutObject') },
            ],
          },
        ],
        roles: [{ name: 'r', trustPolicy: trust({ AWS: user('u') }) }],
      },
    ],
    resources: [
      {
        arn: 'arn:aws:s3:::b',
        account: A,
        policy: {
          Version: V,
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: user('u') },
              Action: ['s3:DeleteObject', 's3:*'],
              Resource: 'arn:aws:s3:::b/*',
            },
          ],
        },
      },
    ],
  });

  it('checks the wildcard-free actions named by the policies, for the resource service', () => {
    expect(m.whatCan({ user: 'u' }, { resource: 'arn:aws:s3:::b/k' }).map((e) => e.action)).toEqual([
      's3:DeleteObject',
      's3:GetObject',
    ]);
  });

  it('checks given actions', () => {
    const r = m.whatCan(
      { user: 'u' },
      {
        resource: 'arn:aws:s3:::b/k',
        actions: ['s3:GetObjectTagging', 's3:PutObject', 's3:getobjecttagging', 7 as never],
      },
    );
    expect(r.map((e) => e.action)).toEqual(['s3:GetObjectTagging']);
  });

  it('adds sts: actions for roles and returns nothing for bad input', () => {
    // The trust policy names u: in the same account that suffices (§4.5), and it names the action.
    expect(m.whatCan(user('u'), { resource: role('r') }).map((e) => e.action)).toEqual(['sts:AssumeRole']);
    expect(m.whatCan({ user: 'nobody' }, { resource: '*' })).toEqual([]);
    expect(m.whatCan({ user: 'u' }, null as never)).toEqual([]);
    expect(m.whatCan({ user: 'u' }, { resource: '*' }).map((e) => e.action)).toEqual([]);
  });
});

describe('whoCan prefilter is sound (property)', () => {
  const actions = ['s3:GetObject', 's3:PutObject', 'sqs:SendMessage'];
  const patterns = ['s3:GetObject', 's3:*', 's3:Get*', 'sqs:*', '*', 's3:Put?bject', 'S3:GETOBJECT', 'S3:*', ':*'];
  const resources = [
    'arn:aws:s3:::b1/*',
    'arn:aws:s3:::b2/*',
    '*',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable
    'arn:aws:s3:::b1/${aws:username}/*',
    'arn:aws:s3:::b?/*',
    'arn:aws:s3:::*',
    'arn:aws:s3:::b1/u0/k',
    'arn:aws:s3:*',
  ];
  const stmt = fc.record({
    Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
    Action: fc.subarray(patterns, { minLength: 1 }),
    Resource: fc.constantFrom(...resources),
    notAction: fc.boolean(),
  });
  it('whoCan lists exactly the users authorize allows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(stmt, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...actions),
        fc.constantFrom('arn:aws:s3:::b1/u0/k', 'arn:aws:s3:::b2/k'),
        (docs, action, resource) => {
          const users = docs.map((statements, i) => ({
            name: `u${i}`,
            inlinePolicies: [
              {
                name: 'p',
                document: {
                  Version: V,
                  Statement: statements.map(({ notAction, Action, ...s }) =>
                    notAction && s.Effect === 'Deny' ? { ...s, NotAction: Action } : { ...s, Action },
                  ),
                },
              },
            ],
          }));
          const m = model({ accounts: [{ id: A, users }] });
          const expected = users
            .map((u) => user(u.name))
            .filter(
              (arn) => m.authorize({ principal: arn, action, resource, resourceAccount: A }).decision === 'Allow',
            );
          const got = m.whoCan({ action, resource, resourceAccount: A }).map((e) => e.principal);
          expect(got).toEqual([...expected].sort());
        },
      ),
      { numRuns: 300 },
    );
  });
});

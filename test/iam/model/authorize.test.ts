import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../src/iam/policy/parse.js';
import type { Authorizer } from '../../../src/vitest/subject.js';
import { createModel, DEFAULT_INSTANCE_ID, DEFAULT_SESSION_NAME } from '../../../src/iam/model/index.js';
import type { EvaluationResult } from '../../../src/iam/evaluate/types.js';
import { A, B, allow, model, trust, V } from './helpers.js';

const BUCKET = 'arn:aws:s3:::example-bucket';
const OBJECT = `${BUCKET}/data/a.txt`;
const KEY = `arn:aws:kms:us-east-1:${A}:key/k1`;

function ctx(r: EvaluationResult): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of r.explanation?.context ?? []) out[c.key] = c.value;
  return out;
}

const base = () =>
  model({
    accounts: [
      {
        id: A,
        policies: [
          {
            name: 'Versioned',
            versions: [
              { versionId: 'v1', document: allow('sqs:SendMessage') },
              { versionId: 'v2', document: allow('s3:GetObject', `${BUCKET}/*`), isDefault: true },
            ],
          },
          { name: 'Boundary', path: '/b/', document: allow(['s3:*', 'sts:AssumeRole']) },
          { name: 'Everything', document: allow('*') },
          { arn: 'arn:aws:iam::aws:policy/ReadOnly', name: 'ReadOnly', document: allow(['ec2:Describe*']) },
        ],
        groups: [{ name: 'readers', managedPolicies: ['Versioned'] }],
        users: [
          { name: 'alice', path: '/eng/', groups: ['readers'], tags: { team: 'blue' } },
          { name: 'bob', managedPolicies: ['Everything'], boundary: 'arn:aws:iam::111122223333:policy/b/Boundary' },
          {
            name: 'carol',
            inlinePolicies: [{ name: 'own', document: JSON.stringify(allow('dynamodb:GetItem')) }],
            managedPolicies: ['arn:aws:iam::aws:policy/ReadOnly'],
          },
        ],
        roles: [
          {
            name: 'app',
            path: '/ops/',
            id: 'AROAAPPROLEID0000001',
            trustPolicy: trust({ AWS: `arn:aws:iam::${A}:user/eng/alice` }),
            inlinePolicies: [{ name: 'read', document: allow('s3:GetObject', `${BUCKET}/*`) }],
            tags: { team: 'red', env: 'prod' },
          },
          {
            name: 'web',
            trustPolicy: trust({ Service: 'ec2.amazonaws.com' }),
            inlinePolicies: [{ name: 'kms', document: allow('kms:Decrypt', KEY) }],
          },
          { name: 'lonely', trustPolicy: trust({ Service: 'ec2.amazonaws.com' }) },
        ],
        instanceProfiles: [
          { name: 'web-profile', roles: ['web'] },
          { name: 'empty', roles: [] },
          { name: 'broken', roles: ['missing'] },
        ],
      },
    ],
    resources: [
      {
        arn: BUCKET,
        account: A,
        tags: { data: 'public' },
        policy: {
          Version: V,
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${A}:user/carol` },
              Action: 's3:GetObject',
              Resource: `${BUCKET}/*`,
            },
          ],
        },
      },
      {
        arn: KEY,
        policy: {
          Version: V,
          Statement: [
            { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' },
          ],
        },
      },
    ],
  });

describe('model.authorize: entities', () => {
  const m = base();

  it('grants through group membership and uses only the default managed policy version', () => {
    expect(m.authorize({ principal: { user: 'alice' }, action: 's3:GetObject', resource: OBJECT }).decision).toBe(
      'Allow',
    );
    expect(
      m.authorize({ principal: { user: 'alice' }, action: 'sqs:SendMessage', resource: 'arn:aws:sqs:us-east-1:1:q' })
        .decision,
    ).toBe('ImplicitDeny');
  });

  it('limits identity grants by the permissions boundary', () => {
    const bob = `arn:aws:iam::${A}:user/bob`;
    expect(m.authorize({ principal: bob, action: 's3:PutObject', resource: OBJECT }).decision).toBe('Allow');
    const r = m.authorize({ principal: bob, action: 'ec2:RunInstances', resource: '*' }, { explain: true });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.byPolicyType.boundary).toBe('ImplicitDeny');
  });

  it('evaluates inline JSON text and AWS-managed policies', () => {
    const carol = { user: `arn:aws:iam::${A}:user/carol` };
    expect(m.authorize({ principal: carol, action: 'dynamodb:GetItem', resource: '*' }).decision).toBe('Allow');
    expect(m.authorize({ principal: carol, action: 'ec2:DescribeVpcs', resource: '*' }).decision).toBe('Allow');
  });

  it('applies a bucket policy to the bucket and its objects (same account, names the user)', () => {
    const r = m.authorize({ principal: { user: 'carol' }, action: 's3:GetObject', resource: OBJECT });
    expect(r.decision).toBe('Allow');
    expect(r.reasons[0]?.policyType).toBe('resource');
    expect(r.reasons[0]?.policyId).toBe(BUCKET);
  });

  it('derives the §5.1 context for a user (aws:username, tags, ResourceTag) and lets the caller override it', () => {
    const r = m.authorize(
      { principal: { user: 'alice' }, action: 's3:GetObject', resource: OBJECT },
      { explain: true },
    );
    const c = ctx(r);
    expect(c['aws:username']).toBe('alice');
    expect(c['aws:PrincipalArn']).toBe(`arn:aws:iam::${A}:user/eng/alice`);
    expect(c['aws:PrincipalTag/team']).toBe('blue');
    expect(c['aws:ResourceTag/data']).toBe('public');
    expect(c['aws:ResourceAccount']).toBe(A);
    const o = m.authorize(
      {
        principal: { user: 'alice' },
        action: 's3:GetObject',
        resource: OBJECT,
        context: { 'aws:principaltag/team': 'x' },
      },
      { explain: true },
    );
    const entries = o.explanation?.context.filter((e) => e.key.toLowerCase() === 'aws:principaltag/team') ?? [];
    expect(entries).toEqual([{ key: 'aws:principaltag/team', value: 'x', source: 'caller' }]);
  });

  it('treats a role ARN as a session of the role: PrincipalArn with path, userid, no username', () => {
    const r = m.authorize(
      { principal: `arn:aws:iam::${A}:role/ops/app`, action: 's3:GetObject', resource: OBJECT },
      { explain: true },
    );
    expect(r.decision).toBe('Allow');
    const c = ctx(r);
    expect(c['aws:PrincipalArn']).toBe(`arn:aws:iam::${A}:role/ops/app`);
    expect(c['aws:userid']).toBe(`AROAAPPROLEID0000001:${DEFAULT_SESSION_NAME}`);
    expect(c['aws:PrincipalType']).toBe('AssumedRole');
    expect(c['aws:username']).toBeUndefined();
    expect(c['aws:PrincipalTag/env']).toBe('prod');
  });

  it('accepts session ARNs and { role, sessionName }, and rejects bad session names', () => {
    const s = m.authorize(
      { principal: `arn:aws:sts::${A}:assumed-role/app/build-7`, action: 's3:GetObject', resource: OBJECT },
      { explain: true },
    );
    expect(ctx(s)['aws:userid']).toBe('AROAAPPROLEID0000001:build-7');
    const named = m.authorize({
      principal: { role: 'app', sessionName: 'x1' },
      action: 's3:GetObject',
      resource: OBJECT,
    });
    expect(named.decision).toBe('Allow');
    const bad = m.authorize({ principal: { role: 'app', sessionName: 'a' }, action: 's3:GetObject', resource: OBJECT });
    expect(bad.decision).toBe('ImplicitDeny');
    expect(bad.diagnostics[0]?.ruleId).toBe('model/session-name-invalid');
  });

  it('delivers an instance profile role as a session named after the instance', () => {
    const r = m.authorize(
      { principal: { instanceProfile: 'web-profile' }, action: 'kms:Decrypt', resource: KEY },
      { explain: true },
    );
    expect(r.decision).toBe('Allow');
    expect(ctx(r)['aws:userid']).toMatch(new RegExp(`:${DEFAULT_INSTANCE_ID}$`));
    const byArn = m.authorize({
      principal: `arn:aws:iam::${A}:instance-profile/web-profile`,
      action: 'kms:Decrypt',
      resource: KEY,
    });
    expect(byArn.decision).toBe('Allow');
    for (const p of ['empty', 'broken']) {
      const bad = m.authorize({ principal: { instanceProfile: p }, action: 'kms:Decrypt', resource: KEY });
      expect(bad.decision).toBe('ImplicitDeny');
      expect(bad.diagnostics.length).toBe(1);
    }
    const unknown = m.authorize({
      principal: `arn:aws:iam::${A}:instance-profile/none`,
      action: 'kms:Decrypt',
      resource: KEY,
    });
    expect(unknown.diagnostics[0]?.ruleId).toBe('model/principal-unknown');
  });

  it('requires an explicit allow in a KMS key policy (root statement only delegates)', () => {
    // web's identity allows kms:Decrypt and the key policy delegates to the account: Allow.
    expect(m.authorize({ principal: { role: 'web' }, action: 'kms:Decrypt', resource: KEY }).decision).toBe('Allow');
    // alice has no identity allow: the key policy naming the account does not grant by itself (T31).
    expect(m.authorize({ principal: { user: 'alice' }, action: 'kms:Decrypt', resource: KEY }).decision).toBe(
      'ImplicitDeny',
    );
  });

  it('never lets a group act, and reports unknown and ambiguous principals', () => {
    const g = m.authorize({ principal: `arn:aws:iam::${A}:group/readers`, action: 's3:GetObject', resource: OBJECT });
    expect(g.diagnostics[0]?.ruleId).toBe('model/principal-invalid');
    expect(g.explanation).toBeUndefined();
    const withExplain = m.authorize(
      { principal: `arn:aws:iam::${A}:user/nobody`, action: 's3:GetObject', resource: OBJECT },
      { explain: true },
    );
    expect(withExplain.diagnostics[0]?.ruleId).toBe('model/principal-unknown');
    expect(withExplain.explanation?.reason).toBe('request-invalid');
    for (const p of [{ user: 'zed' }, { role: 'zed' }, { user: `arn:aws:iam::${A}:user/zed` }, {}, 42, '']) {
      const r = m.authorize({ principal: p as never, action: 's3:GetObject', resource: OBJECT });
      expect(r.decision).toBe('ImplicitDeny');
      expect(r.diagnostics.length).toBeGreaterThan(0);
    }
    expect(m.authorize(null as never).decision).toBe('ImplicitDeny');
  });

  it('finds entities by ARN case-insensitively by name, and by ARN with a wrong path', () => {
    expect(
      m.authorize({ principal: { user: `arn:aws:iam::${A}:user/ALICE` }, action: 's3:GetObject', resource: OBJECT })
        .decision,
    ).toBe('Allow');
    expect(
      m.authorize({ principal: `arn:aws:iam::${A}:role/APP`, action: 's3:GetObject', resource: OBJECT }).decision,
    ).toBe('Allow');
  });

  it('evaluates external, root, service and anonymous principals without identity policies', () => {
    const ext = m.authorize({ principal: `arn:aws:iam::${B}:user/eve`, action: 's3:GetObject', resource: OBJECT });
    expect(ext.decision).toBe('ImplicitDeny');
    expect(ext.diagnostics).toEqual([]);
    const extRole = m.authorize(
      { principal: `arn:aws:iam::${B}:role/x`, action: 's3:GetObject', resource: OBJECT },
      { explain: true },
    );
    expect(ctx(extRole)['aws:PrincipalArn']).toBe(`arn:aws:iam::${B}:role/x`);
    expect(
      m.authorize({ principal: `arn:aws:iam::${A}:root`, action: 's3:GetObject', resource: OBJECT }).decision,
    ).toBe('Allow');
    expect(m.authorize({ principal: 'ec2.amazonaws.com', action: 's3:GetObject', resource: OBJECT }).decision).toBe(
      'ImplicitDeny',
    );
    expect(m.authorize({ principal: 'anonymous', action: 's3:GetObject', resource: OBJECT }).decision).toBe(
      'ImplicitDeny',
    );
    const unknownRole = m.authorize({
      principal: `arn:aws:iam::${A}:role/none`,
      action: 's3:GetObject',
      resource: OBJECT,
    });
    expect(unknownRole.diagnostics[0]?.ruleId).toBe('model/principal-unknown');
  });

  it('models federated-user sessions of a modelled user (§4.8)', () => {
    const fed = `arn:aws:sts::${A}:federated-user/alice`;
    expect(m.authorize({ principal: fed, action: 's3:GetObject', resource: OBJECT }).decision).toBe('ImplicitDeny');
    const withPolicy = m.authorize({
      principal: fed,
      action: 's3:GetObject',
      resource: OBJECT,
      sessionPolicies: [allow('s3:*')],
    });
    expect(withPolicy.decision).toBe('Allow');
    expect(
      m.authorize({ principal: `arn:aws:sts::${A}:federated-user/ghost`, action: 's3:GetObject', resource: OBJECT })
        .decision,
    ).toBe('ImplicitDeny');
  });

  it('intersects session policies with the role permissions', () => {
    const p = { role: 'app' };
    expect(
      m.authorize({ principal: p, action: 's3:GetObject', resource: OBJECT, sessionPolicies: [allow('sqs:*')] })
        .decision,
    ).toBe('ImplicitDeny');
    expect(
      m.authorize({ principal: p, action: 's3:GetObject', resource: OBJECT, sessionPolicies: [allow('s3:*')] })
        .decision,
    ).toBe('Allow');
  });

  it('uses the trust policy for sts: actions on a role (canAssume) and not for iam: actions', () => {
    const role = `arn:aws:iam::${A}:role/ops/app`;
    expect(m.canAssume({ user: 'alice' }, role).decision).toBe('Allow');
    const bob = m.canAssume(`arn:aws:iam::${A}:user/bob`, role, { explain: true });
    expect(bob.decision).toBe('ImplicitDeny');
    expect(bob.explanation?.reason).toBe('resource-policy-required');
    // iam: actions on the role: identity only, with the role's tags as aws:ResourceTag.
    const tagged = m.authorize(
      { principal: { user: 'bob' }, action: 'iam:GetRole', resource: role },
      { explain: true },
    );
    expect(ctx(tagged)['aws:ResourceTag/team']).toBe('red');
    const onUser = m.authorize(
      { principal: { user: 'bob' }, action: 'iam:GetUser', resource: `arn:aws:iam::${A}:user/eng/alice` },
      { explain: true },
    );
    expect(ctx(onUser)['aws:ResourceTag/team']).toBe('blue');
  });

  it('caches: repeated requests give equal results, and the model is frozen', () => {
    const req = { principal: { user: 'alice' }, action: 's3:GetObject', resource: OBJECT };
    expect(m.authorize(req)).toEqual(m.authorize(req));
    expect(Object.isFrozen(m)).toBe(true);
    expect(Object.isFrozen(m.users)).toBe(true);
    expect(Object.isFrozen(m.users[0])).toBe(true);
  });

  it('structurally satisfies the vitest Authorizer', () => {
    const auth: Authorizer = m;
    expect(auth.authorize({ principal: { user: 'alice' }, action: 's3:GetObject', resource: OBJECT }).decision).toBe(
      'Allow',
    );
  });
});

describe('model.authorize: organizations', () => {
  const m = model({
    accounts: [
      {
        id: A,
        users: [{ name: 'alice', managedPolicies: ['All'] }],
        policies: [{ name: 'All', document: allow('*') }],
      },
      { id: B, users: [{ name: 'mgr', managedPolicies: ['All'] }], policies: [{ name: 'All', document: allow('*') }] },
      {
        id: '777788889999',
        users: [{ name: 'ext', managedPolicies: ['All'] }],
        policies: [{ name: 'All', document: allow('*') }],
      },
    ],
    organization: {
      id: 'o-abc123',
      managementAccountId: B,
      root: {
        id: 'r-ab12',
        scps: [allow('*')],
        accounts: [B],
        units: [
          {
            id: 'ou-ab12-11111111',
            scps: [allow(['s3:*', 'ec2:*'])],
            rcps: [
              {
                Version: V,
                Statement: [
                  {
                    Effect: 'Deny',
                    Principal: '*',
                    Action: 's3:*',
                    Resource: '*',
                    Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc123' } },
                  },
                ],
              },
            ],
            accounts: [{ id: A, scps: [allow('*')] }],
          },
        ],
      },
    },
    resources: [
      {
        arn: 'arn:aws:s3:::org-bucket',
        account: A,
        policy: {
          Version: V,
          Statement: [
            { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::org-bucket/*' },
          ],
        },
      },
    ],
  });

  it('applies SCP levels of the principal account path; the management account is exempt', () => {
    const alice = { user: `arn:aws:iam::${A}:user/alice` };
    expect(m.authorize({ principal: alice, action: 'ec2:RunInstances', resource: '*' }).decision).toBe('Allow');
    const r = m.authorize({ principal: alice, action: 'sqs:SendMessage', resource: '*' }, { explain: true });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.explanation?.blockedBy[0]).toMatchObject({ type: 'scp', level: 1 });
    expect(m.authorize({ principal: { user: 'mgr' }, action: 'sqs:SendMessage', resource: '*' }).decision).toBe(
      'Allow',
    );
  });

  it('derives PrincipalOrgID/OrgPaths and ResourceOrgID/OrgPaths', () => {
    const r = m.authorize(
      { principal: { user: 'alice' }, action: 's3:GetObject', resource: 'arn:aws:s3:::org-bucket/x' },
      { explain: true },
    );
    expect(r.decision).toBe('Allow');
    const c = ctx(r);
    expect(c['aws:PrincipalOrgID']).toBe('o-abc123');
    expect(c['aws:PrincipalOrgPaths']).toEqual(['o-abc123/r-ab12/ou-ab12-11111111/']);
    expect(c['aws:ResourceOrgID']).toBe('o-abc123');
    const mgr = m.authorize({ principal: { user: 'mgr' }, action: 'iam:ListUsers', resource: '*' }, { explain: true });
    expect(ctx(mgr)['aws:PrincipalOrgPaths']).toEqual(['o-abc123/r-ab12/']);
  });

  it('applies RCP levels of the resource account to outsiders', () => {
    const outsider = m.authorize({
      principal: { user: 'ext' },
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::org-bucket/x',
    });
    expect(outsider.decision).toBe('ExplicitDeny');
    expect(outsider.reasons[0]?.policyType).toBe('rcp');
  });
});

describe('createModel: input handling', () => {
  it('returns no model for unusable input and never throws', () => {
    for (const bad of [null, 42, 'x', {}, { accounts: 3 }]) {
      const r = createModel(bad as never);
      expect(r.model).toBeUndefined();
      expect(r.diagnostics[0]?.ruleId).toBe('model/input-invalid');
    }
  });

  it('is deterministic: the same input gives the same entities and diagnostics', () => {
    const input = {
      accounts: [
        {
          id: A,
          users: [{ name: 'u', groups: ['g'], managedPolicies: ['p'] }],
          groups: [{ name: 'g' }],
          policies: [{ name: 'p', document: allow('s3:*') }],
        },
      ],
    };
    const a = createModel(input);
    const b = createModel(input);
    expect(JSON.stringify(a.model?.users)).toBe(JSON.stringify(b.model?.users));
    expect(a.diagnostics).toEqual(b.diagnostics);
    expect(a.model?.users[0]?.id).toMatch(/^AIDA[A-Z2-7]{17}$/);
  });

  it('accepts parsed policies and reports unparsable documents, which then deny with diagnostics', () => {
    const parsed = parsePolicy(allow('s3:*'), { type: 'identity', id: 'mine' }).policy as object;
    const r = createModel({
      accounts: [
        {
          id: A,
          users: [
            { name: 'ok', inlinePolicies: [{ name: 'p', document: parsed }] },
            { name: 'bad', inlinePolicies: [{ name: 'p', document: '{"Version":' }] },
          ],
        },
      ],
    });
    expect(r.diagnostics.map((d) => d.ruleId)).toContain('model/policy-invalid');
    const m = r.model as NonNullable<typeof r.model>;
    expect(m.authorize({ principal: { user: 'ok' }, action: 's3:GetObject', resource: '*' }).decision).toBe('Allow');
    const bad = m.authorize({ principal: { user: 'bad' }, action: 's3:GetObject', resource: '*' });
    expect(bad.decision).toBe('ImplicitDeny');
    expect(bad.diagnostics.length).toBeGreaterThan(0);
  });

  it('resolves names across several accounts and reports ambiguity', () => {
    const m = model({
      accounts: [
        { id: A, users: [{ name: 'same' }] },
        { id: B, users: [{ name: 'same' }] },
      ],
    });
    const r = m.authorize({ principal: { user: 'same' }, action: 's3:GetObject', resource: '*' });
    expect(r.diagnostics[0]?.ruleId).toBe('model/principal-ambiguous');
    const byArn = m.authorize({
      principal: { user: `arn:aws:iam::${B}:user/same` },
      action: 's3:GetObject',
      resource: '*',
    });
    expect(byArn.diagnostics).toEqual([]);
  });
});

describe('model.authorize: RCPs of the resource account', () => {
  const m = model({
    accounts: [
      { id: A },
      { id: B, users: [{ name: 'alice', inlinePolicies: [{ name: 'all', document: allow('*') }] }] },
    ],
    organization: {
      id: 'o-abc123',
      root: {
        id: 'r-ab12',
        scps: [allow('*')],
        accounts: [
          { id: B, scps: [allow('*')] },
          {
            id: A,
            scps: [allow('*')],
            rcps: [{ Version: V, Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }] }],
          },
        ],
      },
    },
    resources: [
      {
        arn: 'arn:aws:s3:::shared',
        policy: {
          Version: V,
          Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/*' }],
        },
      },
    ],
  });
  const ask = (resourceAccount: string) =>
    m.authorize({
      principal: `arn:aws:iam::${B}:user/alice`,
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::shared/k',
      resourceAccount,
    }).decision;

  it('apply per resource account, whatever was asked before', () => {
    expect(ask(B)).toBe('Allow');
    expect(ask(A)).toBe('ExplicitDeny');
    expect(ask('777788889999')).toBe('Allow');
    expect(ask(A)).toBe('ExplicitDeny');
    expect(ask(B)).toBe('Allow');
  });
});

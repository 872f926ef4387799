import { describe, expect, it } from 'vitest';
import { fromAuthorizationDetails } from '../../../src/iam/model/index.js';
import type { ResourcePolicyInput } from '../../../src/iam/model/types.js';
import { A, allow, B, exampleFiles } from './helpers.js';

const files = exampleFiles();
const resources = files.resources.resources as ResourcePolicyInput[];
const ARTIFACT = 'arn:aws:s3:::example-artifacts/releases/app-1.4.2.zip';
const KEY = `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

describe('fromAuthorizationDetails: the example account', () => {
  const r = fromAuthorizationDetails(files.details, { resources });
  const m = r.model as NonNullable<typeof r.model>;

  it('loads without errors or warnings (URL-encoded documents decoded)', () => {
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(m.users.map((u) => u.name)).toEqual(['alice', 'bob', 'carol', 'ci-bot', 'dave']);
    expect(m.instanceProfiles.map((p) => [p.name, p.roles])).toEqual([['web', [`arn:aws:iam::${A}:role/web-app`]]]);
    expect(m.policies.find((p) => p.name === 'DeployerAccess')?.versionIds).toEqual(['v1', 'v2', 'v3']);
    expect(m.policies.find((p) => p.name === 'DeployerAccess')?.defaultVersionId).toBe('v3');
  });

  it('lets the EC2 instance role read artifacts and decrypt with the key', () => {
    const web = { instanceProfile: 'web' };
    expect(m.authorize({ principal: web, action: 's3:GetObject', resource: ARTIFACT }).decision).toBe('Allow');
    expect(m.authorize({ principal: web, action: 'kms:Decrypt', resource: KEY }).decision).toBe('Allow');
    expect(m.authorize({ principal: web, action: 's3:PutObject', resource: ARTIFACT }).decision).toBe('ImplicitDeny');
    // The bucket policy denies insecure transport.
    const insecure = m.authorize({
      principal: web,
      action: 's3:GetObject',
      resource: ARTIFACT,
      context: { 'aws:SecureTransport': 'false' },
    });
    expect(insecure.decision).toBe('ExplicitDeny');
  });

  it('models the CodeDeploy service role (trusted by codedeploy.amazonaws.com)', () => {
    const role = `arn:aws:iam::${A}:role/service-role/CodeDeployServiceRole`;
    expect(m.canAssume('codedeploy.amazonaws.com', role).decision).toBe('Allow');
    expect(m.canAssume('ec2.amazonaws.com', role).decision).toBe('ImplicitDeny');
    expect(
      m.authorize({ principal: role, action: 'autoscaling:CompleteLifecycleAction', resource: '*' }).decision,
    ).toBe('Allow');
    expect(m.authorize({ principal: role, action: 's3:PutObject', resource: ARTIFACT }).decision).toBe('ImplicitDeny');
  });

  it('uses default versions: DeployerAccess v3 lets deployers assume the deployer role', () => {
    const deployer = `arn:aws:iam::${A}:role/automation/deployer`;
    expect(m.canAssume({ user: 'ci-bot' }, deployer).decision).toBe('Allow');
    // alice has sts:AssumeRole from v3 and her boundary, but the trust policy names only ci-bot.
    expect(m.canAssume({ user: 'alice' }, deployer).decision).toBe('ImplicitDeny');
  });

  it('answers whoCan with chains, instance profiles and services', () => {
    const who = m.whoCan({ action: 's3:GetObject', resource: 'arn:aws:s3:::example-artifacts/revisions/r1.zip' });
    expect(who.map((e) => [e.principal, e.via])).toEqual([
      [`arn:aws:iam::${A}:role/automation/deployer`, [`arn:aws:iam::${A}:user/automation/ci-bot`]],
      [`arn:aws:iam::${A}:role/service-role/CodeDeployServiceRole`, ['codedeploy.amazonaws.com']],
      [`arn:aws:iam::${A}:role/web-app`, [`arn:aws:iam::${A}:instance-profile/web`]],
      [`arn:aws:iam::${A}:user/bob`, []],
      [`arn:aws:iam::${A}:user/engineering/alice`, []],
    ]);
  });
});

describe('fromAuthorizationDetails: input forms and problems', () => {
  const user = (name: string, extra: object = {}) => ({
    UserName: name,
    Path: '/',
    UserId: `AIDA${name.toUpperCase().padEnd(17, 'X')}`,
    Arn: `arn:aws:iam::${A}:user/${name}`,
    ...extra,
  });

  it('accepts objects with plain documents, and maps diagnostics to details pointers', () => {
    const r = fromAuthorizationDetails({
      UserDetailList: [
        user('ok', { UserPolicyList: [{ PolicyName: 'p', PolicyDocument: allow('s3:*') }], GroupList: ['missing'] }),
        { UserName: 'bad name', Path: '/', Arn: `arn:aws:iam::${A}:user/bad name` },
      ],
      RoleDetailList: [
        {
          RoleName: 'r',
          Path: '/',
          Arn: `arn:aws:iam::${A}:role/r`,
          AssumeRolePolicyDocument: '%7Bbroken',
          InstanceProfileList: [
            {
              InstanceProfileName: 'ip',
              Path: '/',
              Arn: `arn:aws:iam::${A}:instance-profile/ip`,
              Roles: [{ Arn: `arn:aws:iam::${A}:role/other` }],
            },
          ],
        },
      ],
      Policies: [
        {
          PolicyName: 'v',
          Arn: `arn:aws:iam::${A}:policy/v`,
          DefaultVersionId: 'v2',
          PolicyVersionList: [{ VersionId: 'v1', Document: allow('s3:*'), IsDefaultVersion: false }],
        },
      ],
      IsTruncated: true,
    });
    expect(r.model).toBeDefined();
    const at = (id: string) => r.diagnostics.filter((d) => d.ruleId === id).map((d) => d.pointer);
    expect(at('model/details-truncated')).toEqual(['/IsTruncated']);
    expect(at('model/group-missing')).toEqual(['/UserDetailList/0/GroupList/0']);
    expect(at('model/name-invalid')).toEqual(['/UserDetailList/1/UserName']);
    expect(at('model/policy-invalid')).toEqual(['/RoleDetailList/0/AssumeRolePolicyDocument']);
    expect(at('model/instance-profile-roles')).toEqual(['/RoleDetailList/0/InstanceProfileList/0']);
    expect(at('model/policy-version-default')).toEqual(['/Policies/0']);
    expect(r.model?.validate()).toEqual(r.diagnostics);
  });

  it('takes several accounts as an array, with the account from the ARNs', () => {
    const r = fromAuthorizationDetails([
      { UserDetailList: [user('a')] },
      { UserDetailList: [{ UserName: 'b', Path: '/', Arn: `arn:aws:iam::${B}:user/b` }] },
      'nope',
    ]);
    expect(r.model?.accounts.map((a) => a.id)).toEqual([A, B]);
    expect(r.diagnostics.map((d) => [d.ruleId, d.pointer])).toEqual([['model/input-invalid', '/2']]);
  });

  it('reports unusable details', () => {
    expect(fromAuthorizationDetails('{').diagnostics[0]?.ruleId).toBe('model/input-invalid');
    expect(fromAuthorizationDetails({}).diagnostics[0]?.ruleId).toBe('model/account-unknown');
    const given = fromAuthorizationDetails({}, { accountId: A });
    expect(given.model?.accounts).toEqual([{ id: A, partition: 'aws' }]);
    const mismatch = fromAuthorizationDetails({ UserDetailList: [user('a')] }, { accountId: B });
    expect(mismatch.diagnostics.map((d) => d.ruleId)).toContain('model/account-mismatch');
  });
});

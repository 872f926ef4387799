import { describe, expect, it } from 'vitest';
import { parseAppSpec } from '../../src/appspec/index.js';
import { checkDeployment, deploymentRules } from '../../src/deploy/index.js';
import type { DeploymentInput, DeploymentReadiness } from '../../src/deploy/index.js';
import type { Diagnostic } from '../../src/diagnostics/types.js';
import { createModel } from '../../src/iam/index.js';
import type { IamModel } from '../../src/iam/index.js';
import {
  ACCOUNT,
  BUCKET,
  BUCKET_POLICY,
  ECS_APPSPEC,
  KEY,
  KEY_POLICY,
  KMS_KEY,
  LAMBDA_APPSPEC,
  READ_REVISIONS,
  SERVER_APPSPEC,
  SERVICE_ROLE_ARN,
  scenario,
  scenarioInput,
  trust,
  WEB_ROLE_ARN,
} from './fixtures.js';

const S3 = { s3: { bucket: BUCKET, key: KEY } } as const;
const FULL_S3 = { s3: { bucket: BUCKET, key: KEY, versioned: true, kmsKeyArn: KMS_KEY } } as const;

function server(extra: Partial<DeploymentInput> = {}): DeploymentInput {
  return {
    platform: 'server',
    serviceRole: 'CodeDeployServiceRole',
    instanceProfile: 'web',
    revision: FULL_S3,
    ...extra,
  };
}

function check(model: IamModel, deployment: DeploymentInput, appSpec: string = SERVER_APPSPEC): DeploymentReadiness {
  return checkDeployment({ model, appSpec, deployment });
}

function only(r: DeploymentReadiness, ruleId: string): Diagnostic[] {
  return r.findings.filter((f) => f.ruleId === ruleId);
}

function errors(r: DeploymentReadiness): string[] {
  return r.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId);
}

function status(r: DeploymentReadiness, id: string): string | undefined {
  return r.checks.find((c) => c.id === id)?.status;
}

const KNOWN = new Set(deploymentRules.map((r) => r.id));

function expectWellFormed(r: DeploymentReadiness): void {
  for (const f of r.findings) {
    expect(KNOWN.has(f.ruleId), f.ruleId).toBe(true);
    expect(typeof f.data?.source).toBe('string');
    expect(f.message.length).toBeGreaterThan(10);
  }
  expect(r.ready).toBe(!r.findings.some((f) => f.severity === 'error'));
  expect(Object.isFrozen(r)).toBe(true);
}

describe('checkDeployment: a ready EC2 deployment', () => {
  it('passes every check with an S3 revision that is versioned and SSE-KMS encrypted', () => {
    const r = check(scenario(), server());
    expectWellFormed(r);
    expect(r.ready).toBe(true);
    expect(r.findings).toEqual([]);
    expect(r.checks.map((c) => c.id)).toEqual([
      'appspec',
      'plan',
      'instance-profile',
      'instance-role-trust',
      'service-role',
      'service-role-trust',
      'service-role-permissions',
      'revision-read',
      'revision-version-read',
      'kms-decrypt',
    ]);
    expect(r.checks.every((c) => c.status === 'pass')).toBe(true);
    expect(r.plan.kind).toBe('server-in-place');
  });

  it('finds roles and profiles by ARN and by name in any case', () => {
    const r = check(
      scenario(),
      server({ serviceRole: SERVICE_ROLE_ARN, instanceProfile: `arn:aws:iam::${ACCOUNT}:instance-profile/web` }),
    );
    expect(r.ready).toBe(true);
    expect(check(scenario(), server({ serviceRole: 'codedeployservicerole', instanceProfile: 'WEB' })).ready).toBe(
      true,
    );
    // An ARN with a different path but the same account and name still finds the role.
    expect(check(scenario(), server({ serviceRole: `arn:aws:iam::${ACCOUNT}:role/CodeDeployServiceRole` })).ready).toBe(
      true,
    );
  });

  it('is ready with a load balancer and the managed policy', () => {
    const r = check(scenario(), server({ loadBalancer: true }));
    expect(r.ready).toBe(true);
    expect(r.plan.kind).toBe('server-in-place-lb');
  });
});

describe('checkDeployment: the instance side', () => {
  it('reports a missing instance profile with did-you-mean', () => {
    const r = check(scenario(), server({ instanceProfile: 'wbe' }));
    expectWellFormed(r);
    expect(r.ready).toBe(false);
    const [f] = only(r, 'deploy/instance-profile-missing');
    expect(f?.suggestions).toEqual(['web']);
    expect(f?.data?.source).toBe('wbe');
    expect(status(r, 'instance-profile')).toBe('fail');
    // Without an instance role, nothing reads the revision: the read check is skipped.
    expect(status(r, 'revision-read')).toBe('skip');
    const byArn = check(scenario(), server({ instanceProfile: `arn:aws:iam::${ACCOUNT}:instance-profile/nope` }));
    expect(only(byArn, 'deploy/instance-profile-missing')[0]?.message).toContain('No instance profile arn:');
  });

  it('reports a profile with no role and one with two roles', () => {
    const none = check(scenario({ profileRoles: [] }), server());
    expect(errors(none)).toEqual(['deploy/instance-profile-role-count']);
    expect(only(none, 'deploy/instance-profile-role-count')[0]?.help).toContain('add-role-to-instance-profile');
    const two = check(
      scenario({
        profileRoles: ['web-app', 'other'],
        extraRoles: [{ name: 'other', trustPolicy: trust('ec2.amazonaws.com') }],
      }),
      server(),
    );
    const [f] = only(two, 'deploy/instance-profile-role-count');
    expect(f?.message).toContain('holds 2 roles');
    expect(f?.help).toContain('remove-role-from-instance-profile');
    expect(f?.data?.roles).toHaveLength(2);
  });

  it('reports a profile whose role is not in the model', () => {
    const r = check(scenario({ profileRoles: ['ghost'] }), server());
    expect(errors(r)).toEqual(['deploy/instance-role-missing']);
    expect(only(r, 'deploy/instance-role-missing')[0]?.data?.role).toBe(`arn:aws:iam::${ACCOUNT}:role/ghost`);
  });

  it('reports an instance role that ec2.amazonaws.com may not assume, with the trust statement to add', () => {
    const r = check(scenario({ webRole: { trustPolicy: trust('lambda.amazonaws.com') } }), server());
    expectWellFormed(r);
    expect(errors(r)).toEqual(['deploy/instance-role-trust']);
    const [f] = only(r, 'deploy/instance-role-trust');
    expect(f?.data).toMatchObject({
      principal: 'ec2.amazonaws.com',
      action: 'sts:AssumeRole',
      resource: WEB_ROLE_ARN,
      decision: 'ImplicitDeny',
      source: `${WEB_ROLE_ARN}#trust`,
    });
    expect(JSON.parse(f?.suggestions?.[0] ?? '{}')).toEqual({
      Effect: 'Allow',
      Principal: { Service: 'ec2.amazonaws.com' },
      Action: 'sts:AssumeRole',
    });
    expect(f?.help).toContain('Add this statement');
  });

  it('explains a trust policy that denies ec2.amazonaws.com, with the statement line', () => {
    const text = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" },
    { "Sid": "NoEc2", "Effect": "Deny", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" }
  ]
}`;
    const r = check(scenario({ webRole: { trustPolicy: text } }), server());
    const [f] = only(r, 'deploy/instance-role-trust');
    expect(f?.data?.decision).toBe('ExplicitDeny');
    expect(f?.range.start.line).toBe(5);
    expect(f?.message).toContain('statement NoEc2 (line 5)');
    expect(f?.data?.deciding).toEqual([
      expect.objectContaining({ policyId: `${WEB_ROLE_ARN}#trust`, sid: 'NoEc2', effect: 'Deny', line: 5 }),
    ]);
    expect(f?.help).toContain('Remove or narrow');
  });

  it('warns when an EC2 deployment has no instance profile', () => {
    const r = check(scenario(), server({ instanceProfile: undefined as unknown as string }));
    const { instanceProfile: _, ...rest } = server();
    const r2 = check(scenario(), rest);
    for (const x of [r, r2]) {
      expect(x.ready).toBe(true);
      expect(only(x, 'deploy/instance-side-unchecked')).toHaveLength(1);
      expect(status(x, 'instance-profile')).toBe('skip');
      expect(status(x, 'revision-read')).toBe('skip');
    }
  });
});

describe('checkDeployment: the revision', () => {
  it('reports an instance role without s3:GetObject, with the statement to add', () => {
    const r = check(
      scenario({
        webRole: {
          inlinePolicies: [
            {
              name: 'ListOnly',
              document: {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }],
              },
            },
          ],
        },
      }),
      server({ revision: S3 }),
    );
    expectWellFormed(r);
    expect(errors(r)).toEqual(['deploy/revision-read-denied']);
    const [f] = only(r, 'deploy/revision-read-denied');
    expect(f?.data).toMatchObject({
      principal: WEB_ROLE_ARN,
      action: 's3:GetObject',
      resource: `arn:aws:s3:::${BUCKET}/${KEY}`,
      decision: 'ImplicitDeny',
      side: 'identity',
      source: `arn:aws:s3:::${BUCKET}`,
    });
    expect(f?.message).toContain('no statement');
    expect(JSON.parse(f?.suggestions?.[0] ?? '{}')).toEqual({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::${BUCKET}/*`,
    });
    expect(f?.help).toContain('web-app');
  });

  it('reports a bucket policy Deny as the deciding statement', () => {
    const deny = {
      ...BUCKET_POLICY,
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'NoWebApp',
            Effect: 'Deny',
            Principal: { AWS: WEB_ROLE_ARN },
            Action: 's3:GetObject*',
            Resource: `arn:aws:s3:::${BUCKET}/*`,
          },
        ],
      },
    };
    const r = check(scenario({ resources: [deny, KEY_POLICY] }), server());
    expect(errors(r)).toEqual(['deploy/revision-read-denied', 'deploy/revision-version-read-denied']);
    const [f] = only(r, 'deploy/revision-read-denied');
    expect(f?.data?.decision).toBe('ExplicitDeny');
    expect(f?.data?.deciding).toEqual([
      expect.objectContaining({ policyId: `arn:aws:s3:::${BUCKET}`, policyType: 'resource', sid: 'NoWebApp' }),
    ]);
    expect(f?.message).toContain('denied explicitly by resource policy');
    expect(f?.help).toContain('Remove or narrow');
  });

  it('reports a versioned bucket without s3:GetObjectVersion', () => {
    const r = check(
      scenario({
        webRole: {
          inlinePolicies: [
            {
              name: 'GetOnly',
              document: {
                Version: '2012-10-17',
                Statement: [
                  { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` },
                  { Effect: 'Allow', Action: 'kms:Decrypt', Resource: KMS_KEY },
                ],
              },
            },
          ],
        },
      }),
      server(),
    );
    expect(errors(r)).toEqual(['deploy/revision-version-read-denied']);
    expect(only(r, 'deploy/revision-version-read-denied')[0]?.data?.action).toBe('s3:GetObjectVersion');
    // Unversioned: no version check at all.
    const plain = check(scenario({ webRole: { inlinePolicies: [] } }), server({ revision: S3 }));
    expect(errors(plain)).toEqual(['deploy/revision-read-denied']);
  });

  it('reports a key policy that does not allow the role (keys must allow explicitly)', () => {
    const otherOnly = {
      ...KEY_POLICY,
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/someone-else` },
            Action: 'kms:Decrypt',
            Resource: '*',
          },
        ],
      },
    };
    const r = check(scenario({ resources: [BUCKET_POLICY, otherOnly] }), server());
    expectWellFormed(r);
    expect(errors(r)).toEqual(['deploy/kms-decrypt-denied']);
    const [f] = only(r, 'deploy/kms-decrypt-denied');
    expect(f?.data).toMatchObject({
      action: 'kms:Decrypt',
      resource: KMS_KEY,
      side: 'resource',
      keyPolicyInModel: true,
    });
    expect(JSON.parse(f?.suggestions?.[0] ?? '{}')).toEqual({
      Effect: 'Allow',
      Principal: { AWS: WEB_ROLE_ARN },
      Action: 'kms:Decrypt',
      Resource: '*',
    });
    expect(f?.help).toContain('key policy must allow the role explicitly');
  });

  it('suggests the identity statement when the key policy trusts the account but the role lacks kms:Decrypt', () => {
    const noKms = {
      Version: '2012-10-17',
      Statement: [READ_REVISIONS.Statement[0] as Record<string, unknown>],
    };
    const r = check(scenario({ webRole: { inlinePolicies: [{ name: 'S3Only', document: noKms }] } }), server());
    const [f] = only(r, 'deploy/kms-decrypt-denied');
    expect(f?.suggestions).toHaveLength(1);
    expect(JSON.parse(f?.suggestions?.[0] ?? '{}')).toEqual({
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: KMS_KEY,
    });
    expect(f?.help).toContain('Add the statement');
  });

  it('reports a key policy Deny', () => {
    const denyKey = {
      ...KEY_POLICY,
      policy: {
        Version: '2012-10-17',
        Statement: [
          ...(KEY_POLICY.policy as { Statement: object[] }).Statement,
          { Effect: 'Deny', Principal: '*', Action: 'kms:Decrypt', Resource: '*' },
        ],
      },
    };
    const r = check(scenario({ resources: [BUCKET_POLICY, denyKey] }), server());
    const [f] = only(r, 'deploy/kms-decrypt-denied');
    expect(f?.data?.decision).toBe('ExplicitDeny');
    expect(f?.help).toContain('Remove or narrow');
  });

  it('warns that a key without a modelled key policy was checked on the identity side only', () => {
    const r = check(scenario({ resources: [BUCKET_POLICY] }), server());
    expect(r.ready).toBe(true);
    expect(only(r, 'deploy/kms-key-policy-unknown')).toHaveLength(1);
    expect(status(r, 'kms-decrypt')).toBe('warn');
  });

  it('asks for the bucket policy when the bucket is in another account', () => {
    const foreign = { ...BUCKET_POLICY, account: '444455556666' };
    const r = check(scenario({ resources: [foreign, KEY_POLICY] }), server({ revision: S3 }));
    const [f] = only(r, 'deploy/revision-read-denied');
    expect(f?.data?.reason).toBe('cross-account-trusting-side');
    expect(f?.help).toContain('belongs to another account');
    expect(JSON.parse(f?.suggestions?.[0] ?? '{}').Principal).toEqual({ AWS: WEB_ROLE_ARN });
  });

  it('names an SCP that blocks the revision download', () => {
    const organization = {
      id: 'o-abcdefghij',
      root: {
        id: 'r-abcd',
        scps: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 's3:Get*', Resource: '*' }] }],
        accounts: [
          {
            id: ACCOUNT,
            scps: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }],
          },
        ],
      },
    };
    const r = check(scenario({ organization }), server({ revision: S3 }));
    const [f] = only(r, 'deploy/revision-read-denied');
    expect(f?.help).toContain('The scp');
  });

  it('takes an unmodelled bucket to be in the account of the reader', () => {
    const r = check(scenario({ resources: [KEY_POLICY] }), server());
    expect(r.findings).toEqual([]);
  });

  it('notes that a GitHub revision is not checked against S3', () => {
    const r = check(scenario(), server({ revision: { github: { repository: 'octo/web' } } }));
    expect(r.ready).toBe(true);
    const [f] = only(r, 'deploy/revision-not-checked');
    expect(f?.severity).toBe('info');
    expect(f?.message).toContain('octo/web');
    expect(status(r, 'revision-read')).toBe('skip');
  });

  it('notes that no revision was given', () => {
    const { revision: _, ...rest } = server();
    const r = check(scenario(), rest);
    expect(r.ready).toBe(true);
    expect(only(r, 'deploy/revision-not-checked')[0]?.help).toContain('--bucket');
  });
});

describe('checkDeployment: the service side', () => {
  it('reports a missing service role with did-you-mean, and skips its other checks', () => {
    const r = check(scenario(), server({ serviceRole: 'CodeDeployServiceRol' }));
    expectWellFormed(r);
    const [f] = only(r, 'deploy/service-role-missing');
    expect(f?.suggestions).toEqual(['CodeDeployServiceRole']);
    expect(f?.help).toContain('AWSCodeDeployRole');
    expect(status(r, 'service-role-trust')).toBe('skip');
    expect(status(r, 'service-role-permissions')).toBe('skip');
    const arn = check(scenario(), server({ serviceRole: `arn:aws:iam::${ACCOUNT}:role/nope` }));
    expect(only(arn, 'deploy/service-role-missing')).toHaveLength(1);
    const garbage = check(scenario(), server({ serviceRole: 'arn:bad' }));
    expect(only(garbage, 'deploy/service-role-missing')).toHaveLength(1);
  });

  it('asks for an ARN when several accounts have a role of that name', () => {
    const input = scenarioInput();
    const first = input.accounts[0];
    const model = createModel({
      ...input,
      accounts: [
        ...input.accounts,
        {
          id: '444455556666',
          roles: [{ name: 'CodeDeployServiceRole', trustPolicy: trust('codedeploy.amazonaws.com') }],
        },
      ],
    }).model as IamModel;
    expect(first).toBeDefined();
    const r = check(model, server());
    const [f] = only(r, 'deploy/service-role-missing');
    expect(f?.message).toContain('give its ARN');
    expect(f?.suggestions).toHaveLength(2);
    expect(check(model, server({ serviceRole: SERVICE_ROLE_ARN })).ready).toBe(true);
  });

  it('reports a service role that codedeploy.amazonaws.com may not assume', () => {
    const r = check(scenario({ serviceRole: { trustPolicy: trust('ec2.amazonaws.com') } }), server());
    expect(errors(r)).toEqual(['deploy/service-role-trust']);
    const [f] = only(r, 'deploy/service-role-trust');
    expect(f?.data).toMatchObject({ principal: 'codedeploy.amazonaws.com', resource: SERVICE_ROLE_ARN });
    expect(f?.suggestions?.[0]).toContain('codedeploy.amazonaws.com');
  });

  it('supplies aws:SourceAccount, so a confused-deputy condition on the account passes', () => {
    const guarded = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'codedeploy.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
        },
      ],
    };
    expect(check(scenario({ serviceRole: { trustPolicy: guarded } }), server()).ready).toBe(true);
    const other = JSON.parse(JSON.stringify(guarded).replace(ACCOUNT, '999999999999'));
    const r = check(scenario({ serviceRole: { trustPolicy: other } }), server());
    expect(errors(r)).toEqual(['deploy/service-role-trust']);
  });

  it('reports every missing permission of a service role without policies, optional ones as warnings', () => {
    const r = check(scenario({ serviceRole: { managedPolicies: [] } }), server());
    expectWellFormed(r);
    const perms = only(r, 'deploy/service-role-permission');
    const required = perms.filter((f) => f.severity === 'error').map((f) => f.data?.action);
    const optional = perms.filter((f) => f.severity === 'warning').map((f) => f.data?.action);
    expect(required).toEqual(['ec2:DescribeInstances', 'ec2:DescribeInstanceStatus', 'tag:GetResources']);
    expect(optional).toContain('sns:Publish');
    expect(optional).toContain('autoscaling:PutLifecycleHook');
    const [first] = perms;
    expect(first?.help).toContain('AWSCodeDeployRole');
    expect(first?.data).toMatchObject({
      principal: SERVICE_ROLE_ARN,
      resource: '*',
      when: 'always',
      tableSource: 'AWSCodeDeployRole',
    });
    // Denied actions on one resource share one suggested statement.
    expect(JSON.parse(first?.suggestions?.[0] ?? '{}').Action).toEqual(expect.arrayContaining(required));
    expect(status(r, 'service-role-permissions')).toBe('fail');
  });

  it('adds the load-balancer actions with a load balancer', () => {
    const input = scenario({ serviceRole: { managedPolicies: [] } });
    const without = only(check(input, server()), 'deploy/service-role-permission').map((f) => f.data?.action);
    const withLb = only(check(input, server({ loadBalancer: true })), 'deploy/service-role-permission').map(
      (f) => f.data?.action,
    );
    expect(without).not.toContain('elasticloadbalancing:RegisterTargets');
    expect(withLb).toContain('elasticloadbalancing:RegisterTargets');
    expect(withLb).toContain('elasticloadbalancing:DeregisterInstancesFromLoadBalancer');
  });

  it('adds the blue/green actions (ASG copy, launch-template extras, iam:PassRole of the instance role)', () => {
    const r = check(scenario(), server({ deploymentType: 'blue-green' }));
    expect(r.plan.kind).toBe('server-blue-green');
    const perms = only(r, 'deploy/service-role-permission');
    // The managed policy has the ASG actions; the launch-template extras come from the User Guide.
    expect(perms.map((f) => f.data?.action)).toEqual(['ec2:RunInstances', 'ec2:CreateTags', 'iam:PassRole']);
    const pass = perms[2];
    expect(pass?.data?.resource).toBe(WEB_ROLE_ARN);
    expect(JSON.parse(pass?.suggestions?.[0] ?? '{}')).toEqual({
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: WEB_ROLE_ARN,
      Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
    });
    expect(pass?.help).toContain('User Guide');
    const bare = check(scenario({ serviceRole: { managedPolicies: [] } }), server({ deploymentType: 'blue-green' }));
    const actions = only(bare, 'deploy/service-role-permission').map((f) => f.data?.action);
    expect(actions).toContain('autoscaling:CreateAutoScalingGroup');
    expect(actions).toContain('ec2:TerminateInstances');
    expect(actions).toContain('elasticloadbalancing:RegisterTargets');
  });

  it('passes a blue/green deployment once the extras are granted', () => {
    const extras = {
      name: 'LaunchTemplateExtras',
      document: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['ec2:RunInstances', 'ec2:CreateTags'], Resource: '*' },
          {
            Effect: 'Allow',
            Action: 'iam:PassRole',
            Resource: WEB_ROLE_ARN,
            Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
          },
        ],
      },
    };
    const r = check(scenario({ serviceRole: { inlinePolicies: [extras] } }), server({ deploymentType: 'blue-green' }));
    expect(r.findings.filter((f) => f.severity !== 'info' && f.ruleId !== 'deploy/plan-warning')).toEqual([]);
    expect(r.ready).toBe(true);
  });

  it('explains a Deny in the service role’s own policy', () => {
    const deny = {
      name: 'NoTerminate',
      document: JSON.stringify(
        { Version: '2012-10-17', Statement: [{ Sid: 'NoTags', Effect: 'Deny', Action: 'tag:*', Resource: '*' }] },
        null,
        2,
      ),
    };
    const r = check(scenario({ serviceRole: { inlinePolicies: [deny] } }), server());
    const [f] = only(r, 'deploy/service-role-permission');
    expect(f?.data?.action).toBe('tag:GetResources');
    expect(f?.data?.decision).toBe('ExplicitDeny');
    expect(f?.range.start.line).toBe(4);
    expect(f?.help).toContain('Remove or narrow');
  });

  it('explains an Allow blocked by an SCP', () => {
    const organization = {
      id: 'o-abcdefghij',
      root: {
        id: 'r-abcd',
        scps: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 'tag:*', Resource: '*' }] }],
        accounts: [
          {
            id: ACCOUNT,
            scps: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }],
          },
        ],
      },
    };
    const r = check(scenario({ organization }), server());
    const [f] = only(r, 'deploy/service-role-permission');
    expect(f?.data?.action).toBe('tag:GetResources');
    expect(f?.data?.side).toBe('guardrail');
    expect(f?.message).toContain('scp');
  });
});

describe('checkDeployment: the AppSpec and the plan', () => {
  it('keeps AppSpec ranges and the original rule id of lint errors', () => {
    const bad = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/a.sh\n      timeout: soon\n';
    const r = check(scenario(), server(), bad);
    expectWellFormed(r);
    expect(r.ready).toBe(false);
    const [f] = only(r, 'deploy/appspec-invalid');
    expect(f?.message.startsWith('AppSpec: ')).toBe(true);
    expect(f?.range.start.line).toBe(6);
    expect(f?.data?.source).toBe('appspec');
    expect(typeof f?.data?.cause).toBe('string');
    expect(status(r, 'appspec')).toBe('fail');
    // The planner's own note on the invalid AppSpec is not repeated.
    expect(r.findings.some((x) => x.data?.cause === 'plan/appspec-invalid')).toBe(false);
  });

  it('lints for the deployment platform: an ECS AppSpec deployed as server fails', () => {
    const r = check(scenario(), server(), ECS_APPSPEC);
    expect(r.ready).toBe(false);
    expect(only(r, 'deploy/appspec-invalid').length + only(r, 'deploy/plan-blocked').length).toBeGreaterThan(0);
  });

  it('reports plan blockers and plan warnings', () => {
    const blocked = check(scenario(), server({ deploymentConfig: 'CodeDeployDefault.ECSAllAtOnce' }));
    const [b] = only(blocked, 'deploy/plan-blocked');
    expect(b?.data).toMatchObject({ source: 'plan', cause: 'plan/config-invalid' });
    expect(b?.message.startsWith('Plan: ')).toBe(true);
    expect(blocked.ready).toBe(false);
    expect(status(blocked, 'plan')).toBe('fail');
    const warned = check(scenario(), server({ deploymentConfig: 'NoSuchConfig' }));
    expect(only(warned, 'deploy/plan-warning')[0]?.data?.cause).toBe('plan/config-unknown');
    expect(warned.ready).toBe(true);
    expect(status(warned, 'plan')).toBe('warn');
  });

  it('plans a parsed AppSpec without linting it', () => {
    const parsed = parseAppSpec(SERVER_APPSPEC, { platform: 'server' }).appSpec;
    expect(parsed).toBeDefined();
    const r = checkDeployment({
      model: scenario(),
      appSpec: parsed as NonNullable<typeof parsed>,
      deployment: server(),
    });
    expect(r.ready).toBe(true);
    expect(status(r, 'appspec')).toBe('skip');
  });

  it('never throws for malformed input from JavaScript callers', () => {
    const model = scenario();
    const garbage: unknown[] = [
      null,
      {},
      { platform: 7, serviceRole: 42, instanceProfile: {}, revision: 'bucket/key' },
      { platform: 'server', serviceRole: '', revision: { s3: { bucket: 1, key: null, kmsKeyArn: 5 } } },
      { platform: 'ecs', serviceRole: 'CodeDeployServiceRole', revision: { github: {} }, deploymentType: 'sideways' },
      { platform: 'lambda', serviceRole: 'CodeDeployServiceRole', revision: { s3: null } },
    ];
    for (const deployment of garbage) {
      for (const appSpec of [SERVER_APPSPEC, 42, null, { platform: 'ecs' }, { platform: 'server' }, '']) {
        const r = checkDeployment({ model, appSpec, deployment } as never);
        expectWellFormed(r);
        expect(r.plan).toBeDefined();
      }
    }
    const empty = checkDeployment({ model, appSpec: SERVER_APPSPEC, deployment: {} as never });
    expect(only(empty, 'deploy/service-role-missing')[0]?.message).toContain('No role was given');
  });

  it('treats an unknown platform as server', () => {
    const r = check(scenario(), server({ platform: 'mainframe' as 'server' }));
    expect(r.plan.platform).toBe('server');
    expect(r.ready).toBe(true);
  });
});

describe('checkDeployment: ECS and Lambda', () => {
  const ecsDeployment: DeploymentInput = { platform: 'ecs', serviceRole: 'CodeDeployServiceRole', revision: S3 };

  it('is ready with AWSCodeDeployRoleForECS; the service role reads the revision', () => {
    const r = check(scenario({ managed: 'ecs' }), ecsDeployment, ECS_APPSPEC);
    expectWellFormed(r);
    expect(r.ready).toBe(true);
    expect(r.checks.find((c) => c.id === 'revision-read')?.title).toContain('Service role');
    expect(r.plan.kind).toBe('ecs-blue-green');
  });

  it('checks lambda:InvokeFunction per hook function, and s3 through the service role', () => {
    const r = check(scenario({ managed: 'ecs', serviceRole: { managedPolicies: [] } }), ecsDeployment, ECS_APPSPEC);
    const actions = only(r, 'deploy/service-role-permission').map((f) => `${f.data?.action} ${f.data?.resource}`);
    expect(actions).toContain(`lambda:InvokeFunction arn:aws:lambda:*:${ACCOUNT}:function:CodeDeployHook_smoke`);
    expect(actions).toContain('ecs:CreateTaskSet *');
    expect(actions).toContain('iam:PassRole *');
    expect(only(r, 'deploy/revision-read-denied')[0]?.data?.principal).toBe(SERVICE_ROLE_ARN);
  });

  it('ignores an instance profile and rejects a GitHub revision', () => {
    const r = check(
      scenario({ managed: 'ecs' }),
      { ...ecsDeployment, instanceProfile: 'web', revision: { github: { repository: 'octo/web' } } },
      ECS_APPSPEC,
    );
    expect(only(r, 'deploy/option-ignored')[0]?.message).toContain('ECS');
    expect(errors(r)).toEqual(['deploy/revision-unsupported']);
    const l = check(
      scenario({ managed: 'lambda' }),
      {
        platform: 'lambda',
        serviceRole: 'CodeDeployServiceRole',
        instanceProfile: 'web',
        revision: { github: { repository: 'o/r' } },
      },
      LAMBDA_APPSPEC,
    );
    expect(only(l, 'deploy/option-ignored')[0]?.message).toContain('Lambda');
    expect(only(l, 'deploy/revision-unsupported')[0]?.message).toContain('Lambda');
  });

  it('skips the revision read when the service role is missing', () => {
    const r = check(scenario({ managed: 'ecs' }), { ...ecsDeployment, serviceRole: 'nobody' }, ECS_APPSPEC);
    expect(status(r, 'revision-read')).toBe('skip');
  });

  it('Lambda: the managed policy allows CodeDeployHook_* hooks only, and revisions under CodeDeploy/', () => {
    const lambda: DeploymentInput = {
      platform: 'lambda',
      serviceRole: 'CodeDeployServiceRole',
      region: 'us-east-1',
      revision: { s3: { bucket: BUCKET, key: 'CodeDeploy/api/appspec.yml' } },
    };
    const r = check(scenario({ managed: 'lambda' }), lambda, LAMBDA_APPSPEC);
    expectWellFormed(r);
    const perms = only(r, 'deploy/service-role-permission');
    expect(perms.map((f) => f.data?.resource)).toEqual([
      `arn:aws:lambda:us-east-1:${ACCOUNT}:function:postTrafficCheck`,
    ]);
    expect(r.ready).toBe(false);
    expect(r.plan.kind).toBe('lambda');

    const outside = check(
      scenario({ managed: 'lambda' }),
      { ...lambda, revision: { s3: { bucket: BUCKET, key: 'releases/appspec.yml' } } },
      LAMBDA_APPSPEC,
    );
    const [read] = only(outside, 'deploy/revision-read-denied');
    expect(read?.data?.missingContextKeys).toContain('s3:ExistingObjectTag/UseWithCodeDeploy');
    expect(read?.message).toContain('lacks the context key');
  });

  it('Lambda: alias actions use the alias ARN from the AppSpec, or * without one', () => {
    const bare = scenario({ managed: 'lambda', serviceRole: { managedPolicies: [] } });
    const lambda: DeploymentInput = { platform: 'lambda', serviceRole: 'CodeDeployServiceRole' };
    const r = check(bare, lambda, LAMBDA_APPSPEC);
    const alias = only(r, 'deploy/service-role-permission').find((f) => f.data?.action === 'lambda:UpdateAlias');
    expect(alias?.data?.resource).toBe(`arn:aws:lambda:*:${ACCOUNT}:function:api:live`);
    const noAlias = LAMBDA_APPSPEC.replace('        Alias: live\n', '');
    const r2 = checkDeployment({
      model: bare,
      appSpec: noAlias,
      deployment: lambda,
    });
    const alias2 = only(r2, 'deploy/service-role-permission').find((f) => f.data?.action === 'lambda:UpdateAlias');
    expect(alias2?.data?.resource).toBe('*');
    const arnName = LAMBDA_APPSPEC.replace('Name: api', `Name: arn:aws:lambda:eu-west-1:${ACCOUNT}:function:api`);
    const r3 = check(bare, lambda, arnName);
    const alias3 = only(r3, 'deploy/service-role-permission').find((f) => f.data?.action === 'lambda:GetAlias');
    expect(alias3?.data?.resource).toBe(`arn:aws:lambda:eu-west-1:${ACCOUNT}:function:api:live`);
    const hookArn = LAMBDA_APPSPEC.replace('postTrafficCheck', `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:post`);
    const r4 = check(bare, lambda, hookArn);
    expect(only(r4, 'deploy/service-role-permission').map((f) => f.data?.resource)).toContain(
      `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:post`,
    );
  });
});

describe('checkDeployment without a usable input', () => {
  it('is not ready, with one deploy/input-invalid error and an empty plan', () => {
    const loose = checkDeployment as (input: unknown) => DeploymentReadiness;
    const model = createModel(scenarioInput()).model as IamModel;
    for (const input of [
      undefined,
      null,
      0,
      'x',
      {},
      { model: undefined },
      { model: {} },
      { model: 0 },
      { model: { ...model, authorize: 1 } },
    ]) {
      const r = loose(input);
      expect(r.ready).toBe(false);
      expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([['deploy/input-invalid', 'error']]);
      expect(r.plan.phases).toEqual([]);
      expect(r.checks).toEqual([]);
      expect(() => JSON.stringify(r)).not.toThrow();
    }
    expect(loose(null).findings[0]?.message).toContain('not an object');
    expect(loose({ model: 0 }).findings[0]?.message).toContain('no IAM account model');
    expect(deploymentRules.some((r) => r.id === 'deploy/input-invalid')).toBe(true);
  });

  it('still checks a real model', () => {
    const r = checkDeployment({
      model: createModel(scenarioInput()).model as IamModel,
      appSpec: SERVER_APPSPEC,
      deployment: { platform: 'server', serviceRole: 'x' },
    });
    expect(r.findings.some((f) => f.ruleId === 'deploy/input-invalid')).toBe(false);
    expect(r.plan.phases.length).toBeGreaterThan(0);
  });
});

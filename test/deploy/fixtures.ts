/**
 * Test data for the deployment-readiness tests: the three AWS managed service-role policies as
 * the AWS Managed Policy Reference shows them (AWSCodeDeployRole v11 of 2023-08-16,
 * AWSCodeDeployRoleForECS v3 of 2019-09-23, AWSCodeDeployRoleForLambda v3 of 2019-12-03), and a
 * builder for small account models.
 */
import { createModel } from '../../src/iam/index.js';
import type { IamModel, ModelInput, ResourcePolicyInput, RoleInput } from '../../src/iam/index.js';

/** A policy document as plain JSON. */
export interface PolicyDoc {
  readonly Version: string;
  readonly Statement: readonly Record<string, unknown>[];
}

export const ACCOUNT = '111122223333';
export const BUCKET = 'example-deployments';
export const KEY = 'web/app-1.4.2.zip';
export const KMS_KEY: string = `arn:aws:kms:us-east-1:${ACCOUNT}:key/0f9e8d7c-6b5a-4c3d-2e1f-0a9b8c7d6e5f`;
export const SERVICE_ROLE_ARN: string = `arn:aws:iam::${ACCOUNT}:role/service-role/CodeDeployServiceRole`;
export const WEB_ROLE_ARN: string = `arn:aws:iam::${ACCOUNT}:role/web-app`;

export const AWS_CODEDEPLOY_ROLE: PolicyDoc = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: [
        'autoscaling:CompleteLifecycleAction',
        'autoscaling:DeleteLifecycleHook',
        'autoscaling:DescribeAutoScalingGroups',
        'autoscaling:DescribeLifecycleHooks',
        'autoscaling:PutLifecycleHook',
        'autoscaling:RecordLifecycleActionHeartbeat',
        'autoscaling:CreateAutoScalingGroup',
        'autoscaling:CreateOrUpdateTags',
        'autoscaling:UpdateAutoScalingGroup',
        'autoscaling:EnableMetricsCollection',
        'autoscaling:DescribePolicies',
        'autoscaling:DescribeScheduledActions',
        'autoscaling:DescribeNotificationConfigurations',
        'autoscaling:SuspendProcesses',
        'autoscaling:ResumeProcesses',
        'autoscaling:AttachLoadBalancers',
        'autoscaling:AttachLoadBalancerTargetGroups',
        'autoscaling:PutScalingPolicy',
        'autoscaling:PutScheduledUpdateGroupAction',
        'autoscaling:PutNotificationConfiguration',
        'autoscaling:PutWarmPool',
        'autoscaling:DescribeScalingActivities',
        'autoscaling:DeleteAutoScalingGroup',
        'ec2:DescribeInstances',
        'ec2:DescribeInstanceStatus',
        'ec2:TerminateInstances',
        'tag:GetResources',
        'sns:Publish',
        'cloudwatch:DescribeAlarms',
        'cloudwatch:PutMetricAlarm',
        'elasticloadbalancing:DescribeLoadBalancers',
        'elasticloadbalancing:DescribeInstanceHealth',
        'elasticloadbalancing:RegisterInstancesWithLoadBalancer',
        'elasticloadbalancing:DeregisterInstancesFromLoadBalancer',
        'elasticloadbalancing:DescribeTargetGroups',
        'elasticloadbalancing:DescribeTargetHealth',
        'elasticloadbalancing:RegisterTargets',
        'elasticloadbalancing:DeregisterTargets',
      ],
      Resource: '*',
    },
  ],
};

export const AWS_CODEDEPLOY_ROLE_FOR_ECS: PolicyDoc = {
  Version: '2012-10-17',
  Statement: [
    {
      Action: [
        'ecs:DescribeServices',
        'ecs:CreateTaskSet',
        'ecs:UpdateServicePrimaryTaskSet',
        'ecs:DeleteTaskSet',
        'elasticloadbalancing:DescribeTargetGroups',
        'elasticloadbalancing:DescribeListeners',
        'elasticloadbalancing:ModifyListener',
        'elasticloadbalancing:DescribeRules',
        'elasticloadbalancing:ModifyRule',
        'lambda:InvokeFunction',
        'cloudwatch:DescribeAlarms',
        'sns:Publish',
        's3:GetObject',
        's3:GetObjectVersion',
      ],
      Resource: '*',
      Effect: 'Allow',
    },
    {
      Action: ['iam:PassRole'],
      Effect: 'Allow',
      Resource: '*',
      Condition: { StringLike: { 'iam:PassedToService': ['ecs-tasks.amazonaws.com'] } },
    },
  ],
};

export const AWS_CODEDEPLOY_ROLE_FOR_LAMBDA: PolicyDoc = {
  Version: '2012-10-17',
  Statement: [
    {
      Action: [
        'cloudwatch:DescribeAlarms',
        'lambda:UpdateAlias',
        'lambda:GetAlias',
        'lambda:GetProvisionedConcurrencyConfig',
        'sns:Publish',
      ],
      Resource: '*',
      Effect: 'Allow',
    },
    { Action: ['s3:GetObject', 's3:GetObjectVersion'], Resource: 'arn:aws:s3:::*/CodeDeploy/*', Effect: 'Allow' },
    {
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Resource: '*',
      Condition: { StringEquals: { 's3:ExistingObjectTag/UseWithCodeDeploy': 'true' } },
      Effect: 'Allow',
    },
    { Action: ['lambda:InvokeFunction'], Resource: 'arn:aws:lambda:*:*:function:CodeDeployHook_*', Effect: 'Allow' },
  ],
};

/** A managed policy of the fixtures. */
export interface ManagedFixture {
  readonly name: string;
  readonly arn: string;
  readonly path: string;
  readonly document: PolicyDoc;
}

export const MANAGED: Readonly<Record<'server' | 'ecs' | 'lambda', ManagedFixture>> = {
  server: {
    name: 'AWSCodeDeployRole',
    arn: 'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole',
    path: '/service-role/',
    document: AWS_CODEDEPLOY_ROLE,
  },
  ecs: {
    name: 'AWSCodeDeployRoleForECS',
    arn: 'arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS',
    path: '/',
    document: AWS_CODEDEPLOY_ROLE_FOR_ECS,
  },
  lambda: {
    name: 'AWSCodeDeployRoleForLambda',
    arn: 'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda',
    path: '/service-role/',
    document: AWS_CODEDEPLOY_ROLE_FOR_LAMBDA,
  },
};

/** A trust policy letting `service` assume the role. */
export function trust(service: string): object {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  };
}

/** The instance role's read policy: GetObject/GetObjectVersion on the bucket, Decrypt with the key. */
export const READ_REVISIONS: PolicyDoc = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'GetRevisions',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Resource: `arn:aws:s3:::${BUCKET}/web/*`,
    },
    { Sid: 'DecryptRevisions', Effect: 'Allow', Action: 'kms:Decrypt', Resource: KMS_KEY },
  ],
};

export const BUCKET_POLICY: ResourcePolicyInput = {
  arn: `arn:aws:s3:::${BUCKET}`,
  account: ACCOUNT,
  policy: {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  },
};

export const KEY_POLICY: ResourcePolicyInput = {
  arn: KMS_KEY,
  policy: {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'EnableIamPolicies',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  },
};

/** Parts of the scenario a test may replace. */
export interface ScenarioOptions {
  readonly serviceRole?: Partial<RoleInput> | null;
  readonly webRole?: Partial<RoleInput> | null;
  readonly extraRoles?: readonly RoleInput[];
  readonly profileRoles?: readonly string[];
  readonly resources?: readonly ResourcePolicyInput[];
  readonly managed?: 'server' | 'ecs' | 'lambda';
  readonly organization?: ModelInput['organization'];
}

/** The scenario's model input: a service role with a managed policy, an instance role in profile `web`. */
export function scenarioInput(o: ScenarioOptions = {}): ModelInput {
  const managed = MANAGED[o.managed ?? 'server'];
  const roles: RoleInput[] = [];
  if (o.serviceRole !== null) {
    roles.push({
      name: 'CodeDeployServiceRole',
      path: '/service-role/',
      trustPolicy: trust('codedeploy.amazonaws.com'),
      managedPolicies: [managed.arn],
      ...o.serviceRole,
    });
  }
  if (o.webRole !== null) {
    roles.push({
      name: 'web-app',
      trustPolicy: trust('ec2.amazonaws.com'),
      inlinePolicies: [{ name: 'ReadRevisions', document: READ_REVISIONS }],
      ...o.webRole,
    });
  }
  roles.push(...(o.extraRoles ?? []));
  return {
    accounts: [
      {
        id: ACCOUNT,
        roles,
        instanceProfiles: [{ name: 'web', roles: [...(o.profileRoles ?? ['web-app'])] }],
        policies: [{ name: managed.name, path: managed.path, arn: managed.arn, document: managed.document }],
      },
    ],
    resources: [...(o.resources ?? [BUCKET_POLICY, KEY_POLICY])],
    ...(o.organization ? { organization: o.organization } : {}),
  };
}

/** The scenario's model. */
export function scenario(o: ScenarioOptions = {}): IamModel {
  const { model, diagnostics } = createModel(scenarioInput(o));
  if (!model) throw new Error(`model: ${diagnostics.map((d) => d.message).join('; ')}`);
  return model;
}

export const SERVER_APPSPEC: string = `version: 0.0
os: linux
files:
  - source: /build
    destination: /srv/web
hooks:
  AfterInstall:
    - location: scripts/configure.sh
      timeout: 180
  ValidateService:
    - location: scripts/health-check.sh
      timeout: 120
`;

export const ECS_APPSPEC: string = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/web:3
        LoadBalancerInfo:
          ContainerName: web
          ContainerPort: 80
Hooks:
  - AfterAllowTestTraffic: CodeDeployHook_smoke
`;

export const LAMBDA_APPSPEC: string = `version: 0.0
Resources:
  - api:
      Type: AWS::Lambda::Function
      Properties:
        Name: api
        Alias: live
        CurrentVersion: 3
        TargetVersion: 4
Hooks:
  - BeforeAllowTraffic: CodeDeployHook_pre
  - AfterAllowTraffic: postTrafficCheck
`;

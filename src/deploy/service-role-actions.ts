/**
 * What the CodeDeploy service role must be allowed, per compute platform: a curated table
 * derived from AWS's managed service-role policies (`AWSCodeDeployRole`,
 * `AWSCodeDeployRoleForECS`, `AWSCodeDeployRoleForLambda`) and the CodeDeploy User Guide.
 *
 * @module
 */
import type { Platform } from '../appspec/model.js';

/** When an action of the table is needed. */
export type ServiceActionWhen =
  /** Every deployment on the platform. */
  | 'always'
  /** EC2/On-Premises blue/green deployments (CodeDeploy copies the Auto Scaling group). */
  | 'blue-green'
  /** Deployments with a load balancer (EC2 in-place with one, every EC2 blue/green). */
  | 'load-balancer'
  /** Once per hook function of an ECS or Lambda AppSpec. */
  | 'hooks'
  /** ECS and Lambda revisions stored in S3 (the service reads the AppSpec itself). */
  | 's3-revision';

/** Where an entry of the table comes from. */
export type ServiceActionSource =
  | 'AWSCodeDeployRole'
  | 'AWSCodeDeployRoleForECS'
  | 'AWSCodeDeployRoleForLambda'
  /** The User Guide's note on Auto Scaling groups with launch templates ("Create a service role"). */
  | 'user-guide';

/**
 * One action the service role needs. `resource` is the pattern to check against: `*` where the
 * managed policy uses `*`, or a placeholder filled in per deployment — `{instanceRoleArn}`,
 * `{revisionObject}`, `{hookFunction}`, `{lambdaAlias}` (each falls back to `*` when unknown).
 */
export interface ServiceRoleAction {
  readonly action: string;
  readonly resource: string;
  readonly when: ServiceActionWhen;
  /** False: needed only with an optional feature (triggers, alarms, ASGs, task roles); a denial is a warning. */
  readonly required: boolean;
  /** One line: why CodeDeploy calls it. */
  readonly reason: string;
  readonly source: ServiceActionSource;
  /** Context keys the call carries, for example `iam:PassedToService`. */
  readonly context?: Readonly<Record<string, string>>;
}

/** A managed policy the table was derived from, with the version used. */
export interface ManagedPolicySource {
  readonly name: string;
  readonly arn: string;
  /** Default version of the document the table was derived from. */
  readonly version: string;
  /** "Edited time" of that version in the AWS Managed Policy Reference. */
  readonly edited: string;
  readonly url: string;
}

/** The managed service-role policy of each platform, as used for {@link SERVICE_ROLE_ACTIONS}. */
export const SERVICE_ROLE_POLICIES: Readonly<Record<Platform, ManagedPolicySource>> = Object.freeze({
  server: Object.freeze({
    name: 'AWSCodeDeployRole',
    arn: 'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole',
    version: 'v11',
    edited: '2023-08-16',
    url: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSCodeDeployRole.html',
  }),
  ecs: Object.freeze({
    name: 'AWSCodeDeployRoleForECS',
    arn: 'arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS',
    version: 'v3',
    edited: '2019-09-23',
    url: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSCodeDeployRoleForECS.html',
  }),
  lambda: Object.freeze({
    name: 'AWSCodeDeployRoleForLambda',
    arn: 'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda',
    version: 'v3',
    edited: '2019-12-03',
    url: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSCodeDeployRoleForLambda.html',
  }),
});

type Row = [action: string, resource: string, when: ServiceActionWhen, required: boolean, reason: string];

function rows(
  source: ServiceActionSource,
  list: readonly Row[],
  context?: Readonly<Record<string, string>>,
): ServiceRoleAction[] {
  return list.map(([action, resource, when, required, reason]) =>
    Object.freeze({
      action,
      resource,
      when,
      required,
      reason,
      source,
      ...(context ? { context: Object.freeze({ ...context }) } : {}),
    }),
  );
}

const ASG = 'when the deployment group has Auto Scaling groups';

const SERVER: readonly ServiceRoleAction[] = [
  ...rows('AWSCodeDeployRole', [
    ['ec2:DescribeInstances', '*', 'always', true, 'finds the instances of the deployment group by tag'],
    ['ec2:DescribeInstanceStatus', '*', 'always', true, 'checks that target instances are running'],
    ['tag:GetResources', '*', 'always', true, 'expands the tag filters of the deployment group'],
    ['autoscaling:DescribeAutoScalingGroups', '*', 'always', false, `lists the instances of the groups (${ASG})`],
    ['autoscaling:DescribeLifecycleHooks', '*', 'always', false, `reads its launch lifecycle hook (${ASG})`],
    ['autoscaling:PutLifecycleHook', '*', 'always', false, `installs the hook that deploys to new instances (${ASG})`],
    ['autoscaling:DeleteLifecycleHook', '*', 'always', false, `removes the hook when the group leaves (${ASG})`],
    ['autoscaling:CompleteLifecycleAction', '*', 'always', false, `lets a new instance enter service (${ASG})`],
    [
      'autoscaling:RecordLifecycleActionHeartbeat',
      '*',
      'always',
      false,
      `keeps a long launch deployment alive (${ASG})`,
    ],
    ['sns:Publish', '*', 'always', false, 'sends trigger notifications (when the group has triggers)'],
    ['cloudwatch:DescribeAlarms', '*', 'always', false, 'monitors the alarms of the group (when alarms are set)'],
    ['autoscaling:CreateAutoScalingGroup', '*', 'blue-green', true, 'copies the original Auto Scaling group'],
    ['autoscaling:UpdateAutoScalingGroup', '*', 'blue-green', true, 'sizes the replacement group'],
    ['autoscaling:DeleteAutoScalingGroup', '*', 'blue-green', true, 'removes the original group after the deployment'],
    ['autoscaling:CreateOrUpdateTags', '*', 'blue-green', true, 'copies the tags of the original group'],
    ['autoscaling:EnableMetricsCollection', '*', 'blue-green', true, 'copies the metrics settings of the group'],
    ['autoscaling:DescribePolicies', '*', 'blue-green', true, 'reads the scaling policies to copy'],
    ['autoscaling:PutScalingPolicy', '*', 'blue-green', true, 'copies the scaling policies'],
    ['autoscaling:DescribeScheduledActions', '*', 'blue-green', true, 'reads the scheduled actions to copy'],
    ['autoscaling:PutScheduledUpdateGroupAction', '*', 'blue-green', true, 'copies the scheduled actions'],
    ['autoscaling:DescribeNotificationConfigurations', '*', 'blue-green', true, 'reads the notifications to copy'],
    ['autoscaling:PutNotificationConfiguration', '*', 'blue-green', true, 'copies the notifications'],
    ['autoscaling:PutWarmPool', '*', 'blue-green', true, 'copies the warm pool of the group'],
    ['autoscaling:SuspendProcesses', '*', 'blue-green', true, 'pauses scaling while traffic moves'],
    ['autoscaling:ResumeProcesses', '*', 'blue-green', true, 'resumes scaling afterwards'],
    [
      'autoscaling:AttachLoadBalancers',
      '*',
      'blue-green',
      true,
      'attaches the copied group to a Classic Load Balancer',
    ],
    [
      'autoscaling:AttachLoadBalancerTargetGroups',
      '*',
      'blue-green',
      true,
      'attaches the copied group to target groups',
    ],
    ['autoscaling:DescribeScalingActivities', '*', 'blue-green', true, 'waits for the replacement instances'],
    ['ec2:TerminateInstances', '*', 'blue-green', true, 'terminates the original instances'],
    ['cloudwatch:PutMetricAlarm', '*', 'blue-green', true, 'copies the alarms of the scaling policies'],
    ['elasticloadbalancing:DescribeLoadBalancers', '*', 'load-balancer', true, 'reads the Classic Load Balancer'],
    ['elasticloadbalancing:DescribeInstanceHealth', '*', 'load-balancer', true, 'waits for instances to be healthy'],
    [
      'elasticloadbalancing:RegisterInstancesWithLoadBalancer',
      '*',
      'load-balancer',
      true,
      'puts instances back behind a Classic Load Balancer (AllowTraffic)',
    ],
    [
      'elasticloadbalancing:DeregisterInstancesFromLoadBalancer',
      '*',
      'load-balancer',
      true,
      'takes instances out of a Classic Load Balancer (BlockTraffic)',
    ],
    ['elasticloadbalancing:DescribeTargetGroups', '*', 'load-balancer', true, 'reads the target groups'],
    ['elasticloadbalancing:DescribeTargetHealth', '*', 'load-balancer', true, 'waits for targets to be healthy'],
    ['elasticloadbalancing:RegisterTargets', '*', 'load-balancer', true, 'registers targets (AllowTraffic)'],
    ['elasticloadbalancing:DeregisterTargets', '*', 'load-balancer', true, 'deregisters targets (BlockTraffic)'],
  ]),
  ...rows('user-guide', [
    ['ec2:RunInstances', '*', 'blue-green', true, 'launches replacement instances from a launch template'],
    ['ec2:CreateTags', '*', 'blue-green', true, 'tags the instances launched from a launch template'],
  ]),
  ...rows(
    'user-guide',
    [
      [
        'iam:PassRole',
        '{instanceRoleArn}',
        'blue-green',
        true,
        'passes the instance role of the launch template to EC2',
      ],
    ],
    { 'iam:PassedToService': 'ec2.amazonaws.com' },
  ),
];

const ECS: readonly ServiceRoleAction[] = [
  ...rows('AWSCodeDeployRoleForECS', [
    ['ecs:DescribeServices', '*', 'always', true, 'reads the service being deployed'],
    ['ecs:CreateTaskSet', '*', 'always', true, 'starts the replacement task set'],
    ['ecs:UpdateServicePrimaryTaskSet', '*', 'always', true, 'makes the replacement task set primary'],
    ['ecs:DeleteTaskSet', '*', 'always', true, 'removes the original task set'],
    ['elasticloadbalancing:DescribeTargetGroups', '*', 'always', true, 'reads the two target groups'],
    ['elasticloadbalancing:DescribeListeners', '*', 'always', true, 'reads the production and test listeners'],
    ['elasticloadbalancing:ModifyListener', '*', 'always', true, 'shifts traffic between target groups'],
    ['elasticloadbalancing:DescribeRules', '*', 'always', true, 'reads the listener rules'],
    ['elasticloadbalancing:ModifyRule', '*', 'always', true, 'shifts traffic of listener rules'],
    ['cloudwatch:DescribeAlarms', '*', 'always', false, 'monitors the alarms of the group (when alarms are set)'],
    ['sns:Publish', '*', 'always', false, 'sends trigger notifications (when the group has triggers)'],
    ['lambda:InvokeFunction', '{hookFunction}', 'hooks', true, 'runs the hook functions of the AppSpec'],
    ['s3:GetObject', '{revisionObject}', 's3-revision', true, 'reads the AppSpec revision from S3'],
    ['s3:GetObjectVersion', '{revisionObject}', 's3-revision', true, 'reads a versioned revision from S3'],
  ]),
  ...rows(
    'AWSCodeDeployRoleForECS',
    [['iam:PassRole', '*', 'always', false, 'passes the task and execution roles (when the task definition has them)']],
    { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' },
  ),
];

const LAMBDA: readonly ServiceRoleAction[] = rows('AWSCodeDeployRoleForLambda', [
  ['lambda:GetAlias', '{lambdaAlias}', 'always', true, 'reads the alias being shifted'],
  ['lambda:UpdateAlias', '{lambdaAlias}', 'always', true, 'shifts the alias weights to the target version'],
  [
    'lambda:GetProvisionedConcurrencyConfig',
    '{lambdaAlias}',
    'always',
    true,
    'waits for provisioned concurrency of the target version',
  ],
  ['cloudwatch:DescribeAlarms', '*', 'always', false, 'monitors the alarms of the group (when alarms are set)'],
  ['sns:Publish', '*', 'always', false, 'sends trigger notifications (when the group has triggers)'],
  ['lambda:InvokeFunction', '{hookFunction}', 'hooks', true, 'runs the hook functions of the AppSpec'],
  ['s3:GetObject', '{revisionObject}', 's3-revision', true, 'reads the AppSpec revision from S3'],
  ['s3:GetObjectVersion', '{revisionObject}', 's3-revision', true, 'reads a versioned revision from S3'],
]);

/** The curated table: per platform, every action the service role may need, with when and why. */
export const SERVICE_ROLE_ACTIONS: Readonly<Record<Platform, readonly ServiceRoleAction[]>> = Object.freeze({
  server: Object.freeze(SERVER),
  ecs: Object.freeze(ECS),
  lambda: Object.freeze(LAMBDA),
});

/** The features of a deployment that decide which rows of the table apply. */
export interface ServiceActionSelector {
  readonly blueGreen: boolean;
  readonly loadBalancer: boolean;
  readonly hooks: boolean;
  readonly s3Revision: boolean;
}

/** The rows of {@link SERVICE_ROLE_ACTIONS} that apply to a deployment on `platform`. */
export function serviceRoleActionsFor(platform: Platform, selector: ServiceActionSelector): ServiceRoleAction[] {
  const table = SERVICE_ROLE_ACTIONS[platform];
  return table.filter((row) => {
    switch (row.when) {
      case 'always':
        return true;
      case 'blue-green':
        return selector.blueGreen;
      case 'load-balancer':
        return selector.loadBalancer || selector.blueGreen;
      case 'hooks':
        return selector.hooks;
      default:
        return selector.s3Revision;
    }
  });
}

import type { Diagnostic, RuleSetting } from '../../diagnostics/types.js';
import type { AppSpec, Platform } from '../model.js';

/** EC2/On-Premises deployment type. ECS and Lambda deployments always shift traffic (blue/green). */
export type DeploymentType = 'in-place' | 'blue-green';

/** Which instances of an EC2 blue/green deployment to plan. */
export type InstanceRole = 'replacement' | 'original' | 'both';

/** Where the EC2 revision comes from; decides the `BUNDLE_*` variables (spec §6.4). */
export type RevisionSource = 's3' | 's3-versioned' | 'github' | 'local';

/** A deployment configuration defined by the caller instead of a predefined name (spec §6.5). */
export type CustomConfig =
  | { readonly kind: 'canary'; readonly percentage: number; readonly intervalMinutes: number }
  | { readonly kind: 'linear'; readonly percentage: number; readonly intervalMinutes: number }
  | { readonly kind: 'all-at-once' }
  | { readonly kind: 'minimum-healthy-hosts'; readonly type: 'HOST_COUNT' | 'FLEET_PERCENT'; readonly value: number };

/** Options of `planDeployment` (spec §6.5). */
export interface PlanOptions {
  /** Absent → the AppSpec's own platform (inferred for text input). */
  readonly platform?: Platform;
  /** Server only; default `'in-place'`. */
  readonly deploymentType?: DeploymentType;
  /** Server in-place: the deployment group has a load balancer. Blue/green always has one. */
  readonly loadBalancer?: boolean;
  readonly rollback?: boolean;
  /** Server: nothing was installed before for this deployment group on the instance. */
  readonly firstDeployment?: boolean;
  /** ECS: the deployment group has a test listener. Default false. */
  readonly testListener?: boolean;
  /** Server: AppSpec of the last revision whose Install completed on the instance; `null` = there is none. */
  readonly previousAppSpec?: AppSpec | string | null;
  /** Server blue/green rollback: AppSpec of the most recently downloaded (failed) revision; `null` = none. */
  readonly mostRecentAppSpec?: AppSpec | string | null;
  /** A predefined configuration name (with or without `CodeDeployDefault.`) or a custom one. */
  readonly deploymentConfig?: string | CustomConfig;
  /** Server: number of instances in the deployment group; enables `batches`. */
  readonly instanceCount?: number;
  /** Server blue/green: which instances to plan. Default `'both'`. */
  readonly instanceRole?: InstanceRole;
  /** The deployment ignores ApplicationStop (and block-traffic) failures. */
  readonly ignoreApplicationStopFailures?: boolean;
  readonly revisionSource?: RevisionSource;
  /** Default: the AppSpec's `os`, else linux. */
  readonly instanceOs?: 'linux' | 'windows';
  /** Add the reserved `Start`/`End` markers. Default true. */
  readonly includeBoundaryEvents?: boolean;
  /** Per-rule severity overrides of the `plan/*` rules, or `'off'`. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
}

/** What an AppSpec's revision is, relative to the deployment (spec §6.1). */
export type ScriptSource = 'current' | 'last-successful' | 'most-recent' | 'none';

/** Whether a step does anything. */
export type StepStatus = 'runs' | 'no-op' | 'skipped';

/** Why a step does not run. */
export type StepStatusReason =
  | 'first-deployment'
  | 'no-scripts'
  | 'no-function'
  | 'no-test-listener'
  | 'previous-appspec-unknown';

/** One script of a planned server step, with the command the agent runs (spec §6.4). */
export interface PlannedScript {
  readonly location: string;
  readonly timeout: number;
  readonly timeoutExplicit: boolean;
  readonly runas?: string;
  readonly sudo: boolean;
  /** Display form of the command, with `{bundle}/` standing for the revision directory. */
  readonly command: string;
}

/** One lifecycle event of a planned deployment. */
export interface Step {
  readonly event: string;
  /** Reserved events run no hooks: Start, End, DownloadBundle, Install, BlockTraffic, AllowTraffic, AllowTestTraffic. */
  readonly reserved: boolean;
  readonly source: ScriptSource;
  readonly status: StepStatus;
  readonly statusReason?: StepStatusReason;
  /** Server hook steps: the scripts of the AppSpec chosen by `source`. */
  readonly scripts?: readonly PlannedScript[];
  /** ECS/Lambda hook steps: the hook function (0 or 1 entry). */
  readonly functions?: readonly string[];
  /** Worst-case run time: hook steps capped at 3600 s, reserved and no-op steps 0. */
  readonly budgetSeconds: number;
  /** Server hook steps: the sum of script timeouts before the 3600 s event cap. */
  readonly uncappedSeconds?: number;
  /** Every lifecycle event fails after one hour. */
  readonly limitSeconds: 3600;
  /** Server hook steps: environment the agent gives the scripts; run-time values as `${NAME}`. */
  readonly env?: Readonly<Record<string, string>>;
  /** Server: a failure of this step is ignored (ignoreApplicationStopFailures). */
  readonly failureIgnored?: boolean;
  /** ECS hook steps: a failing hook can roll the deployment back (not BeforeInstall). */
  readonly canTriggerRollback?: boolean;
}

/** Where a phase's steps run. */
export type PhaseTarget = 'instance' | 'original' | 'replacement' | 'ecs-service' | 'lambda-function';

/** The steps run on one target, in order. */
export interface Phase {
  readonly target: PhaseTarget;
  readonly steps: readonly Step[];
}

/** Share of traffic on the new version at a minute after the first shift (cumulative). */
export interface TrafficShift {
  readonly minute: number;
  readonly percent: number;
}

/** The deployment kinds of spec §6.2. */
export type PlanKind =
  | 'server-in-place'
  | 'server-in-place-lb'
  | 'server-blue-green'
  | 'server-blue-green-rollback'
  | 'ecs-blue-green'
  | 'ecs-rollback'
  | 'lambda';

/** An environment variable the agent sets for server hook scripts, and when. */
export interface EnvironmentVariable {
  readonly name: string;
  readonly when: string;
}

/** The planned lifecycle of a deployment (spec §6.6). */
export interface DeploymentPlan {
  readonly kind: PlanKind;
  readonly platform: Platform;
  readonly rollback: boolean;
  /** In run order. */
  readonly phases: readonly Phase[];
  /** `plan/*` findings, sorted by position. */
  readonly diagnostics: readonly Diagnostic[];
  /** Sum of the hook steps' budgets (worst case, script time only). */
  readonly budgetSeconds: number;
  /** Server in-place: budget × number of batches; otherwise the budget. */
  readonly deploymentWorstCaseSeconds: number;
  /** The deployment configuration applied, as a full predefined name or `custom`. */
  readonly deploymentConfig?: string;
  /** Server with `instanceCount`: instances per batch. */
  readonly batches?: readonly number[];
  /** ECS/Lambda: cumulative share of traffic on the new version over time. */
  readonly traffic?: readonly TrafficShift[];
  /** Server: variables the agent sets for hook scripts. */
  readonly environment: readonly EnvironmentVariable[];
}

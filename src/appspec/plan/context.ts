/**
 * What the planner knows once the phases are built: the input the `plan/*` rules inspect.
 *
 * @module
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import type { AppSpec, Ec2Script, Platform } from '../model.js';
import type { DetectedPlatform } from '../types.js';
import type { ResolvedConfig } from './configs.js';
import type { DeploymentType, InstanceRole, Phase, PhaseTarget, PlanKind, Step, TrafficShift } from './types.js';

/** Which AppSpec an input is, relative to the deployment. */
export type InputRole = 'current' | 'previous' | 'most-recent';

/** One AppSpec given to the planner, after reading it. */
export interface PlanInput {
  readonly role: InputRole;
  /** The model the plan uses; absent when there is none that fits. */
  readonly appSpec?: AppSpec;
  /** Lint errors of a text input. */
  readonly lintErrors: readonly Diagnostic[];
  /** The text could not be read into a model at all. */
  readonly noModel: boolean;
  /** What the linter took a text input for. */
  readonly detected?: DetectedPlatform;
  /** Malformed parts of an object input (by path), left out of the model the plan uses. */
  readonly modelProblems?: readonly string[];
  /** The platform of a model that does not fit the deployment. */
  readonly wrongPlatform?: Platform;
}

/** Why a step needing a previous revision does nothing. */
export type NoPreviousCause = 'first-deployment' | 'fresh-instance' | 'none-given';

/** A planned step with what the rules need to know about where it came from. */
export interface StepInfo {
  readonly target: PhaseTarget;
  readonly step: Step;
  /** Which input the scripts or functions were taken from. */
  readonly origin?: InputRole;
  /** The model's scripts behind `step.scripts` (their ranges belong to `origin`'s text). */
  readonly rawScripts?: readonly Ec2Script[];
  readonly noPreviousCause?: NoPreviousCause;
}

/** An option that was ignored or had a bad value. */
export interface OptionIssue {
  readonly option: string;
  readonly message: string;
}

/** The planner's state after building the phases. */
export interface PlanContext {
  readonly platform: Platform;
  readonly kind: PlanKind;
  readonly rollback: boolean;
  readonly deploymentType: DeploymentType;
  readonly loadBalancer: boolean;
  readonly testListener: boolean;
  readonly instanceRole: InstanceRole;
  readonly os: 'linux' | 'windows';
  /** The current AppSpec's model, when usable. */
  readonly current: AppSpec | undefined;
  readonly inputs: readonly PlanInput[];
  /** Platform the caller asked for, when it differs from the current model's. */
  readonly requestedPlatform?: Platform;
  readonly phases: readonly Phase[];
  readonly steps: readonly StepInfo[];
  readonly config: ResolvedConfig;
  readonly optionIssues: readonly OptionIssue[];
  readonly budgetSeconds: number;
  readonly batches?: readonly number[];
  readonly deploymentWorstCaseSeconds: number;
  readonly traffic?: readonly TrafficShift[];
}

/**
 * Types of the deployment-readiness check (`checkDeployment`).
 *
 * @module
 */
import type { AppSpec, Platform } from '../appspec/model.js';
import type { DeploymentPlan, DeploymentType } from '../appspec/plan/types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { IamModel } from '../iam/model/types.js';

/** A revision stored in S3. */
export interface S3RevisionInput {
  readonly bucket: string;
  readonly key: string;
  /** The bucket has versioning: the agent fetches a version (`s3:GetObjectVersion`). */
  readonly versioned?: boolean;
  /** The object is encrypted with this KMS key (SSE-KMS). */
  readonly kmsKeyArn?: string;
}

/** Where the revision comes from. */
export type RevisionInput = { readonly s3: S3RevisionInput } | { readonly github: { readonly repository: string } };

/** The deployment to check. */
export interface DeploymentInput {
  readonly platform: Platform;
  /** The CodeDeploy service role: a role name or ARN. */
  readonly serviceRole: string;
  /** EC2/On-Premises: the instance profile of the target instances (name or ARN). */
  readonly instanceProfile?: string;
  readonly revision?: RevisionInput;
  /** EC2/On-Premises; ECS and Lambda always shift traffic. Default `'in-place'`. */
  readonly deploymentType?: DeploymentType;
  /** EC2/On-Premises in-place: the deployment group has a load balancer. */
  readonly loadBalancer?: boolean;
  /** A predefined deployment configuration name, for example `CodeDeployDefault.OneAtATime`. */
  readonly deploymentConfig?: string;
  /** Region of the deployment, used in Lambda ARNs; default `*` (matches only wildcard regions). */
  readonly region?: string;
}

/** The input of `checkDeployment`. */
export interface CheckDeploymentInput {
  readonly model: IamModel;
  /** AppSpec text (linted and planned) or an already-parsed AppSpec (planned only). */
  readonly appSpec: string | AppSpec;
  readonly deployment: DeploymentInput;
}

/** The state of one item of the readiness checklist. */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

/** One item of the readiness checklist, in the order the checks ran. */
export interface DeploymentCheck {
  /** Stable id, for example `instance-profile` or `service-role-permissions`. */
  readonly id: string;
  /** A short line, for example `Instance profile web holds one role`. */
  readonly title: string;
  readonly status: CheckStatus;
  /** Rule ids of the findings behind a `fail` or `warn`. */
  readonly ruleIds: readonly string[];
}

/** The result of `checkDeployment`. */
export interface DeploymentReadiness {
  /** No finding is an error. */
  readonly ready: boolean;
  /** `deploy/*` findings, in check order. */
  readonly findings: readonly Diagnostic[];
  readonly plan: DeploymentPlan;
  /** The checklist: what was checked and how it went. */
  readonly checks: readonly DeploymentCheck[];
}

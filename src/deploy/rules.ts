/**
 * Metadata of the `deploy/*` findings of `checkDeployment`.
 *
 * @module
 */
import type { RuleMeta } from '../diagnostics/types.js';

function rule(
  id: string,
  defaultSeverity: RuleMeta['defaultSeverity'],
  category: string,
  description: string,
  rationale: string,
): RuleMeta {
  return Object.freeze({ id: `deploy/${id}`, defaultSeverity, category, description, rationale });
}

/** Every finding `checkDeployment` reports, in check order. */
export const deploymentRules: readonly RuleMeta[] = Object.freeze([
  rule(
    'input-invalid',
    'error',
    'input',
    'The input of checkDeployment is not an object with an IAM account model (roles, instance profiles, resources, authorize).',
    'Nothing can be checked without the account model; the result is not ready, with an empty plan.',
  ),
  rule(
    'appspec-invalid',
    'error',
    'appspec',
    'The AppSpec has a lint error for the platform of the deployment.',
    'The CodeDeploy agent or service rejects the revision; the finding keeps the AppSpec range and the original rule id in data.cause.',
  ),
  rule(
    'plan-blocked',
    'error',
    'appspec',
    'The lifecycle plan has an error (for example an invalid deployment configuration or a platform mismatch).',
    'CodeDeploy refuses to create such a deployment.',
  ),
  rule(
    'plan-warning',
    'warning',
    'appspec',
    'The lifecycle plan has a warning (a hook that never runs, a time budget over the limit …).',
    'The deployment starts but may not do what the AppSpec suggests.',
  ),
  rule(
    'instance-profile-missing',
    'error',
    'instance',
    'The instance profile of the target instances is not in the account model.',
    'Without it the instances get no credentials: the agent cannot download the revision.',
  ),
  rule(
    'instance-profile-role-count',
    'error',
    'instance',
    'The instance profile holds no role, or more than one.',
    'EC2 delivers credentials only from a profile that holds exactly one role.',
  ),
  rule(
    'instance-role-missing',
    'error',
    'instance',
    'The role of the instance profile is not in the account model.',
    'A profile that names a deleted role delivers no credentials.',
  ),
  rule(
    'instance-role-trust',
    'error',
    'instance',
    'The trust policy of the instance role does not let ec2.amazonaws.com assume it.',
    'EC2 cannot get credentials for the instances, so the agent cannot call S3 or CodeDeploy.',
  ),
  rule(
    'instance-side-unchecked',
    'warning',
    'instance',
    'An EC2/On-Premises deployment was checked without an instance profile.',
    'Instance access to the revision could not be checked (on-premises instances use an IAM user or role instead).',
  ),
  rule(
    'revision-read-denied',
    'error',
    'revision',
    'The principal that downloads the revision may not s3:GetObject it (identity policies, bucket policy, guardrails).',
    'The deployment fails at DownloadBundle (EC2) or before it starts (ECS, Lambda).',
  ),
  rule(
    'revision-version-read-denied',
    'error',
    'revision',
    'The revision is in a versioned bucket but the principal may not s3:GetObjectVersion it.',
    'CodeDeploy fetches a specific version of the object from a versioned bucket.',
  ),
  rule(
    'kms-decrypt-denied',
    'error',
    'revision',
    'The revision is encrypted with SSE-KMS and the principal may not kms:Decrypt with the key (key policy and identity policies).',
    'S3 cannot decrypt the object for the principal, so the download fails with AccessDenied.',
  ),
  rule(
    'kms-key-policy-unknown',
    'warning',
    'revision',
    'The KMS key of the revision has no key policy in the account model.',
    'Every KMS key has a key policy that must allow explicitly; without it only the identity side was checked.',
  ),
  rule(
    'revision-not-checked',
    'info',
    'revision',
    'Access to the revision was not checked (a GitHub revision, or no revision given).',
    'GitHub revisions are fetched through the CodeDeploy GitHub connection, not IAM.',
  ),
  rule(
    'revision-unsupported',
    'error',
    'revision',
    'ECS and Lambda deployments cannot use a GitHub revision.',
    'Their AppSpec must be stored in S3 or given inline.',
  ),
  rule(
    'service-role-missing',
    'error',
    'service',
    'The CodeDeploy service role is not in the account model.',
    'CodeDeploy cannot act on the deployment group without its service role.',
  ),
  rule(
    'service-role-trust',
    'error',
    'service',
    'The trust policy of the service role does not let codedeploy.amazonaws.com assume it.',
    'CodeDeploy cannot assume the role, so every deployment of the group fails.',
  ),
  rule(
    'service-role-permission',
    'error',
    'service',
    'The service role may not perform an action CodeDeploy needs on this platform (warning for actions needed only with optional features).',
    'The deployment fails at the step that needs the action (the table is in docs/deployment-readiness.md).',
  ),
  rule(
    'option-ignored',
    'info',
    'input',
    'A deployment option does not apply to the platform and was ignored.',
    'For example, ECS and Lambda deployments have no instance profile.',
  ),
]);

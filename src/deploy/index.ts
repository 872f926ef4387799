/**
 * Deployment readiness: the AppSpec linter, the lifecycle planner and the IAM account model
 * composed into one check of a CodeDeploy deployment.
 *
 * @module
 */
export { checkDeployment } from './check.js';
export { deploymentRules } from './rules.js';
export {
  SERVICE_ROLE_ACTIONS,
  SERVICE_ROLE_POLICIES,
  serviceRoleActionsFor,
} from './service-role-actions.js';
export type {
  ManagedPolicySource,
  ServiceActionSelector,
  ServiceActionSource,
  ServiceActionWhen,
  ServiceRoleAction,
} from './service-role-actions.js';
export type {
  CheckDeploymentInput,
  CheckStatus,
  DeploymentCheck,
  DeploymentInput,
  DeploymentReadiness,
  RevisionInput,
  S3RevisionInput,
} from './types.js';

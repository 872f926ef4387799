/**
 * Lifecycle event names of the three compute platforms (spec/appspec.md §3, §6): the one list
 * that inference, the rules and the planner share.
 *
 * @module
 */

/** The nine EC2/On-Premises events that run scripts, in lifecycle order. */
export const EC2_SCRIPTABLE_EVENTS: readonly string[] = Object.freeze([
  'ApplicationStop',
  'BeforeInstall',
  'AfterInstall',
  'ApplicationStart',
  'ValidateService',
  'BeforeBlockTraffic',
  'AfterBlockTraffic',
  'BeforeAllowTraffic',
  'AfterAllowTraffic',
]);

/** EC2/On-Premises events the agent or the service runs itself; no script runs there. */
export const EC2_RESERVED_EVENTS: readonly string[] = Object.freeze([
  'Start',
  'DownloadBundle',
  'Install',
  'BlockTraffic',
  'AllowTraffic',
  'End',
]);

/** The five ECS events that run hook functions, in run order. */
export const ECS_HOOK_EVENTS: readonly string[] = Object.freeze([
  'BeforeInstall',
  'AfterInstall',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AfterAllowTraffic',
]);

/** ECS events the service runs itself (`TestTraffic` is the guide's other name for `AllowTestTraffic`). */
export const ECS_RESERVED_EVENTS: readonly string[] = Object.freeze([
  'Start',
  'Install',
  'AllowTestTraffic',
  'TestTraffic',
  'AllowTraffic',
  'End',
]);

/** The two Lambda events that run hook functions, in run order. */
export const LAMBDA_HOOK_EVENTS: readonly string[] = Object.freeze(['BeforeAllowTraffic', 'AfterAllowTraffic']);

/** Lambda events the service runs itself. */
export const LAMBDA_RESERVED_EVENTS: readonly string[] = Object.freeze(['Start', 'AllowTraffic', 'End']);

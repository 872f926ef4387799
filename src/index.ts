/**
 * `iamspec`: everything in one import. The subpaths `iamspec/iam` and `iamspec/appspec`
 * load only their own half.
 *
 * @module
 */
export * from './diagnostics/index.js';
export * from './iam/index.js';
export * from './appspec/index.js';
export * from './deploy/index.js';
// Both halves have a `Verdict`: the root keeps IAM's and renames the AppSpec lint verdict.
export type { Verdict } from './iam/index.js';
export type { Verdict as AppSpecVerdict } from './appspec/index.js';

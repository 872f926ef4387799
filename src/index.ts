/**
 * `iamspec`: everything in one import. The subpaths `iamspec/iam` and `iamspec/appspec`
 * load only their own half.
 *
 * @module
 */
export * from './diagnostics/index.js';
export * from './iam/index.js';
export * from './appspec/index.js';

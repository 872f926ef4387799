/**
 * The IAM account model (spec/iam.md §6): `createModel`, `fromAuthorizationDetails` and the
 * model types.
 *
 * @module
 */
export { createModel } from './model.js';
export { fromAuthorizationDetails } from './details.js';
export { DEFAULT_INSTANCE_ID, DEFAULT_SESSION_NAME } from './authorize.js';
export { DEFAULT_QUOTAS } from './build.js';
export type * from './types.js';

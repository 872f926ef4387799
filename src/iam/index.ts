/**
 * `iamspec/iam`: IAM policies parsed, linted and evaluated, and the account model.
 * Importing this entry loads neither `yaml` nor `ajv`.
 *
 * @module
 */
export type * from '../diagnostics/types.js';
export type {
  ConditionEntry,
  ParsePolicyResult,
  Policy,
  PolicyType,
  PrincipalElement,
  PrincipalKind,
  SetOperator,
  SourceLocation,
  SourcedString,
  Statement,
} from './policy/types.js';
export { POLICY_TYPES } from './policy/types.js';
export type * from './evaluate/types.js';

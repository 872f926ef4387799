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
export { createEvaluator, evaluate } from './evaluate/evaluate.js';
export type { Evaluator } from './evaluate/evaluate.js';
export { parsePolicy } from './policy/parse.js';
export type { ParsePolicyOptions } from './policy/parse.js';
export { serializePolicy } from './policy/serialize.js';
export type { SerializedPolicy, SerializedJson } from './policy/serialize.js';
export { lintPolicy } from './lint/lint.js';
export { policyRules } from './lint/rules/index.js';
export type {
  LintPolicyOptions,
  LintPolicyResult,
  PolicyFinding,
  PolicyRule,
  PolicyRuleCategory,
  PolicyRuleContext,
  PolicyRuleMeta,
} from './lint/types.js';
export type {
  CatalogAction,
  CatalogActionResourceType,
  CatalogConditionKey,
  CatalogResourceType,
  ServiceCatalog,
} from './lint/catalog.js';
export { GLOBAL_CONDITION_KEYS, lookupGlobalKey } from './lint/global-keys.js';
export type { ConditionKeyInfo, ConditionKeyType } from './lint/global-keys.js';
export { CONDITION_OPERATORS, parseOperator } from './policy/operators.js';
export type { OperatorComparison, OperatorFamily, OperatorInfo, ParsedOperator } from './policy/operators.js';
export { parseTemplate } from './policy/variables.js';
export type {
  ParsedTemplate,
  TemplateLiteral,
  TemplatePart,
  TemplateProblem,
  TemplateProblemReason,
  TemplateVariable,
} from './policy/variables.js';
export type {
  JsonArrayNode,
  JsonBooleanNode,
  JsonEntry,
  JsonInvalidNode,
  JsonNode,
  JsonNodeBase,
  JsonNullNode,
  JsonNumberNode,
  JsonObjectNode,
  JsonStringNode,
} from './policy/json.js';
export { parsePrincipalArn, splitArn } from './policy/arn.js';
export type { ArnParts, PrincipalArn, PrincipalArnKind } from './policy/arn.js';
export {
  compareDecimal,
  decodeBase64,
  ipInCidr,
  parseBool,
  parseDate,
  parseDecimal,
  parseIp,
} from './policy/values.js';
export type { Decimal, ParsedDate, ParsedIp } from './policy/values.js';
export {
  createModel,
  fromAuthorizationDetails,
  DEFAULT_INSTANCE_ID,
  DEFAULT_SESSION_NAME,
  DEFAULT_QUOTAS,
} from './model/index.js';
export type * from './model/types.js';

/**
 * The semantic policy rules (spec/iam.md §7: actions, ARNs, principals, conditions, variables,
 * security findings), one rule per file. Rules marked `needsCatalog` run only when `lintPolicy`
 * gets a service catalog (for example `serviceCatalog` from `iamspec/catalog`).
 *
 * @module
 */
import type { PolicyRule } from '../../types.js';
import { actionMalformed } from './action-malformed.js';
import { actionRedundant } from './action-redundant.js';
import { actionServiceWildcard } from './action-service-wildcard.js';
import { actionUnknown } from './action-unknown.js';
import { allowAll } from './allow-all.js';
import { allowNotaction } from './allow-notaction.js';
import { allowNotresource } from './allow-notresource.js';
import { arnAccountInvalid } from './arn-account-invalid.js';
import { arnMalformed } from './arn-malformed.js';
import { arnPartitionUnknown } from './arn-partition-unknown.js';
import { arnServiceWildcard } from './arn-service-wildcard.js';
import { arnUppercasePrefix } from './arn-uppercase-prefix.js';
import { conditionKeyNotApplicable } from './condition-key-not-applicable.js';
import { conditionKeyTypeMismatch } from './condition-key-type-mismatch.js';
import { conditionKeyUnknown } from './condition-key-unknown.js';
import { conditionValueInvalid } from './condition-value-invalid.js';
import { dateValueAmbiguous } from './date-value-ambiguous.js';
import { forallvaluesAllowNoNullGuard } from './forallvalues-allow-no-null-guard.js';
import { ifexistsRedundant } from './ifexists-redundant.js';
import { ipCidrHostBits } from './ip-cidr-host-bits.js';
import { mfaDenyBoolFalse } from './mfa-deny-bool-false.js';
import { mfaNullCheck } from './mfa-null-check.js';
import { multivaluedKeyBareOperator } from './multivalued-key-bare-operator.js';
import { notprincipalDeny } from './notprincipal-deny.js';
import { notprincipalIncomplete } from './notprincipal-incomplete.js';
import { nullValueInvalid } from './null-value-invalid.js';
import { passroleStar } from './passrole-star.js';
import { principalMalformed } from './principal-malformed.js';
import { principalPartialWildcard } from './principal-partial-wildcard.js';
import { principalPublicAllow } from './principal-public-allow.js';
import { resourceActionMismatch } from './resource-action-mismatch.js';
import { resourceRedundant } from './resource-redundant.js';
import { sensitiveActionStarResource } from './sensitive-action-star-resource.js';
import { sensitiveKeyWildcard } from './sensitive-key-wildcard.js';
import { setOperatorSingleValuedKey } from './set-operator-single-valued-key.js';
import { statementDuplicate } from './statement-duplicate.js';
import { statementRedundant } from './statement-redundant.js';
import { trustActionUnexpected } from './trust-action-unexpected.js';
import { trustFederatedUnconstrained } from './trust-federated-unconstrained.js';
import { trustPublic } from './trust-public.js';
import { variableIgnoredVersion } from './variable-ignored-version.js';
import { variableKeyUnknown } from './variable-key-unknown.js';
import { variableMalformed } from './variable-malformed.js';
import { variableMultivaluedKey } from './variable-multivalued-key.js';
import { variablePositionInvalid } from './variable-position-invalid.js';
import { wildcardWithoutLike } from './wildcard-without-like.js';

/** Every semantic rule, sorted by id. */
export const semanticRules: readonly PolicyRule[] = Object.freeze([
  actionMalformed,
  actionRedundant,
  actionServiceWildcard,
  actionUnknown,
  allowAll,
  allowNotaction,
  allowNotresource,
  arnAccountInvalid,
  arnMalformed,
  arnPartitionUnknown,
  arnServiceWildcard,
  arnUppercasePrefix,
  conditionKeyNotApplicable,
  conditionKeyTypeMismatch,
  conditionKeyUnknown,
  conditionValueInvalid,
  dateValueAmbiguous,
  forallvaluesAllowNoNullGuard,
  ifexistsRedundant,
  ipCidrHostBits,
  mfaDenyBoolFalse,
  mfaNullCheck,
  multivaluedKeyBareOperator,
  notprincipalDeny,
  notprincipalIncomplete,
  nullValueInvalid,
  passroleStar,
  principalMalformed,
  principalPartialWildcard,
  principalPublicAllow,
  resourceActionMismatch,
  resourceRedundant,
  sensitiveActionStarResource,
  sensitiveKeyWildcard,
  setOperatorSingleValuedKey,
  statementDuplicate,
  statementRedundant,
  trustActionUnexpected,
  trustFederatedUnconstrained,
  trustPublic,
  variableIgnoredVersion,
  variableKeyUnknown,
  variableMalformed,
  variableMultivaluedKey,
  variablePositionInvalid,
  wildcardWithoutLike,
]);

/**
 * The document rules of spec/iam.md §7: JSON, grammar, element presence per type, Version,
 * Sid, characters and size. Most are reported by `parsePolicy` (§1.6); the others are checks.
 *
 * @module
 */
import type { PolicyRule } from '../../types.js';
import { actionMissing } from './action-missing.js';
import { conditionOperatorCase } from './condition-operator-case.js';
import { conditionOperatorUnknown } from './condition-operator-unknown.js';
import { effectInvalid } from './effect-invalid.js';
import { elementNotAllowed } from './element-not-allowed.js';
import { elementUnknown } from './element-unknown.js';
import { emptyArray } from './empty-array.js';
import { guardrailNoAllow } from './guardrail-no-allow.js';
import { idInIdentityPolicy } from './id-in-identity-policy.js';
import { invalidCharacter } from './invalid-character.js';
import { jsonDuplicateKey } from './json-duplicate-key.js';
import { jsonInvalid } from './json-invalid.js';
import { notprincipalWithAllow } from './notprincipal-with-allow.js';
import { nullWithIfexists } from './null-with-ifexists.js';
import { policySizeExceeded } from './policy-size-exceeded.js';
import { policySizeNearLimit } from './policy-size-near-limit.js';
import { principalConflict } from './principal-conflict.js';
import { principalInIdentityPolicy } from './principal-in-identity-policy.js';
import { principalMissing } from './principal-missing.js';
import { rcpAllow } from './rcp-allow.js';
import { rcpPrincipalNotStar } from './rcp-principal-not-star.js';
import { resourceMissing } from './resource-missing.js';
import { sidDuplicate } from './sid-duplicate.js';
import { sidInvalid } from './sid-invalid.js';
import { statementMissing } from './statement-missing.js';
import { valueTypeInvalid } from './value-type-invalid.js';
import { versionInvalid } from './version-invalid.js';
import { versionMissing } from './version-missing.js';
import { versionOutdated } from './version-outdated.js';

/** Every document rule. */
export const documentRules: readonly PolicyRule[] = Object.freeze([
  actionMissing,
  conditionOperatorCase,
  conditionOperatorUnknown,
  effectInvalid,
  elementNotAllowed,
  elementUnknown,
  emptyArray,
  guardrailNoAllow,
  idInIdentityPolicy,
  invalidCharacter,
  jsonDuplicateKey,
  jsonInvalid,
  notprincipalWithAllow,
  nullWithIfexists,
  policySizeExceeded,
  policySizeNearLimit,
  principalConflict,
  principalInIdentityPolicy,
  principalMissing,
  rcpAllow,
  rcpPrincipalNotStar,
  resourceMissing,
  sidDuplicate,
  sidInvalid,
  statementMissing,
  valueTypeInvalid,
  versionInvalid,
  versionMissing,
  versionOutdated,
]);

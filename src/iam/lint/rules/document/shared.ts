/**
 * Helpers shared by the document rules.
 *
 * @module
 */
import { POLICY_TYPES, type PolicyType } from '../../../policy/types.js';
import type { PolicyRule, PolicyRuleContext, PolicyRuleMeta } from '../../types.js';

/** Every policy type. */
export const ALL: readonly PolicyType[] = POLICY_TYPES;
/** identity, boundary, session, trust: documents stored by IAM. */
export const IAM: readonly PolicyType[] = Object.freeze(['identity', 'boundary', 'session', 'trust']);
/** identity, boundary, session. */
export const ID_LIKE: readonly PolicyType[] = Object.freeze(['identity', 'boundary', 'session']);
/** resource, trust, endpoint. */
export const RB: readonly PolicyType[] = Object.freeze(['resource', 'trust', 'endpoint']);

/** A rule whose findings `parsePolicy` reports (spec/iam.md §1.6). */
export function parserRule(meta: Omit<PolicyRuleMeta, 'reportedByParser'>): PolicyRule {
  return Object.freeze({ meta: Object.freeze({ ...meta, reportedByParser: true }) });
}

/** A rule with a check run by `lintPolicy`. */
export function checkRule(meta: PolicyRuleMeta, check: (ctx: PolicyRuleContext) => void): PolicyRule {
  return Object.freeze({ meta: Object.freeze(meta), check });
}

/**
 * The registry of every policy lint rule: the document rules and the semantic rules.
 *
 * @module
 */
import type { PolicyRule, PolicyRuleMeta } from '../types.js';
import { documentRules } from './document/index.js';
import { semanticRules } from './semantic/index.js';

/** Every policy rule, document rules first. */
export const allPolicyRules: readonly PolicyRule[] = Object.freeze([...documentRules, ...semanticRules]);

/** Metadata of every policy rule. */
export const policyRules: readonly PolicyRuleMeta[] = Object.freeze(allPolicyRules.map((r) => r.meta));

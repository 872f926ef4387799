/**
 * The shape of a semantic policy rule: metadata plus a pure check that returns findings.
 * `index.ts` adapts these to the lint framework.
 *
 * @module
 */
import type { Policy, PolicyType, SourceLocation } from '../../../../policy/types.js';
import type { ServiceCatalog } from '../../../catalog.js';
import type { PolicyFinding, PolicyRule, PolicyRuleContext, PolicyRuleMeta } from '../../../types.js';

/** The catalog lookups the semantic rules use (implemented by `iamspec/catalog`). */
export type SemanticCatalog = ServiceCatalog;

/** What a semantic rule's check sees (a subset of the framework's rule context). */
export interface SemanticContext {
  readonly policy: Policy;
  readonly type: PolicyType;
  readonly catalog?: SemanticCatalog;
  /** Known partitions (for `arn-partition-unknown`). */
  readonly partitions?: readonly string[];
}

/** One finding of a semantic rule. */
export type SemanticFinding = PolicyFinding & { readonly at: SourceLocation };

/** Metadata of a semantic rule: documentation fields are required. */
export interface SemanticRuleMeta extends PolicyRuleMeta {
  readonly rationale: string;
  readonly badExample: string;
  readonly goodExample: string;
}

/** Every policy type. */
export const ALL_TYPES: readonly PolicyType[] = Object.freeze([
  'identity',
  'resource',
  'trust',
  'boundary',
  'scp',
  'rcp',
  'session',
  'endpoint',
]);
/** identity, boundary, session. */
export const ID_LIKE: readonly PolicyType[] = Object.freeze(['identity', 'boundary', 'session']);
/** resource, trust, endpoint. */
export const RB: readonly PolicyType[] = Object.freeze(['resource', 'trust', 'endpoint']);

/** A semantic rule: the framework's rule with documented metadata. */
export interface SemanticRule extends PolicyRule {
  readonly meta: SemanticRuleMeta;
}

/** Defines a rule from metadata and a pure check that returns its findings. */
export function defineRule(meta: SemanticRuleMeta, find: (ctx: SemanticContext) => SemanticFinding[]): SemanticRule {
  return Object.freeze({
    meta: Object.freeze(meta),
    check(ctx: PolicyRuleContext): void {
      const partitions = ctx.options.partitions;
      const findings = find({
        policy: ctx.policy,
        type: ctx.type,
        ...(ctx.catalog ? { catalog: ctx.catalog } : {}),
        ...(partitions ? { partitions } : {}),
      });
      for (const f of findings) ctx.report(f);
    },
  });
}

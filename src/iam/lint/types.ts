/**
 * Types of the policy linter: rule metadata, the rule context and options.
 *
 * @module
 */
import type { LineIndex } from '../../diagnostics/line-index.js';
import type { Diagnostic, RuleMeta, RuleSetting, Severity } from '../../diagnostics/types.js';
import type { JsonNode } from '../policy/json.js';
import type { Policy, PolicyType, SourceLocation } from '../policy/types.js';
import type { ServiceCatalog } from './catalog.js';

/**
 * Rule grouping. spec/iam.md §7 "security" findings have severity `warning` and category
 * `security`; "suggestion" findings have severity `info` and category `suggestion`.
 */
export type PolicyRuleCategory = 'correctness' | 'security' | 'suggestion';

/** Metadata of one policy lint rule, as published in `policyRules`. */
export interface PolicyRuleMeta extends RuleMeta {
  readonly category: PolicyRuleCategory;
  /** Policy types the rule runs for. */
  readonly appliesTo: readonly PolicyType[];
  /** Severity for particular types, overriding `defaultSeverity` (e.g. `version-missing` is an error for SCPs). */
  readonly severityByType?: Readonly<Partial<Record<PolicyType, Severity>>>;
  /** True when the rule needs a {@link ServiceCatalog} and is skipped without one. */
  readonly needsCatalog?: boolean;
  /** True when `parsePolicy` reports the rule (its findings are parse errors, §1.6) rather than a check. */
  readonly reportedByParser?: boolean;
  /** True when the check also runs on text that is not a valid policy (size checks). */
  readonly runsOnInvalidDocument?: boolean;
}

/** Options of `lintPolicy`. */
export interface LintPolicyOptions {
  /** The policy type: rules run only for their types, and the grammar of §1.3 applies. */
  readonly type: PolicyType;
  /** Re-grade rules (`'error' | 'warning' | 'info'`) or turn them `'off'`. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Service data for the checks marked † in §7; those are skipped without it. */
  readonly catalog?: ServiceCatalog;
  /** The caller's id for the policy, used in messages and explanations. */
  readonly id?: string;
  /** Size limit overriding the §1.7 default for the type (required for size checks of resource/endpoint policies). */
  readonly sizeLimit?: number;
  /** Known partitions for `arn-partition-unknown`. Default `aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, `aws-iso-b`, `aws-iso-e`, `aws-iso-f`, `aws-eusc`. */
  readonly partitions?: readonly string[];
}

/** A finding reported by a rule; the context turns it into a {@link Diagnostic}. */
export interface PolicyFinding {
  /** Where: a policy value's location, or a JSON node. */
  readonly at: SourceLocation | { readonly pointer: string; readonly start?: number; readonly end?: number };
  readonly message: string;
  readonly help?: string;
  readonly suggestions?: readonly string[];
  readonly data?: Readonly<Record<string, unknown>>;
  /** Overrides the rule's severity for this finding. */
  readonly severity?: Severity;
  readonly related?: readonly {
    readonly at: SourceLocation | { readonly pointer: string; readonly start?: number; readonly end?: number };
    readonly message: string;
  }[];
}

/** What a rule's check sees. */
export interface PolicyRuleContext {
  /** The parsed policy (non-strict: it may contain constructs reported as errors). */
  readonly policy: Policy;
  readonly type: PolicyType;
  /** The JSON tree, absent when a parsed {@link Policy} was linted. */
  readonly tree?: JsonNode;
  /** The source text, when the policy was given as text. */
  readonly text?: string;
  /** Line index of `text`. */
  readonly lines?: LineIndex;
  readonly catalog?: ServiceCatalog;
  readonly options: LintPolicyOptions;
  /** Reports a finding of the running rule. */
  report(finding: PolicyFinding): void;
}

/** A policy lint rule: metadata and (unless the parser reports it) a check. */
export interface PolicyRule {
  readonly meta: PolicyRuleMeta;
  /** Runs the check; absent for rules reported by `parsePolicy`. */
  readonly check?: (ctx: PolicyRuleContext) => void;
}

/** What `lintPolicy` returns. */
export interface LintPolicyResult {
  /** Sorted by position, then severity, then rule id. */
  readonly diagnostics: readonly Diagnostic[];
}

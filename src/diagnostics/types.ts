/**
 * The one diagnostic shape shared by every part of iamspec: AppSpec lint, policy lint,
 * evaluation, the deployment planner and the CLI formatters.
 *
 * @module
 */

/** How serious a finding is. `error` means AWS (or the CodeDeploy agent) rejects the input. */
export type Severity = 'error' | 'warning' | 'info';

/** A rule setting given by a caller: a new severity, or `'off'` to drop the rule. */
export type RuleSetting = Severity | 'off';

/** A point in the input text. `line` and `column` are 1-based; `offset` is a 0-based UTF-16 index. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A span of the input text. `end` is exclusive. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Another place in the input that explains a diagnostic, such as the first occurrence of a duplicate key. */
export interface RelatedLocation {
  readonly range: Range;
  readonly message: string;
}

/** One finding about an input. */
export interface Diagnostic {
  /** Stable rule id, for example `ec2/version-string` or `action-malformed`. */
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** Where in the input the finding is. For inputs given as objects, a zero-width range at 1:1. */
  readonly range: Range;
  /** A short hint on how to fix it. */
  readonly help?: string;
  /** Did-you-mean candidates or replacement text. */
  readonly suggestions?: readonly string[];
  /** JSON pointer to the offending value, when the input was a JSON document or an object. */
  readonly pointer?: string;
  /** Other places that explain the finding. */
  readonly related?: readonly RelatedLocation[];
  /** Machine-readable details, for example `{ effectiveTimeout: 300 }`. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** Metadata of one lint rule, as published in `appSpecRules` and `policyRules`. */
export interface RuleMeta {
  /** Stable id. */
  readonly id: string;
  /** Severity used unless the caller re-grades the rule. */
  readonly defaultSeverity: Severity;
  /** One sentence: what the rule finds. */
  readonly description: string;
  /** Why it matters. */
  readonly rationale?: string;
  /** A short input that triggers the rule. */
  readonly badExample?: string;
  /** The same input, fixed. */
  readonly goodExample?: string;
  /** Free-form grouping, for example `security` or `correctness`. */
  readonly category?: string;
}

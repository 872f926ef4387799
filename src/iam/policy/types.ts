import type { Diagnostic, Range } from '../../diagnostics/types.js';

/** The kinds of IAM policy document (spec/iam.md §1.3). */
export type PolicyType = 'identity' | 'resource' | 'trust' | 'boundary' | 'scp' | 'rcp' | 'session' | 'endpoint';

/** Every policy type, in a stable order. */
export const POLICY_TYPES: readonly PolicyType[] = Object.freeze([
  'identity',
  'resource',
  'trust',
  'boundary',
  'scp',
  'rcp',
  'session',
  'endpoint',
]);

/** Where a value came from: a JSON pointer always, a text range when the policy was parsed from text. */
export interface SourceLocation {
  /** JSON pointer (RFC 6901) into the document, for example `/Statement/0/Action/1`. */
  readonly pointer: string;
  /** Range in the source text; absent when the policy was given as an object. */
  readonly range?: Range;
}

/** A string value of a policy with its source location. */
export interface SourcedString extends SourceLocation {
  /** The value exactly as written (numbers keep their source text, booleans become `"true"`/`"false"`). */
  readonly value: string;
}

/** The keys of a `Principal` / `NotPrincipal` map. */
export type PrincipalKind = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';

/** A normalised `Principal` or `NotPrincipal` element. `"*"` is normalised to `{ AWS: ["*"] }`. */
export interface PrincipalElement extends SourceLocation {
  /** True when the element was written as the string `"*"`. */
  readonly star: boolean;
  /** Entries in document order. */
  readonly entries: readonly { readonly kind: PrincipalKind; readonly values: readonly SourcedString[] }[];
}

/** Set qualifier of a condition operator. */
export type SetOperator = 'ForAllValues' | 'ForAnyValue';

/** One key entry of a condition block: `{ Operator: { Key: values } }`. */
export interface ConditionEntry extends SourceLocation {
  /** The operator as written, for example `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  /** Canonical base operator name (`StringLike`), or the written base when it is unknown. */
  readonly baseOperator: string;
  /** True when `baseOperator` names one of the operators of spec/iam.md §3.2. */
  readonly known: boolean;
  readonly setOperator?: SetOperator;
  readonly ifExists: boolean;
  /** The condition key as written. */
  readonly key: string;
  readonly values: readonly SourcedString[];
  /** Location of the operator name. */
  readonly operatorLocation: SourceLocation;
  /** Location of the key name. */
  readonly keyLocation: SourceLocation;
}

/** One normalised statement. */
export interface Statement extends SourceLocation {
  /** 0-based position in the `Statement` array (0 for a single statement object). */
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly principal?: PrincipalElement;
  readonly notPrincipal?: PrincipalElement;
  readonly action?: readonly SourcedString[];
  readonly notAction?: readonly SourcedString[];
  readonly resource?: readonly SourcedString[];
  readonly notResource?: readonly SourcedString[];
  /** Condition entries in document order; absent when the statement has no `Condition`. */
  readonly condition?: readonly ConditionEntry[];
}

/** A parsed, normalised and frozen policy document (spec/iam.md §1.4). */
export interface Policy {
  /** Marks the object as a parsed policy. */
  readonly kind: 'iamspec.policy';
  /** The caller's id for this policy (a file name, an ARN, a policy name), used in explanations. */
  readonly id: string;
  /** The policy type it was parsed for, when known. */
  readonly type?: PolicyType;
  /** The `Version` element as written, when present and a string. */
  readonly version?: string;
  /** True only for `Version: "2012-10-17"`: policy variables are recognised. */
  readonly variablesEnabled: boolean;
  /** The `Id` element. */
  readonly policyId?: string;
  readonly statements: readonly Statement[];
  /** The source text when the policy was parsed from text (kept for size checks and explanations). */
  readonly text?: string;
}

/** What `parsePolicy` returns. */
export interface ParsePolicyResult {
  /** Absent when strict parsing found an error. */
  readonly policy?: Policy;
  readonly diagnostics: readonly Diagnostic[];
}

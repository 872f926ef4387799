import type { Diagnostic, Range } from '../../diagnostics/types.js';
import type { PrincipalDetails } from '../match/principal.js';
import type { Policy, PolicyType } from '../policy/types.js';

export type { PrincipalDetails } from '../match/principal.js';

/** A policy as callers may pass it: JSON text, a plain object, or a parsed {@link Policy}. */
export type PolicyLike = string | object | Policy;

/** Request context: key → single value, or an array for a multivalued key. */
export type RequestContext = Readonly<Record<string, string | readonly string[]>>;

/** The request being authorised. */
export interface EvaluationRequest {
  /** An ARN, a service principal such as `ec2.amazonaws.com`, or `anonymous`. */
  readonly principal: string;
  readonly action: string;
  /** An ARN, or `*` for actions without a resource type. */
  readonly resource: string;
  /** The account that owns the resource; taken from the ARN when absent and the ARN has one. */
  readonly resourceAccount?: string;
  readonly context?: RequestContext;
  /** Facts about the principal its ARN does not carry (role path, source user, unique IDs, boundary). */
  readonly principalDetails?: PrincipalDetails;
  /** Organizations facts (spec/iam.md §4.1 `OrgFacts`). */
  readonly organization?: OrganizationFacts;
  /**
   * Treat the resource policy as one that must allow explicitly (§4.5). Trust policies (`sts:` on
   * a role ARN) and KMS key policies (`kms:` on a key ARN) are recognised without it.
   */
  readonly resourcePolicyRequiresExplicitAllow?: boolean;
}

/** Organizations facts of a request (spec/iam.md §4.1, §4.10); every field defaults to false unless noted. */
export interface OrganizationFacts {
  /** The principal's account is the management account: SCPs do not apply. */
  readonly principalAccountIsManagement?: boolean;
  /** The resource's account is the management account: RCPs do not apply. */
  readonly resourceAccountIsManagement?: boolean;
  /** Whether RCPs support the action; default: true for the services s3, sts, kms, sqs, secretsmanager. */
  readonly rcpSupportedForAction?: boolean;
  /** The resource is an AWS-managed KMS key: RCPs do not apply. */
  readonly resourceIsAwsManagedKmsKey?: boolean;
  /** A service principal is assuming a service-linked role: RCPs do not apply. */
  readonly serviceAssumesServiceLinkedRole?: boolean;
  /** Add `RCPFullAWSAccess` at every RCP level (default true; false only for experiments). */
  readonly implicitRcpFullAccess?: boolean;
}

/** The policies that take part in a request. */
export interface EvaluationPolicies {
  readonly identity?: readonly PolicyLike[];
  readonly resource?: readonly PolicyLike[];
  readonly boundary?: readonly PolicyLike[];
  /** One array per level: root first, then each OU, then the account. `[]` = not governed by SCPs. */
  readonly scp?: readonly (readonly PolicyLike[])[];
  /** One array per level of the resource's account; the implicit `RCPFullAWSAccess` is always present. */
  readonly rcp?: readonly (readonly PolicyLike[])[];
  readonly session?: readonly PolicyLike[];
  /** VPC endpoint policies of the endpoint the request goes through (optional support, §4.3 step 5). */
  readonly endpoint?: readonly PolicyLike[];
}

/** The input of `evaluate`, in the format of `conformance/iam-cases.json`. */
export interface EvaluationInput {
  readonly request: EvaluationRequest;
  readonly policies: EvaluationPolicies;
}

/** Options of `evaluate` and of an evaluator made by `createEvaluator`. */
export interface EvaluateOptions {
  /** Add a per-statement trace (`statements`) to the result. */
  readonly explain?: boolean;
}

/** The final decision. */
export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** A per-policy-type verdict. */
export type Verdict = Decision | 'NotApplicable';

/** Points back at one statement of one policy. */
export interface StatementRef {
  readonly policyType: PolicyType;
  /** The caller's id of the policy. */
  readonly policyId: string;
  /** SCP/RCP level (0 = root). */
  readonly level?: number;
  readonly statementIndex: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly pointer: string;
  /** Present when the policy was parsed from text. */
  readonly range?: Range;
}

/** How one condition key entry evaluated. */
export interface ConditionTrace {
  readonly operator: string;
  readonly key: string;
  readonly requestValue?: string | readonly string[];
  readonly result: boolean;
  readonly outcome:
    | 'matched'
    | 'not-matched'
    | 'missing-key'
    | 'ifexists-missing'
    | 'forall-vacuous'
    | 'type-error'
    | 'multivalued-bare-operator'
    | 'variable-unresolved';
  readonly values: readonly { readonly policyValue: string; readonly resolved?: string; readonly matched: boolean }[];
}

/** How one statement matched the request (with `explain`). */
export interface StatementTrace extends StatementRef {
  readonly applies: boolean;
  readonly action: { readonly matched: boolean; readonly by?: string; readonly not: boolean };
  readonly resource: {
    readonly matched: boolean;
    readonly by?: string;
    readonly resolved?: string;
    readonly not: boolean;
    readonly unresolvedVariables?: readonly string[];
  };
  readonly principal?: {
    readonly matched: boolean;
    readonly kind?: string;
    readonly by?: string;
    readonly not: boolean;
    readonly boundaryRule?: boolean;
  };
  readonly conditions: readonly ConditionTrace[];
}

/** The result of an evaluation. */
export interface EvaluationResult {
  readonly decision: Decision;
  /** The statements that decided it: every applying Deny, or the Allows that granted; empty for ImplicitDeny. */
  readonly reasons: readonly StatementRef[];
  /** Per policy type: `identity`, `resource`, `boundary`, `session`, `scp`, `rcp`. */
  readonly byPolicyType: Readonly<Record<string, Verdict>>;
  /** Keys that relevant statements test but the request lacks (like the AWS policy simulator). */
  readonly missingContextKeys: readonly string[];
  /** With `explain`: every statement examined, applying or not. */
  readonly statements?: readonly StatementTrace[];
  /** Problems with the input (unparsable policies, malformed request values). */
  readonly diagnostics: readonly Diagnostic[];
  /** The richer explanation record of spec/iam.md §8. */
  readonly explanation?: Explanation;
}

/** Why the decision was reached (spec/iam.md §8). */
export type DecisionReason =
  | 'explicit-deny'
  | 'allowed-by-identity'
  | 'allowed-by-resource'
  | 'allowed-by-both'
  | 'allowed-root'
  | 'no-allow'
  | 'guardrail'
  | 'resource-policy-required'
  | 'cross-account-trusted-side'
  | 'cross-account-trusting-side'
  | 'federated-session-without-policy'
  | 'root-cannot-assume-role'
  | 'request-invalid';

/** A check that blocked an Allow. */
export interface Guardrail {
  readonly type: 'rcp' | 'scp' | 'endpoint' | 'resource' | 'identity' | 'boundary' | 'session' | 'sts-root';
  readonly level?: number;
  readonly target?: string;
  readonly policyIds: readonly string[];
}

/** A context key that relevant statements reference but the request lacks. */
export interface MissingKey {
  readonly key: string;
  readonly referencedBy: readonly StatementRef[];
  readonly couldChangeDecision: boolean;
  readonly alwaysPresentInAws: boolean;
}

/** The explanation record of spec/iam.md §8. */
export interface Explanation {
  readonly decision: Decision;
  readonly reason: DecisionReason;
  /** ExplicitDeny: every applying Deny; Allow: the Allows that granted; ImplicitDeny: empty. */
  readonly deciding: readonly StatementRef[];
  readonly blockedBy: readonly Guardrail[];
  readonly sameAccount: boolean;
  readonly crossAccount?: { readonly trustedSide: Verdict; readonly trustingSide: Verdict };
  readonly resourceGrant?: {
    readonly matchKind: 'public' | 'account' | 'user' | 'sourceUser' | 'role' | 'session' | 'service' | 'federated';
    readonly counted: boolean;
    readonly limitedBy: readonly ('identity' | 'boundary' | 'session')[];
  };
  readonly scp: readonly { readonly level: number; readonly verdict: Verdict }[];
  readonly rcp: readonly { readonly level: number; readonly verdict: Verdict; readonly implicitFullAccess: boolean }[];
  readonly missingKeys: readonly MissingKey[];
  /** Every context key used, with its provenance (caller-supplied or derived, §5.1). */
  readonly context: readonly {
    readonly key: string;
    readonly value: string | readonly string[];
    readonly source: 'derived' | 'caller';
  }[];
  readonly notes: readonly string[];
}

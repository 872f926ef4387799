/**
 * Types of the IAM account model (spec/iam.md §6): the JSON input of `createModel`, the frozen
 * entities of a model, and the requests its methods answer.
 *
 * @module
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import type { EvaluateOptions, EvaluationResult, PolicyLike, RequestContext } from '../evaluate/types.js';

/** Tags as a map, or as the `[{ Key, Value }]` list IAM returns. */
export type TagsInput = Readonly<Record<string, string>> | readonly { readonly Key: string; readonly Value: string }[];

/** An inline policy embedded in one user, group or role. */
export interface InlinePolicyInput {
  readonly name: string;
  /** JSON text (plain or URL-encoded, as IAM returns it), an object, or a parsed policy. */
  readonly document: PolicyLike;
}

/** One stored version of a managed policy. */
export interface PolicyVersionInput {
  readonly versionId: string;
  readonly document: PolicyLike;
  readonly isDefault?: boolean;
}

/** A customer-managed (`arn:aws:iam::A:policy/…`) or AWS-managed (`arn:aws:iam::aws:policy/…`) policy. */
export interface ManagedPolicyInput {
  readonly name: string;
  /** Default `/`. */
  readonly path?: string;
  /** Default: built from the account, path and name. */
  readonly arn?: string;
  /** Unique ID `ANPA…`. */
  readonly id?: string;
  /** The stored versions; exactly one is the default (it alone is evaluated). */
  readonly versions?: readonly PolicyVersionInput[];
  /** Id of the default version; default: the version marked `isDefault`. */
  readonly defaultVersionId?: string;
  /** Shorthand for a policy with one version `v1`. */
  readonly document?: PolicyLike;
  readonly tags?: TagsInput;
}

/** The policies attached to a user, group or role. */
export interface AttachmentsInput {
  readonly inlinePolicies?: readonly InlinePolicyInput[];
  /** Managed policy ARNs, or names of customer-managed policies of the same account. */
  readonly managedPolicies?: readonly string[];
}

/** An IAM user. */
export interface UserInput extends AttachmentsInput {
  readonly name: string;
  readonly path?: string;
  readonly id?: string;
  readonly arn?: string;
  /** Group names (or ARNs) of the same account. */
  readonly groups?: readonly string[];
  /** Managed policy ARN (or name) used as permissions boundary. */
  readonly boundary?: string;
  readonly tags?: TagsInput;
}

/** An IAM group: grants its policies to its members; never a principal. */
export interface GroupInput extends AttachmentsInput {
  readonly name: string;
  readonly path?: string;
  readonly id?: string;
  readonly arn?: string;
}

/** An IAM role. */
export interface RoleInput extends AttachmentsInput {
  readonly name: string;
  readonly path?: string;
  readonly id?: string;
  readonly arn?: string;
  /** The trust policy: the resource policy for `sts:` actions on the role. */
  readonly trustPolicy: PolicyLike;
  readonly boundary?: string;
  readonly tags?: TagsInput;
  /** Seconds, 3,600–43,200. */
  readonly maxSessionDuration?: number;
}

/** An EC2 instance profile: delivers its (single) role's credentials to instances. */
export interface InstanceProfileInput {
  readonly name: string;
  readonly path?: string;
  readonly id?: string;
  readonly arn?: string;
  /** Role names (or ARNs) of the same account; IAM allows at most one. */
  readonly roles: readonly string[];
  readonly tags?: TagsInput;
}

/** One AWS account and its IAM entities. */
export interface AccountInput {
  /** 12-digit account ID. */
  readonly id: string;
  /** Default `aws`. */
  readonly partition?: string;
  readonly users?: readonly UserInput[];
  readonly groups?: readonly GroupInput[];
  readonly roles?: readonly RoleInput[];
  readonly instanceProfiles?: readonly InstanceProfileInput[];
  /** Customer-managed policies of this account, and AWS-managed policies it uses. */
  readonly policies?: readonly ManagedPolicyInput[];
}

/** SCPs and RCPs attached to an organization root, OU or account. */
export interface OrganizationTargetInput {
  readonly scps?: readonly PolicyLike[];
  readonly rcps?: readonly PolicyLike[];
}

/** An account placed in the organization tree. */
export interface OrganizationAccountInput extends OrganizationTargetInput {
  readonly id: string;
}

/** The root (`r-…`) or an organizational unit (`ou-…`). */
export interface OrganizationUnitInput extends OrganizationTargetInput {
  readonly id: string;
  readonly name?: string;
  readonly units?: readonly OrganizationUnitInput[];
  /** Account IDs, or accounts with their own SCPs/RCPs. */
  readonly accounts?: readonly (string | OrganizationAccountInput)[];
}

/** An AWS Organizations tree: root → OUs → accounts, with SCPs and RCPs at every level. */
export interface OrganizationInput {
  /** Organization ID `o-…`. */
  readonly id: string;
  /** The management account: exempt from SCPs, its resources from RCPs. */
  readonly managementAccountId?: string;
  readonly root: OrganizationUnitInput;
}

/** A resource-based policy attached by ARN (a bucket policy, a key policy, a queue policy …). */
export interface ResourcePolicyInput {
  /** A bucket ARN covers the bucket and its objects; other ARNs cover themselves. */
  readonly arn: string;
  readonly policy: PolicyLike;
  /** The owning account, for ARNs without one (S3). */
  readonly account?: string;
  /** Resource tags (`aws:ResourceTag/…`). */
  readonly tags?: TagsInput;
  /** The policy must allow explicitly, like a KMS key policy (§4.5); automatic for `kms` key ARNs. */
  readonly requiresExplicitAllow?: boolean;
}

/** Adjustable quotas (spec/iam.md §6.4, §1.7) with their defaults. */
export interface ModelQuotas {
  /** Managed policies per user or role (default 10). */
  readonly managedPoliciesPerEntity: number;
  /** Managed policies per group (default 10). */
  readonly managedPoliciesPerGroup: number;
  /** Groups per user (default 10). */
  readonly groupsPerUser: number;
  /** Role trust policy size without whitespace (default 2,048). */
  readonly trustPolicySize: number;
}

/** The input of `createModel`: plain JSON. */
export interface ModelInput {
  readonly accounts: readonly AccountInput[];
  readonly organization?: OrganizationInput;
  readonly resources?: readonly ResourcePolicyInput[];
  readonly quotas?: Partial<ModelQuotas>;
}

/** What `createModel` and `fromAuthorizationDetails` return. */
export interface CreateModelResult {
  /** Absent only when the input is unusable as a whole. */
  readonly model?: IamModel;
  readonly diagnostics: readonly Diagnostic[];
}

/** Options of `fromAuthorizationDetails`. */
export interface AuthorizationDetailsOptions {
  /** The account the details belong to; default: taken from the ARNs. */
  readonly accountId?: string;
  readonly organization?: OrganizationInput;
  readonly resources?: readonly ResourcePolicyInput[];
  readonly quotas?: Partial<ModelQuotas>;
}

// ------------------------------------------------------------------ entities

/** A policy attached inline to one entity. */
export interface ModelInlinePolicy {
  readonly name: string;
  /** The id used in explanations: `<entity ARN>#<name>`. */
  readonly id: string;
  /** The parsed document, or the raw input when it does not parse. */
  readonly document: PolicyLike;
}

/** Common fields of users, groups, roles and instance profiles. */
export interface ModelEntityBase {
  readonly arn: string;
  readonly name: string;
  readonly path: string;
  readonly id: string;
  readonly account: string;
  readonly partition: string;
  /** JSON pointer of the entity in the input. */
  readonly pointer: string;
}

/** An IAM user of the model. */
export interface ModelUser extends ModelEntityBase {
  readonly kind: 'user';
  /** Group ARNs, in input order. */
  readonly groups: readonly string[];
  readonly inlinePolicies: readonly ModelInlinePolicy[];
  /** Managed policy ARNs. */
  readonly managedPolicies: readonly string[];
  readonly boundary?: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** An IAM group of the model. */
export interface ModelGroup extends ModelEntityBase {
  readonly kind: 'group';
  readonly inlinePolicies: readonly ModelInlinePolicy[];
  readonly managedPolicies: readonly string[];
}

/** An IAM role of the model. */
export interface ModelRole extends ModelEntityBase {
  readonly kind: 'role';
  readonly trustPolicy: PolicyLike;
  readonly inlinePolicies: readonly ModelInlinePolicy[];
  readonly managedPolicies: readonly string[];
  readonly boundary?: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly maxSessionDuration: number;
  /** Lives under `/aws-service-role/`: exempt from SCPs. */
  readonly serviceLinked: boolean;
}

/** An instance profile of the model. */
export interface ModelInstanceProfile extends ModelEntityBase {
  readonly kind: 'instanceProfile';
  /** Role ARNs (IAM allows at most one). */
  readonly roles: readonly string[];
}

/** A managed policy of the model. */
export interface ModelManagedPolicy {
  readonly kind: 'managedPolicy';
  readonly arn: string;
  readonly name: string;
  readonly path: string;
  readonly id: string;
  /** `aws` for AWS-managed policies. */
  readonly account: string;
  readonly defaultVersionId?: string;
  readonly versionIds: readonly string[];
  /** The default version's parsed document (raw input when it does not parse); absent without a default. */
  readonly document?: PolicyLike;
  readonly pointer: string;
}

/** A resource policy of the model. */
export interface ModelResource {
  readonly arn: string;
  readonly policy: PolicyLike;
  readonly account?: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly requiresExplicitAllow: boolean;
  readonly pointer: string;
}

/** An account of the model. */
export interface ModelAccount {
  readonly id: string;
  readonly partition: string;
}

/** A level of the organization tree (root, OU or account) with its policies. */
export interface ModelOrgLevel {
  readonly id: string;
  readonly scps: readonly PolicyLike[];
  readonly rcps: readonly PolicyLike[];
}

/** The organization of the model. */
export interface ModelOrganization {
  readonly id: string;
  readonly managementAccountId?: string;
  /** Account ID → its levels, root first, the account last. */
  readonly paths: ReadonlyMap<string, readonly ModelOrgLevel[]>;
}

// ------------------------------------------------------------------ requests

/**
 * A principal of the model: the ARN of a user, a role (= a session of it), an assumed-role
 * session, a federated user, an account root, a service principal or `anonymous`; or an entity
 * reference by name or ARN.
 */
export type PrincipalRef =
  | string
  | { readonly user: string }
  | { readonly role: string; readonly sessionName?: string }
  | { readonly instanceProfile: string };

/** A request to `IamModel.authorize`. */
export interface AuthorizeRequest {
  readonly principal: PrincipalRef;
  readonly action: string;
  readonly resource: string;
  /** Default: the ARN's account, or the account of the modelled resource. */
  readonly resourceAccount?: string;
  /** Entries here override the keys the model derives (§5.1). */
  readonly context?: RequestContext;
  readonly sessionPolicies?: readonly PolicyLike[];
}

/** A request to `IamModel.whoCan`. */
export interface WhoCanRequest {
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount?: string;
  readonly context?: RequestContext;
}

/** One principal allowed by `whoCan`. */
export interface WhoCanEntry {
  /** User ARN, or role ARN (standing for a session of the role). */
  readonly principal: string;
  /**
   * How a role is reached, first hop first: user/role ARNs of an assume-role chain, an instance
   * profile ARN, a service principal or an external principal from the trust policy. Empty for users.
   */
  readonly via: readonly string[];
  readonly result: EvaluationResult;
}

/** A query of `IamModel.whatCan`. */
export interface WhatCanQuery {
  readonly resource: string;
  /** Actions to check; default: every wildcard-free action named in the policies that apply. */
  readonly actions?: readonly string[];
  readonly resourceAccount?: string;
  readonly context?: RequestContext;
}

/** One allowed action from `whatCan`. */
export interface WhatCanEntry {
  readonly action: string;
  readonly result: EvaluationResult;
}

/** The IAM account model: immutable entities plus authorization queries. */
export interface IamModel {
  readonly accounts: readonly ModelAccount[];
  readonly users: readonly ModelUser[];
  readonly groups: readonly ModelGroup[];
  readonly roles: readonly ModelRole[];
  readonly instanceProfiles: readonly ModelInstanceProfile[];
  readonly policies: readonly ModelManagedPolicy[];
  readonly resources: readonly ModelResource[];
  readonly organization?: ModelOrganization;
  /** Evaluates one request of a modelled principal (spec/iam.md §4, context per §5.1). */
  authorize(request: AuthorizeRequest, options?: EvaluateOptions): EvaluationResult;
  /** Whether `principal` may assume `roleArn`: the trust policy AND the caller's `sts:AssumeRole` permission. */
  canAssume(principal: PrincipalRef, roleArn: string, options?: EvaluateOptions): EvaluationResult;
  /** Every user and reachable role allowed the request, sorted by principal ARN. */
  whoCan(request: WhoCanRequest): WhoCanEntry[];
  /** The actions `principal` is allowed on `query.resource`, sorted. */
  whatCan(principal: PrincipalRef, query: WhatCanQuery): WhatCanEntry[];
  /** Dangling references, invalid names and paths, quotas and policy sizes (§6.3, §6.4, §1.7). */
  validate(): Diagnostic[];
}

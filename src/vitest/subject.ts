import type {
  EvaluateOptions,
  EvaluationPolicies,
  EvaluationRequest,
  EvaluationResult,
  PolicyLike,
  RequestContext,
} from '../iam/evaluate/types.js';

/** Anything that answers authorisation requests itself, such as an `IamModel`. */
export interface Authorizer {
  /** Evaluates one request of a modelled principal. */
  authorize(request: AuthorizeRequest, options?: EvaluateOptions): EvaluationResult;
}

/** A principal as an account model understands it. */
export type ModelPrincipal =
  | string
  | { readonly user: string }
  | { readonly role: string; readonly sessionName?: string }
  | { readonly instanceProfile: string };

/** A request to an {@link Authorizer}. */
export interface AuthorizeRequest {
  readonly principal: ModelPrincipal;
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount?: string;
  readonly context?: RequestContext;
  readonly sessionPolicies?: readonly PolicyLike[];
}

/** What the permission matchers accept: a model, the policies of one request, or one identity policy. */
export type PermissionSubject = Authorizer | EvaluationPolicies | PolicyLike;

/**
 * The request a matcher checks. For a model the principal is required (an ARN or an entity
 * reference); for policies it defaults to a user of account 123456789012.
 */
export interface PermissionRequest {
  readonly principal?: ModelPrincipal;
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount?: string;
  readonly context?: RequestContext;
  readonly sessionPolicies?: readonly PolicyLike[];
}

/** The principal used when a request against plain policies names none. */
export const DEFAULT_TEST_PRINCIPAL = 'arn:aws:iam::123456789012:user/iamspec-test';

const POLICY_SET_KEYS = new Set(['identity', 'resource', 'boundary', 'scp', 'rcp', 'session']);

/** True for an object with an `authorize` method. */
export function isAuthorizer(subject: unknown): subject is Authorizer {
  return typeof subject === 'object' && subject !== null && typeof (subject as Authorizer).authorize === 'function';
}

/** True for `{ identity?, resource?, boundary?, scp?, rcp?, session? }` with at least one of those keys. */
export function isPolicySet(subject: unknown): subject is EvaluationPolicies {
  if (typeof subject !== 'object' || subject === null || Array.isArray(subject)) return false;
  const keys = Object.keys(subject);
  return keys.length > 0 && keys.every((k) => POLICY_SET_KEYS.has(k));
}

/** Evaluates `request` against any subject kind. Throws only for a request whose shape is wrong. */
export function authorizeSubject(
  subject: unknown,
  request: PermissionRequest,
  evaluate: (
    input: { request: EvaluationRequest; policies: EvaluationPolicies },
    options?: EvaluateOptions,
  ) => EvaluationResult,
): EvaluationResult {
  if (
    typeof request !== 'object' ||
    request === null ||
    typeof request.action !== 'string' ||
    typeof request.resource !== 'string'
  ) {
    throw new TypeError('iamspec: a permission request needs string `action` and `resource` properties');
  }
  if (isAuthorizer(subject)) {
    if (request.principal === undefined) throw new TypeError('iamspec: a request to a model needs a `principal`');
    return subject.authorize(request as AuthorizeRequest, { explain: true });
  }
  const principal = request.principal ?? DEFAULT_TEST_PRINCIPAL;
  if (typeof principal !== 'string') {
    throw new TypeError('iamspec: entity references such as { user } need a model; pass an ARN for plain policies');
  }
  const policies: EvaluationPolicies = isPolicySet(subject) ? subject : { identity: [subject as PolicyLike] };
  const withSession = request.sessionPolicies ? { ...policies, session: request.sessionPolicies } : policies;
  const resourceAccount = request.resourceAccount ?? impliedResourceAccount(principal, request.resource);
  const evaluationRequest: EvaluationRequest = {
    principal,
    action: request.action,
    resource: request.resource,
    ...(resourceAccount !== undefined ? { resourceAccount } : {}),
    ...(request.context !== undefined ? { context: request.context } : {}),
  };
  return evaluate({ request: evaluationRequest, policies: withSession }, { explain: true });
}

/**
 * For plain policies, a resource ARN without an account (S3 buckets and objects) is taken to
 * belong to the principal's own account, unless the request says otherwise: a unit test of an
 * identity policy means "in my account"; AWS itself would need the bucket owner, which the
 * evaluator treats as unknown (never same-account) when it is not given.
 */
function impliedResourceAccount(principal: string, resource: string): string | undefined {
  const resourceParts = resource.split(':', 6);
  if (resourceParts.length < 6 || resourceParts[0] !== 'arn' || resourceParts[4] !== '') return undefined;
  const principalParts = principal.split(':', 6);
  const account = principalParts[0] === 'arn' ? principalParts[4] : undefined;
  return account !== undefined && /^\d{12}$/.test(account) ? account : undefined;
}

/**
 * A deliberately naive second IAM evaluator, written straight from spec/iam.md §2–§4, used to test the real
 * engine differentially. No compilation, no caching and no code shared with src/iam (only its input/output
 * types). Policies are plain JSON objects or JSON text.
 *
 * @module
 */
import type { Decision, EvaluationInput } from '../../../src/iam/evaluate/types.js';
import { evaluateConditionEntry } from './conditions.js';
import { asciiLower, type GlobToken, matchTokens, rawChars, simpleGlob, splitSix } from './glob.js';
import {
  derivedContext,
  isIamPrincipal,
  type MatchKind,
  notPrincipalExcludes,
  principalMatchKinds,
  principalOf,
  type RequestPrincipal,
} from './principal.js';
import { contextOf, type ReferenceContext, resolveTemplate } from './variables.js';

/** A statement after the normalisation of §1.4 (arrays everywhere), as plain data. */
interface RefStatement {
  readonly effect: 'Allow' | 'Deny';
  readonly principal?: unknown;
  readonly notPrincipal?: unknown;
  readonly action?: readonly string[];
  readonly notAction?: readonly string[];
  readonly resource?: readonly string[];
  readonly notResource?: readonly string[];
  /** [operator, key, values] in document order. */
  readonly conditions: readonly (readonly [string, string, readonly string[]])[];
}

interface RefPolicy {
  readonly variablesEnabled: boolean;
  readonly statements: readonly RefStatement[];
}

/** Which family of policy a statement belongs to: only resource-like ones test the principal (§4.2). */
type Kind = 'identity-like' | 'resource-like';

function asList(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => String(v));
}

/** N3: strings kept, numbers as text, booleans as "true"/"false". */
function conditionValues(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean').map(String);
}

/** Reads a policy given as JSON text or a plain object; `undefined` when it is not a policy at all. */
function readPolicy(input: unknown): RefPolicy | undefined {
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch {
      return undefined;
    }
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const record = doc as Record<string, unknown>;
  const rawStatements = Array.isArray(record['Statement']) ? record['Statement'] : [record['Statement']];
  const statements: RefStatement[] = [];
  for (const raw of rawStatements) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) continue;
    const s = raw as Record<string, unknown>;
    if (s['Effect'] !== 'Allow' && s['Effect'] !== 'Deny') continue;
    const conditions: [string, string, string[]][] = [];
    const condition = s['Condition'];
    if (condition !== null && typeof condition === 'object' && !Array.isArray(condition)) {
      for (const operator of Object.keys(condition)) {
        const block = (condition as Record<string, unknown>)[operator];
        if (block === null || typeof block !== 'object' || Array.isArray(block)) continue;
        for (const key of Object.keys(block)) {
          conditions.push([operator, key, conditionValues((block as Record<string, unknown>)[key])]);
        }
      }
    }
    const statement: {
      -readonly [K in keyof RefStatement]: RefStatement[K];
    } = { effect: s['Effect'], conditions };
    const action = asList(s['Action']);
    const notAction = asList(s['NotAction']);
    const resource = asList(s['Resource']);
    const notResource = asList(s['NotResource']);
    if (action !== undefined) statement.action = action;
    if (notAction !== undefined) statement.notAction = notAction;
    if (resource !== undefined) statement.resource = resource;
    if (notResource !== undefined) statement.notResource = notResource;
    if ('Principal' in s) statement.principal = s['Principal'];
    if ('NotPrincipal' in s) statement.notPrincipal = s['NotPrincipal'];
    statements.push(statement);
  }
  return { variablesEnabled: record['Version'] === '2012-10-17', statements };
}

function readPolicies(list: unknown): RefPolicy[] {
  if (!Array.isArray(list)) return [];
  return list.map(readPolicy).filter((p): p is RefPolicy => p !== undefined);
}

/** §2.1: full-string glob, ASCII case-insensitive. */
function actionMatches(pattern: string, action: string): boolean {
  return simpleGlob(asciiLower(pattern), asciiLower(action));
}

/** §2.2 R2–R4, R8: the pattern's own first five colons delimit its segments; variables only in the sixth. */
function resourceMatches(pattern: string, resource: string, variablesEnabled: boolean, ctx: ReferenceContext): boolean {
  if (pattern === '*') return true;
  if (resource === '*') return false;
  const segments = splitSix([...pattern], (c) => c === ':');
  const tokens: GlobToken[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!.join('');
    if (i > 0) tokens.push({ kind: 'literal', char: ':' });
    if (i < 5) {
      const chars = rawChars(segment);
      chars.forEach((c, index) => {
        if (c.wild && c.char === '*') tokens.push({ kind: 'star', colonAllowed: index === chars.length - 1 });
        else if (c.wild && c.char === '?') tokens.push({ kind: 'one', colonAllowed: false });
        else tokens.push({ kind: 'literal', char: c.char });
      });
    } else {
      const resolved = resolveTemplate(segment, variablesEnabled, ctx);
      if (resolved === null) return false; // V6: unresolved variable matches nothing
      for (const c of resolved) {
        if (c.wild && c.char === '*') tokens.push({ kind: 'star', colonAllowed: true });
        else if (c.wild && c.char === '?') tokens.push({ kind: 'one', colonAllowed: true });
        else tokens.push({ kind: 'literal', char: c.char });
      }
    }
  }
  return matchTokens(tokens, resource);
}

/** Everything a statement is tested against. */
interface Env {
  readonly principal: RequestPrincipal;
  readonly action: string;
  readonly resource: string;
  readonly ctx: ReferenceContext;
  readonly entityHasBoundary: boolean;
}

/** §4.2: does the statement apply? For resource-like policies also the match kinds of its Principal. */
function statementApplies(
  s: RefStatement,
  policy: RefPolicy,
  kind: Kind,
  env: Env,
): { applies: boolean; kinds: MatchKind[] } {
  const no = { applies: false, kinds: [] };
  // (a) action
  if (s.action !== undefined) {
    if (!s.action.some((a) => actionMatches(a, env.action))) return no;
  } else if (s.notAction !== undefined) {
    if (s.notAction.some((a) => actionMatches(a, env.action))) return no;
  } else {
    return no;
  }
  // (b) resource
  if (s.resource !== undefined) {
    if (!s.resource.some((r) => resourceMatches(r, env.resource, policy.variablesEnabled, env.ctx))) return no;
  } else if (s.notResource !== undefined) {
    if (s.notResource.some((r) => resourceMatches(r, env.resource, policy.variablesEnabled, env.ctx))) return no;
  } else if (kind === 'identity-like') {
    return no;
  }
  // (c) principal
  let kinds: MatchKind[] = [];
  if (kind === 'resource-like') {
    if (s.principal !== undefined) {
      kinds = principalMatchKinds(s.principal, env.principal);
      if (kinds.length === 0) return no;
    } else if (s.notPrincipal !== undefined) {
      const boundaryRule =
        s.effect === 'Deny' &&
        env.entityHasBoundary &&
        (env.principal.kind === 'user' ||
          env.principal.kind === 'roleSession' ||
          env.principal.kind === 'federatedSession');
      if (!boundaryRule && notPrincipalExcludes(s.notPrincipal, env.principal)) return no;
      kinds = ['public'];
    } else {
      return no;
    }
  }
  // (d) conditions
  for (const [operator, key, values] of s.conditions) {
    if (!evaluateConditionEntry(operator, key, values, policy.variablesEnabled, env.ctx)) return no;
  }
  return { applies: true, kinds };
}

function anyApplies(policies: readonly RefPolicy[], effect: 'Allow' | 'Deny', kind: Kind, env: Env): boolean {
  return policies.some((p) =>
    p.statements.some((s) => s.effect === effect && statementApplies(s, p, kind, env).applies),
  );
}

/** Match kinds of every applying Allow statement of the resource policies, one list per statement. */
function resourceAllowKinds(policies: readonly RefPolicy[], env: Env): MatchKind[][] {
  const out: MatchKind[][] = [];
  for (const p of policies) {
    for (const s of p.statements) {
      if (s.effect !== 'Allow') continue;
      const r = statementApplies(s, p, 'resource-like', env);
      if (r.applies) out.push(r.kinds);
    }
  }
  return out;
}

/** Services that support RCPs (§4.1 OrgFacts default). */
const RCP_SERVICES: ReadonlySet<string> = new Set(['s3', 'sts', 'kms', 'sqs', 'secretsmanager']);

function serviceOfAction(action: string): string {
  const colon = action.indexOf(':');
  return asciiLower(colon >= 0 ? action.slice(0, colon) : action);
}

/** True for an IAM role ARN (`arn:partition:iam::account:role/…`). */
function isRoleArn(arn: string): boolean {
  const parts = arn.split(':');
  return parts.length >= 6 && parts[0] === 'arn' && parts[2] === 'iam' && parts.slice(5).join(':').startsWith('role/');
}

/** The account segment of an ARN, if any. */
function arnAccount(arn: string): string | undefined {
  const parts = arn.split(':');
  return parts.length >= 6 && parts[0] === 'arn' && parts[4] !== '' ? parts[4] : undefined;
}

/**
 * The reference decision for one request (spec/iam.md §4.3), step by step.
 */
export function referenceEvaluate(input: EvaluationInput): Decision {
  const request = input.request;
  const given = request.context as Readonly<Record<string, unknown>> | undefined;
  const principal = principalOf(request.principal, contextOf(given));
  if (principal.kind === 'invalid' || typeof request.action !== 'string' || typeof request.resource !== 'string') {
    return 'ImplicitDeny'; // request-invalid
  }
  // The resource account: given, else from the ARN. A `*` resource (actions without a resource type) is a
  // request against the caller's own account. Otherwise unknown (§4.1 `null`): never the same account.
  const resourceAccount =
    request.resourceAccount ??
    arnAccount(request.resource) ??
    (request.resource === '*' ? principal.account : undefined);
  // §5.1: keys derived from the principal and the request; the caller's entries win.
  const ctx = contextOf(given, derivedContext(principal, resourceAccount));
  const policies = input.policies;
  const identity = readPolicies(policies.identity);
  const boundary = readPolicies(policies.boundary);
  const session = readPolicies(policies.session);
  // A resource policy on a role ARN is the role's trust policy (§1.3 note 10); it governs only `sts:` requests
  // against the role and is not consulted for `iam:` (or any other) actions on it (§4.5).
  const roleTarget = isRoleArn(request.resource);
  const resource = roleTarget && serviceOfAction(request.action) !== 'sts' ? [] : readPolicies(policies.resource);
  const scpLevels = Array.isArray(policies.scp) ? policies.scp.map(readPolicies) : [];
  const rcpLevels = Array.isArray(policies.rcp) ? policies.rcp.map(readPolicies) : [];

  const env: Env = {
    principal,
    action: request.action,
    resource: request.resource,
    ctx,
    entityHasBoundary: boundary.length > 0,
  };
  const sameAccount =
    isIamPrincipal(principal) && resourceAccount !== undefined && principal.account === resourceAccount;
  const scpApplies = isIamPrincipal(principal) && scpLevels.length > 0;
  const rcpApplies = rcpLevels.length > 0 && RCP_SERVICES.has(serviceOfAction(request.action));

  // 1. Explicit deny anywhere.
  const denied =
    anyApplies(identity, 'Deny', 'identity-like', env) ||
    anyApplies(boundary, 'Deny', 'identity-like', env) ||
    anyApplies(session, 'Deny', 'identity-like', env) ||
    anyApplies(resource, 'Deny', 'resource-like', env) ||
    (scpApplies && scpLevels.some((level) => anyApplies(level, 'Deny', 'identity-like', env))) ||
    (rcpApplies && rcpLevels.some((level) => anyApplies(level, 'Deny', 'resource-like', env)));
  if (denied) return 'ExplicitDeny';

  // 2. Root cannot assume roles.
  if (principal.kind === 'root' && asciiLower(request.action).startsWith('sts:assumerole')) return 'ImplicitDeny';

  // 3. RCPs: every level holds the implicit RCPFullAWSAccess, so every level allows (§4.10).

  // 4. SCPs: every level needs an applying Allow.
  if (scpApplies && !scpLevels.every((level) => anyApplies(level, 'Allow', 'identity-like', env))) {
    return 'ImplicitDeny';
  }

  // 6. Identity side.
  const idAllow =
    principal.kind === 'root' ? true : isIamPrincipal(principal) && anyApplies(identity, 'Allow', 'identity-like', env);
  // §4.9: the root user has no boundary; it is subject only to SCPs, RCPs, explicit denies, must-allow
  // resource policies and step 2, so a boundary supplied for it never limits (its Deny still counts, step 1).
  const pbOK =
    principal.kind === 'root' || boundary.length === 0 || anyApplies(boundary, 'Allow', 'identity-like', env);
  let sessOK = true;
  if (principal.kind === 'roleSession') {
    sessOK = session.length === 0 || anyApplies(session, 'Allow', 'identity-like', env);
  } else if (principal.kind === 'federatedSession') {
    sessOK = session.length > 0 && anyApplies(session, 'Allow', 'identity-like', env);
  }
  const identityPath = idAllow && pbOK && sessOK;

  // 7. Resource side.
  const grant = (kind: MatchKind): boolean => {
    switch (kind) {
      case 'role':
      case 'sourceUser':
        return pbOK && sessOK;
      case 'account':
        return identityPath;
      default:
        return true;
    }
  };
  const allowKinds = resourceAllowKinds(resource, env);
  const rbpGrant = allowKinds.some((kinds) => kinds.some(grant));
  const trustingSide = allowKinds.length > 0;

  // 8. Combine. Must-allow resource policies (§4.5): a role's trust policy for every `sts:` request against the
  // role, a key policy for every `kms:` request against a key. Every role and key has one, so when the caller
  // supplies none, none allows.
  const service = serviceOfAction(request.action);
  const parts = request.resource.split(':');
  const isKey =
    parts.length >= 6 && parts[0] === 'arn' && parts[2] === 'kms' && parts.slice(5).join(':').startsWith('key/');
  const mustAllow = (service === 'sts' && roleTarget) || (service === 'kms' && isKey);
  if (mustAllow) {
    if (!rbpGrant) return 'ImplicitDeny';
    if (sameAccount || principal.kind === 'service') return 'Allow';
    return identityPath ? 'Allow' : 'ImplicitDeny';
  }
  if (sameAccount) return identityPath || rbpGrant ? 'Allow' : 'ImplicitDeny';
  const trustedSide = isIamPrincipal(principal) ? identityPath : true;
  return trustedSide && trustingSide ? 'Allow' : 'ImplicitDeny';
}

/**
 * The decision flow of spec/iam.md §4.3 over compiled policies. The hot path allocates only
 * when a statement applies or a referenced key is missing.
 *
 * @module
 */
import type { PreparedContext } from '../condition/context.js';
import type { PrincipalMatchKind, PrincipalRef } from '../match/principal.js';
import { strongestMatch } from '../match/principal.js';
import type { PolicyType } from '../policy/types.js';
import {
  actionPasses,
  type CompiledPolicy,
  type CompiledStatement,
  conditionsPass,
  type PrincipalOutcome,
  principalPasses,
  RESOURCE_NO_MATCH,
  RESOURCE_UNRESOLVED,
  resourcePasses,
} from './compile.js';
import type { Decision, DecisionReason, Guardrail, Verdict } from './types.js';

/** A compiled policy at its place in a request: type, caller id and SCP/RCP level. */
export interface Placement {
  readonly c: CompiledPolicy;
  readonly type: PolicyType;
  readonly id: string;
  readonly level?: number;
}

/** Every policy of a request, compiled. */
export interface CompiledPolicySet {
  readonly identity: readonly Placement[];
  readonly boundary: readonly Placement[];
  readonly session: readonly Placement[];
  readonly resource: readonly Placement[];
  readonly endpoint: readonly Placement[];
  readonly scp: readonly (readonly Placement[])[];
  readonly rcp: readonly (readonly Placement[])[];
}

/** Organization facts of §4.1 `OrgFacts` plus the request-level switches of §4.3. */
export interface RequestFacts {
  readonly principal: PrincipalRef;
  readonly actionLower: string;
  /** The service prefix of `actionLower`. */
  readonly serviceLower: string;
  readonly resource: string;
  readonly resourceAccount: string;
  readonly ctx: PreparedContext;
  /** The resource policy is a trust policy (`sts:` on a role) or a key policy (`kms:` on a key). */
  readonly resourceRole: 'resource' | 'trust' | 'key';
  readonly mustAllow: boolean;
  readonly sameAccount: boolean;
  readonly scpApplies: boolean;
  readonly rcpApplies: boolean;
  readonly implicitRcpFullAccess: boolean;
}

/** A statement that applied. */
export interface Hit {
  readonly pl: Placement;
  readonly s: CompiledStatement;
  readonly po?: PrincipalOutcome;
}

/** A referenced key the request lacks, and the statements that reference it. */
export interface MissingRecord {
  readonly key: string;
  readonly refs: { readonly pl: Placement; readonly s: CompiledStatement }[];
}

/** Mutable scratch state of one evaluation. */
export interface EvalState {
  /** Statement whose condition result is inverted (for `couldChangeDecision`, §8 X1). */
  readonly flip: CompiledStatement | undefined;
  missing: Map<string, MissingRecord> | undefined;
}

interface Scan {
  allows: Hit[] | undefined;
  denies: Hit[] | undefined;
}

const EMPTY_SCAN: Scan = Object.freeze({ allows: undefined, denies: undefined }) as Scan;
const NONE: readonly never[] = Object.freeze([]);

function scan(pls: readonly Placement[], req: RequestFacts, withPrincipal: boolean, st: EvalState): Scan {
  if (pls.length === 0) return EMPTY_SCAN;
  const out: Scan = { allows: undefined, denies: undefined };
  for (let p = 0; p < pls.length; p++) {
    const pl = pls[p] as Placement;
    const ss = pl.c.statements;
    const idx = pl.c.candidates(req.serviceLower);
    for (let k = 0; k < idx.length; k++) {
      const s = ss[idx[k] as number] as CompiledStatement;
      if (!actionPasses(s, req.actionLower, req.serviceLower)) continue;
      let po: PrincipalOutcome | undefined;
      if (withPrincipal) {
        po = principalPasses(s, req.principal);
        if (!po.passes) continue;
      }
      const r = resourcePasses(s, req.resource, req.ctx);
      if (r === RESOURCE_NO_MATCH) continue;
      if (s.referencedKeys.size > 0) noteMissing(pl, s, req.ctx, st);
      if (r === RESOURCE_UNRESOLVED) continue;
      let ok = conditionsPass(s, req.ctx);
      if (st.flip === s) ok = !ok;
      if (!ok) continue;
      const hit: Hit = po ? { pl, s, po } : { pl, s };
      if (s.allow) {
        out.allows ??= [];
        out.allows.push(hit);
      } else {
        out.denies ??= [];
        out.denies.push(hit);
      }
    }
  }
  return out;
}

function noteMissing(pl: Placement, s: CompiledStatement, ctx: PreparedContext, st: EvalState): void {
  for (const [lower, written] of s.referencedKeys) {
    if (ctx.values.has(lower)) continue;
    st.missing ??= new Map();
    let rec = st.missing.get(lower);
    if (!rec) {
      rec = { key: written, refs: [] };
      st.missing.set(lower, rec);
    }
    rec.refs.push({ pl, s });
  }
}

/** The outcome of the decision flow. */
export interface Outcome {
  readonly decision: Decision;
  readonly reason: DecisionReason;
  /** Deciding statements: all applying Denies, or the Allows that granted. */
  readonly deciding: readonly Hit[];
  readonly blockedBy: readonly Guardrail[];
  readonly byPolicyType: Readonly<Record<string, Verdict>>;
  readonly scpLevels: readonly { readonly level: number; readonly verdict: Verdict }[];
  readonly rcpLevels: readonly {
    readonly level: number;
    readonly verdict: Verdict;
    readonly implicitFullAccess: boolean;
  }[];
  readonly crossAccount?: { readonly trustedSide: Verdict; readonly trustingSide: Verdict };
  readonly resourceGrant?: {
    readonly matchKind: PrincipalMatchKind;
    readonly counted: boolean;
    readonly limitedBy: readonly ('identity' | 'boundary' | 'session')[];
  };
  readonly notes: readonly string[];
}

function verdictOf(given: boolean, sc: Scan): Verdict {
  if (!given) return 'NotApplicable';
  if (sc.denies) return 'ExplicitDeny';
  return sc.allows ? 'Allow' : 'ImplicitDeny';
}

function ids(pls: readonly Placement[]): string[] {
  return pls.map((p) => p.id);
}

const IAM_KINDS: ReadonlySet<string> = new Set(['user', 'roleSession', 'federatedSession', 'root']);

/** Runs §4.3 steps 1–9. */
export function decide(set: CompiledPolicySet, req: RequestFacts, st: EvalState): Outcome {
  const P = req.principal;
  const identity = scan(set.identity, req, false, st);
  const boundary = scan(set.boundary, req, false, st);
  const session = scan(set.session, req, false, st);
  const resource = scan(set.resource, req, true, st);
  const endpoint = scan(set.endpoint, req, true, st);
  const scp = req.scpApplies ? set.scp.map((lv) => scan(lv, req, false, st)) : [];
  const rcp = req.rcpApplies ? set.rcp.map((lv) => scan(lv, req, true, st)) : [];

  const scpLevels = scp.map((sc, level) => ({
    level,
    verdict: sc.denies ? ('ExplicitDeny' as const) : sc.allows ? ('Allow' as const) : ('ImplicitDeny' as const),
  }));
  const rcpLevels = rcp.map((sc, level) => ({
    level,
    verdict: sc.denies
      ? ('ExplicitDeny' as const)
      : sc.allows || req.implicitRcpFullAccess
        ? ('Allow' as const)
        : ('ImplicitDeny' as const),
    implicitFullAccess: req.implicitRcpFullAccess,
  }));
  const worst = (levels: readonly { verdict: Verdict }[], applies: boolean): Verdict => {
    if (!applies) return 'NotApplicable';
    if (levels.some((l) => l.verdict === 'ExplicitDeny')) return 'ExplicitDeny';
    return levels.some((l) => l.verdict === 'ImplicitDeny') ? 'ImplicitDeny' : 'Allow';
  };
  const byPolicyType: Record<string, Verdict> = {
    identity: verdictOf(set.identity.length > 0, identity),
    boundary: verdictOf(set.boundary.length > 0, boundary),
    session: verdictOf(set.session.length > 0, session),
    resource: verdictOf(set.resource.length > 0, resource),
    scp: worst(scpLevels, req.scpApplies),
    rcp: worst(rcpLevels, req.rcpApplies),
  };
  if (set.endpoint.length > 0) byPolicyType.endpoint = verdictOf(true, endpoint);
  const notes: string[] = [];
  const make = (
    decision: Decision,
    reason: DecisionReason,
    deciding: readonly Hit[],
    blockedBy: readonly Guardrail[],
    extra: Partial<Outcome> | undefined,
  ): Outcome => {
    const o: { -readonly [K in keyof Outcome]: Outcome[K] } = {
      decision,
      reason,
      deciding,
      blockedBy,
      byPolicyType,
      scpLevels,
      rcpLevels,
      notes,
    };
    if (extra?.crossAccount) o.crossAccount = extra.crossAccount;
    if (extra?.resourceGrant) o.resourceGrant = extra.resourceGrant;
    return o;
  };

  // 1. Explicit deny anywhere.
  const denies: Hit[] = [];
  const collect = (sc: Scan): void => {
    if (sc.denies) for (const h of sc.denies) denies.push(h);
  };
  collect(identity);
  collect(boundary);
  collect(session);
  collect(resource);
  collect(endpoint);
  for (const sc of scp) collect(sc);
  for (const sc of rcp) collect(sc);
  if (denies.length > 0) {
    if (denies.some((h) => h.po?.boundaryRule)) {
      notes.push('NotPrincipal with Deny applies to every principal whose entity has a permissions boundary');
    }
    return make('ExplicitDeny', 'explicit-deny', denies, NONE, undefined);
  }
  const implicit = (reason: DecisionReason, blockedBy: Guardrail[], extra?: Partial<Outcome>): Outcome =>
    make('ImplicitDeny', reason, NONE, blockedBy, extra);

  // 2. Root cannot assume roles.
  if (P.kind === 'root' && req.actionLower.startsWith('sts:assumerole')) {
    return implicit('root-cannot-assume-role', [{ type: 'sts-root', policyIds: [] }]);
  }
  // 3. RCPs: every level must allow (RCPFullAWSAccess is implicitly attached).
  for (let level = 0; level < rcp.length; level++) {
    if ((rcpLevels[level] as { verdict: Verdict }).verdict !== 'Allow') {
      return implicit('guardrail', [{ type: 'rcp', level, policyIds: ids(set.rcp[level] ?? []) }]);
    }
  }
  // 4. SCPs: every level root → account needs an Allow.
  for (let level = 0; level < scp.length; level++) {
    if (!(scp[level] as Scan).allows) {
      return implicit('guardrail', [{ type: 'scp', level, policyIds: ids(set.scp[level] ?? []) }]);
    }
  }
  // 5. Endpoint policy.
  if (set.endpoint.length > 0 && !endpoint.allows) {
    return implicit('guardrail', [{ type: 'endpoint', policyIds: ids(set.endpoint) }]);
  }
  // 6. Identity side.
  const iam = IAM_KINDS.has(P.kind);
  const idAllow = P.kind === 'root' ? true : iam ? identity.allows !== undefined : false;
  const hasBoundary = set.boundary.length > 0 && P.kind !== 'root';
  const pbOK = !hasBoundary || boundary.allows !== undefined;
  let sessOK = true;
  if (P.kind === 'roleSession') sessOK = set.session.length === 0 || session.allows !== undefined;
  else if (P.kind === 'federatedSession') sessOK = set.session.length > 0 && session.allows !== undefined;
  const identityPath = idAllow && pbOK && sessOK;
  const identityBlocks = (): Guardrail[] => {
    const g: Guardrail[] = [];
    if (!idAllow) g.push({ type: 'identity', policyIds: ids(set.identity) });
    if (!pbOK) g.push({ type: 'boundary', policyIds: ids(set.boundary) });
    if (!sessOK) g.push({ type: 'session', policyIds: ids(set.session) });
    return g;
  };
  const limitedBy = (): ('identity' | 'boundary' | 'session')[] => {
    const l: ('identity' | 'boundary' | 'session')[] = [];
    if (!pbOK) l.push('boundary');
    if (!sessOK) l.push('session');
    return l;
  };

  // 7. Resource side.
  const granting: Hit[] = [];
  let bestKind: PrincipalMatchKind | undefined;
  let bestCounted = false;
  for (const h of resource.allows ?? []) {
    const m = strongestMatch(h.po?.matches ?? []);
    const kind: PrincipalMatchKind = m ? m.kind : 'public'; // NotPrincipal or no element: everyone not excluded
    let g: boolean;
    switch (kind) {
      case 'role':
      case 'sourceUser':
        g = pbOK && sessOK;
        break;
      case 'account':
        g = identityPath;
        break;
      default:
        g = true;
    }
    if (g) granting.push(h);
    if (bestKind === undefined || (g && !bestCounted)) {
      bestKind = kind;
      bestCounted = g;
    }
  }
  const rbpGrant = granting.length > 0;
  const resourceGrant =
    bestKind === undefined
      ? undefined
      : {
          matchKind: bestKind,
          counted: bestCounted,
          limitedBy: bestCounted
            ? []
            : bestKind === 'account'
              ? (['identity', ...limitedBy()] as const).filter((x, i, a) => a.indexOf(x) === i)
              : limitedBy(),
        };
  const withGrant: Partial<Outcome> | undefined = resourceGrant ? { resourceGrant } : undefined;
  const identityHits = identityPath && P.kind !== 'root' ? (identity.allows ?? []) : [];
  const allow = (reason: DecisionReason, deciding: Hit[], extra?: Partial<Outcome>): Outcome =>
    make('Allow', reason, deciding, NONE, extra ? { ...withGrant, ...extra } : withGrant);
  const allowReason = (): DecisionReason =>
    identityPath && rbpGrant
      ? 'allowed-by-both'
      : identityPath
        ? P.kind === 'root'
          ? 'allowed-root'
          : 'allowed-by-identity'
        : 'allowed-by-resource';
  const noAllowReason = (): DecisionReason =>
    P.kind === 'federatedSession' && set.session.length === 0 ? 'federated-session-without-policy' : 'no-allow';

  // 8. Combine.
  if (req.mustAllow) {
    if (!rbpGrant) {
      const g: Guardrail = { type: 'resource', policyIds: ids(set.resource) };
      return implicit('resource-policy-required', [g, ...(identityPath ? [] : identityBlocks())], withGrant);
    }
    if (req.sameAccount || P.kind === 'service' || P.kind === 'webIdentity' || P.kind === 'saml') {
      return allow(allowReason(), [...identityHits, ...granting]);
    }
    const trusted: Verdict = identityPath ? 'Allow' : 'ImplicitDeny';
    const crossAccount = { trustedSide: trusted, trustingSide: 'Allow' as Verdict };
    if (identityPath) return allow('allowed-by-both', [...identityHits, ...granting], { crossAccount });
    return implicit('cross-account-trusted-side', identityBlocks(), { crossAccount, ...withGrant });
  }
  if (req.sameAccount) {
    if (identityPath || rbpGrant) return allow(allowReason(), [...identityHits, ...granting]);
    const blocked = identityBlocks();
    if (resourceGrant && !resourceGrant.counted)
      notes.push(`the resource policy grant to the ${resourceGrant.matchKind} is limited`);
    return implicit(noAllowReason(), blocked, withGrant);
  }
  const trustedSide = iam ? identityPath : P.kind === 'anonymous' || P.kind === 'service';
  const trustingHits = resource.allows ?? [];
  const trustingSide = trustingHits.length > 0;
  const crossAccount = {
    trustedSide: (trustedSide ? 'Allow' : 'ImplicitDeny') as Verdict,
    trustingSide: (trustingSide ? 'Allow' : 'ImplicitDeny') as Verdict,
  };
  if (trustedSide && trustingSide)
    return allow('allowed-by-both', [...identityHits, ...trustingHits], { crossAccount });
  if (!trustedSide) {
    const reason =
      P.kind === 'federatedSession' && set.session.length === 0
        ? 'federated-session-without-policy'
        : 'cross-account-trusted-side';
    const blocked = identityBlocks();
    if (!trustingSide) blocked.push({ type: 'resource', policyIds: ids(set.resource) });
    return implicit(reason, blocked, { crossAccount, ...withGrant });
  }
  return implicit('cross-account-trusting-side', [{ type: 'resource', policyIds: ids(set.resource) }], {
    crossAccount,
    ...withGrant,
  });
}

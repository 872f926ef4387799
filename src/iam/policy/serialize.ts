/**
 * `serializePolicy`: a {@link Policy} back to a canonical JSON-able document.
 *
 * @module
 */
import type { ConditionEntry, Policy, PrincipalElement, SourcedString, Statement } from './types.js';

/** A JSON value as produced by {@link serializePolicy}. */
export type SerializedJson = string | SerializedJson[] | { [key: string]: SerializedJson };

/** The canonical document of a policy. */
export interface SerializedPolicy {
  Version?: string;
  Id?: string;
  Statement: { [key: string]: SerializedJson }[];
}

const values = (list: readonly SourcedString[]): string[] => list.map((v) => v.value);

function principal(p: PrincipalElement): SerializedJson {
  if (p.star) return '*';
  const out: { [key: string]: string[] } = {};
  for (const e of p.entries) out[e.kind] = [...(out[e.kind] ?? []), ...values(e.values)];
  return out;
}

function condition(entries: readonly ConditionEntry[]): SerializedJson {
  const blocks = new Map<string, Map<string, string[]>>();
  for (const e of entries) {
    let block = blocks.get(e.operator);
    if (!block) {
      block = new Map();
      blocks.set(e.operator, block);
    }
    block.set(e.key, [...(block.get(e.key) ?? []), ...values(e.values)]);
  }
  const out: { [key: string]: SerializedJson } = {};
  for (const [op, block] of blocks) {
    const keys: { [key: string]: SerializedJson } = {};
    for (const [k, v] of block)
      Object.defineProperty(keys, k, { value: v, enumerable: true, writable: true, configurable: true });
    Object.defineProperty(out, op, { value: keys, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function statement(st: Statement): { [key: string]: SerializedJson } {
  const out: { [key: string]: SerializedJson } = {};
  if (st.sid !== undefined) out.Sid = st.sid;
  out.Effect = st.effect;
  if (st.principal) out.Principal = principal(st.principal);
  if (st.notPrincipal) out.NotPrincipal = principal(st.notPrincipal);
  if (st.action) out.Action = values(st.action);
  if (st.notAction) out.NotAction = values(st.notAction);
  if (st.resource) out.Resource = values(st.resource);
  if (st.notResource) out.NotResource = values(st.notResource);
  if (st.condition) out.Condition = condition(st.condition);
  return out;
}

/**
 * The canonical JSON-able form of a policy: every list an array, `"Principal": "*"` kept as
 * written, condition values as strings. Condition keys such as `__proto__` are own properties.
 * Parsing the result gives a policy with the same content. A value that is not a policy (no
 * `statements` array) serializes as an empty policy, `{ Statement: [] }`; statements that are not
 * objects are left out.
 */
export function serializePolicy(policy: Policy): SerializedPolicy {
  if (typeof policy !== 'object' || policy === null || !Array.isArray(policy.statements)) return { Statement: [] };
  const statements = policy.statements.filter((st) => typeof st === 'object' && st !== null);
  const out: SerializedPolicy = { Statement: statements.map(statement) };
  return {
    ...(typeof policy.version === 'string' ? { Version: policy.version } : {}),
    ...(typeof policy.policyId === 'string' ? { Id: policy.policyId } : {}),
    ...out,
  };
}

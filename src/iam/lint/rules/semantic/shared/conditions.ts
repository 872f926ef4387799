/**
 * Iteration over condition entries for the condition rules.
 *
 * @module
 */
import type { ConditionEntry, Policy, SourcedString, Statement } from '../../../../policy/types.js';

/** Every condition entry of the policy with its statement. */
export function* conditionEntries(policy: Policy): Generator<{ st: Statement; e: ConditionEntry }> {
  for (const st of policy.statements) for (const e of st.condition ?? []) yield { st, e };
}

/** Every condition value of the policy with its entry and statement. */
export function* conditionValues(policy: Policy): Generator<{ st: Statement; e: ConditionEntry; v: SourcedString }> {
  for (const { st, e } of conditionEntries(policy)) for (const v of e.values) yield { st, e, v };
}

/** True when `entry` is on `key` (case-insensitive). */
export function onKey(entry: ConditionEntry, key: string): boolean {
  return entry.key.toLowerCase() === key.toLowerCase();
}

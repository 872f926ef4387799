/**
 * Where policy values that may hold `${…}` occur, for the variable rules.
 *
 * @module
 */
import type { ConditionEntry, Policy, SourcedString, Statement } from '../../../../policy/types.js';

/** A value with the element it belongs to. */
export interface ValueSite {
  readonly st: Statement;
  readonly v: SourcedString;
  readonly element: 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'Principal' | 'Condition' | 'ConditionKey';
  readonly entry?: ConditionEntry;
}

/** Every string value of the policy: actions, resources, principals, condition keys and values. */
export function* valueSites(policy: Policy): Generator<ValueSite> {
  for (const st of policy.statements) {
    for (const v of st.action ?? []) yield { st, v, element: 'Action' };
    for (const v of st.notAction ?? []) yield { st, v, element: 'NotAction' };
    for (const v of st.resource ?? []) yield { st, v, element: 'Resource' };
    for (const v of st.notResource ?? []) yield { st, v, element: 'NotResource' };
    for (const p of [st.principal, st.notPrincipal]) {
      for (const e of p?.entries ?? []) for (const v of e.values) yield { st, v, element: 'Principal' };
    }
    for (const entry of st.condition ?? []) {
      yield { st, v: { ...entry.keyLocation, value: entry.key }, element: 'ConditionKey', entry };
      for (const v of entry.values) yield { st, v, element: 'Condition', entry };
    }
  }
}

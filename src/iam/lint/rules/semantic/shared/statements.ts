/**
 * Statement normalisation for `statement-duplicate` and `statement-redundant`.
 *
 * @module
 */
import type { SourcedString, Statement } from '../../../../policy/types.js';
import { conditionSignature, principalSignature } from './policy.js';

function sortedSet(values: readonly SourcedString[] | undefined, lower: boolean): string {
  if (!values) return '-';
  return [...new Set(values.map((v) => (lower ? v.value.toLowerCase() : v.value)))].sort().join('\u0000');
}

/** Effect, principals and condition: statements with equal scope differ only in actions and resources. */
export function scopeSignature(st: Statement): string {
  return [
    st.effect,
    principalSignature(st.principal),
    principalSignature(st.notPrincipal),
    conditionSignature(st),
  ].join('\u0002');
}

/** The whole statement, ignoring `Sid` and value order. */
export function statementSignature(st: Statement): string {
  return [
    scopeSignature(st),
    sortedSet(st.action, true),
    sortedSet(st.notAction, true),
    sortedSet(st.resource, false),
    sortedSet(st.notResource, false),
  ].join('\u0003');
}

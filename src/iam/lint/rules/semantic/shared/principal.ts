/**
 * Principal helpers for the principal and trust rules.
 *
 * @module
 */
import type { PrincipalElement, PrincipalKind, SourcedString, Statement } from '../../../../policy/types.js';

/** Every (kind, value) of a statement's `Principal` and `NotPrincipal`, with the element it came from. */
export function principalValues(
  st: Statement,
): { readonly kind: PrincipalKind; readonly value: SourcedString; readonly not: boolean }[] {
  const out: { kind: PrincipalKind; value: SourcedString; not: boolean }[] = [];
  const add = (p: PrincipalElement | undefined, not: boolean): void => {
    if (!p || p.star) return;
    for (const e of p.entries) for (const v of e.values) out.push({ kind: e.kind, value: v, not });
  };
  add(st.principal, false);
  add(st.notPrincipal, true);
  return out;
}

/** Well-known web-identity providers accepted in `Federated` (§2.3). */
export const WELL_KNOWN_PROVIDERS: ReadonlySet<string> = new Set([
  'cognito-identity.amazonaws.com',
  'accounts.google.com',
  'graph.facebook.com',
  'www.amazon.com',
]);

/** True for a DNS host name with at least two labels (`s3.amazonaws.com`), ASCII case-insensitive. */
export function isHostName(text: string): boolean {
  if (text.length === 0 || text.length > 253) return false;
  const labels = text.split('.');
  if (labels.length < 2) return false;
  return labels.every((l) => {
    if (l.length === 0 || l.length > 63 || l.startsWith('-') || l.endsWith('-')) return false;
    for (let i = 0; i < l.length; i++) {
      const c = l.charCodeAt(i) | 32;
      const digit = l.charCodeAt(i) >= 48 && l.charCodeAt(i) <= 57;
      if (!(digit || (c >= 97 && c <= 122) || l.charCodeAt(i) === 45)) return false;
    }
    return true;
  });
}

/**
 * The OIDC provider host of a `Federated` value: the host of an `oidc-provider/` ARN, or a
 * well-known web-identity provider; `undefined` for SAML providers and anything else.
 */
export function oidcHost(value: string): string | undefined {
  const marker = ':oidc-provider/';
  const at = value.indexOf(marker);
  if (value.startsWith('arn:') && at > 0) return value.slice(at + marker.length) || undefined;
  const lower = value.toLowerCase();
  return WELL_KNOWN_PROVIDERS.has(lower) ? lower : undefined;
}

/**
 * Policy helpers shared by the semantic rules.
 *
 * @module
 */
import { type OperatorFamily, operatorInfo } from '../../../../policy/operators.js';
import type { ConditionEntry, Statement } from '../../../../policy/types.js';
import {
  isTemplateVariable,
  type ParsedTemplate,
  parseTemplate,
  type TemplateVariable,
} from '../../../../policy/variables.js';
import { type ConditionKeyType, isGlobalKeyName, lookupGlobalKey } from '../../../global-keys.js';
import { globMatch } from './glob.js';
import type { SemanticCatalog } from './rule.js';

/** True when the statement's action test admits the concrete action `name` (`service:Action`). */
export function admitsAction(st: Statement, name: string): boolean {
  if (st.action) return st.action.some((v) => globMatch(v.value, name));
  if (st.notAction) return !st.notAction.some((v) => globMatch(v.value, name));
  return false;
}

/** True when some condition entry of the statement tests one of `keys` (lower-case names). */
export function conditionOnAny(st: Statement, keys: ReadonlySet<string>): boolean {
  return (st.condition ?? []).some((e) => keys.has(e.key.toLowerCase()));
}

/** The family of a condition entry's base operator, when known. */
export function familyOf(entry: ConditionEntry): OperatorFamily | undefined {
  return entry.known ? operatorInfo(entry.baseOperator)?.family : undefined;
}

/** What the linter knows about a condition key. */
export interface KeyFacts {
  /** Canonical name (a template or family name for pattern keys). */
  readonly name: string;
  readonly type?: ConditionKeyType | string;
  readonly multivalued: boolean;
  /** True for `aws:EpochTime`. */
  readonly numericToo: boolean;
  readonly alwaysPresent: boolean;
}

/** Facts about a condition key from the global table, else the catalog; `undefined` when unknown. */
export function keyFacts(name: string, catalog: SemanticCatalog | undefined): KeyFacts | undefined {
  const g = lookupGlobalKey(name);
  if (g) {
    return {
      name: g.name,
      ...(g.type ? { type: g.type } : {}),
      multivalued: g.multivalued,
      numericToo: g.numericToo === true,
      alwaysPresent: g.alwaysPresent === true,
    };
  }
  if (isGlobalKeyName(name) || !catalog) return undefined;
  const c = catalog.conditionKey(name);
  return c
    ? { name: c.name, type: c.type, multivalued: c.multivalued, numericToo: false, alwaysPresent: false }
    : undefined;
}

/** The operator families compatible with a key type (§7 `condition-key-type-mismatch`). */
export function familiesForType(type: string, numericToo: boolean): readonly OperatorFamily[] | undefined {
  const base = type.startsWith('ArrayOf') ? type.slice('ArrayOf'.length) : type;
  switch (base) {
    case 'String':
      return ['String'];
    case 'ARN':
      return ['Arn', 'String'];
    case 'Bool':
      return ['Bool'];
    case 'Date':
      return numericToo ? ['Date', 'Numeric'] : ['Date'];
    case 'Numeric':
      return ['Numeric'];
    case 'IPAddress':
      return ['IpAddress'];
    default:
      return undefined;
  }
}

/** Parsed templates of a value, or `undefined` when variables are disabled or absent. */
export function templateOf(value: string, variablesEnabled: boolean): ParsedTemplate | undefined {
  if (!variablesEnabled || !value.includes('${')) return undefined;
  return parseTemplate(value);
}

/** The variables of a value (empty when variables are disabled). */
export function variablesOf(value: string, variablesEnabled: boolean): TemplateVariable[] {
  const t = templateOf(value, variablesEnabled);
  return t ? t.parts.filter(isTemplateVariable) : [];
}

/** The value with variables and special forms removed (for wildcard checks on the literal text). */
export function literalText(value: string, variablesEnabled: boolean): string {
  const t = templateOf(value, variablesEnabled);
  if (!t) return value;
  return t.parts.map((p) => (isTemplateVariable(p) || p.escaped ? '' : p.literal)).join('');
}

/** Splits `prefix:name` at the first colon; `undefined` without a colon. */
export function splitAction(value: string): { service: string; name: string } | undefined {
  const colon = value.indexOf(':');
  if (colon < 0) return undefined;
  return { service: value.slice(0, colon), name: value.slice(colon + 1) };
}

/** Canonical JSON-like text of a statement's principal element, independent of value order. */
export function principalSignature(p: Statement['principal']): string {
  if (!p) return '';
  const parts = p.entries.map((e) => {
    const values = e.values.map((v) => (e.kind === 'Service' ? v.value.toLowerCase() : v.value));
    return `${e.kind}=${[...new Set(values)].sort().join('\u0000')}`;
  });
  return parts.sort().join('\u0001');
}

/** Canonical text of a statement's condition, independent of entry and value order. */
export function conditionSignature(st: Statement): string {
  const entries = (st.condition ?? []).map((e) => {
    const op = (e.setOperator ? `${e.setOperator}:` : '') + e.baseOperator + (e.ifExists ? 'IfExists' : '');
    return `${op.toLowerCase()}|${e.key.toLowerCase()}|${[...new Set(e.values.map((v) => v.value))].sort().join('\u0000')}`;
  });
  return [...new Set(entries)].sort().join('\u0001');
}

/** The principal-scoping keys of `principal-public-allow` and `trust-public` (lower-case). */
export const PRINCIPAL_SCOPING_KEYS: ReadonlySet<string> = new Set(
  [
    'aws:PrincipalArn',
    'aws:PrincipalAccount',
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:SourceArn',
    'aws:SourceAccount',
    'aws:SourceVpce',
    'aws:SourceVpc',
    'aws:SourceIp',
  ].map((k) => k.toLowerCase()),
);

/** True when the principal element is public (`"*"` or an `AWS` value `"*"`). */
export function isPublicPrincipal(p: Statement['principal']): boolean {
  if (!p) return false;
  return p.star || p.entries.some((e) => e.kind === 'AWS' && e.values.some((v) => v.value === '*'));
}

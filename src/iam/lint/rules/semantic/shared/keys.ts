/**
 * Condition-key existence checks shared by `condition-key-unknown` and `variable-key-unknown`.
 *
 * @module
 */
import { suggestNames } from '../../../../../diagnostics/suggest.js';
import { GLOBAL_CONDITION_KEYS, isGlobalKeyName, lookupGlobalKey } from '../../../global-keys.js';
import type { SemanticCatalog } from './rule.js';

/** Result of {@link unknownKey}: did-you-mean candidates for a key that does not exist. */
export interface UnknownKey {
  readonly suggestions: readonly string[];
  /** `global` for `aws:` keys, `service` for catalog service keys. */
  readonly scope: 'global' | 'service';
}

const EXACT_NAMES = GLOBAL_CONDITION_KEYS.filter((k) => !k.family).map((k) => k.name);
const FAMILY_NAMES = GLOBAL_CONDITION_KEYS.filter((k) => k.family).map((k) => k.name);

/**
 * `undefined` when `name` is a known key or cannot be judged (a non-`aws:` key without a catalog,
 * or whose prefix is not a catalog service, such as `saml:sub` or an OIDC host); otherwise why not.
 */
export function unknownKey(name: string, catalog: SemanticCatalog | undefined): UnknownKey | undefined {
  if (isGlobalKeyName(name)) {
    if (lookupGlobalKey(name)) return undefined;
    const slash = name.indexOf('/');
    let suggestions: string[];
    if (slash > 0) {
      const tag = name.slice(slash + 1);
      suggestions = suggestNames(name.slice(0, slash + 1), FAMILY_NAMES).map((f) => f + tag);
    } else suggestions = suggestNames(name, EXACT_NAMES);
    return { suggestions: suggestions.slice(0, 5), scope: 'global' };
  }
  const colon = name.indexOf(':');
  if (!catalog || colon <= 0) return undefined;
  const prefix = name.slice(0, colon);
  if (!catalog.hasService(prefix) || catalog.conditionKey(name)) return undefined;
  return { suggestions: suggestNames(name, catalog.conditionKeyNames(prefix)).slice(0, 5), scope: 'service' };
}

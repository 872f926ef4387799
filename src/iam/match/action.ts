/**
 * Action / NotAction matching (spec/iam.md §2.1): full-string glob, ASCII case-insensitive.
 * Exact names and `service:*` are looked up in maps; other patterns are compiled globs over
 * the case-folded text.
 *
 * @module
 */
import { asciiLower } from '../policy/operators.js';
import { compileGlob, type GlobMatcher } from './wildcard.js';

/**
 * Returns the index of the first policy value matching the action, or -1. Both arguments are
 * ASCII-lower-cased once per request ({@link foldAction}, {@link actionService}).
 */
export type ActionMatcher = (actionLower: string, serviceLower: string) => number;

function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/**
 * Compiles the values of one `Action` or `NotAction` element. The request action must be
 * passed through {@link foldAction} once per request.
 */
export function compileActionMatcher(values: readonly string[]): ActionMatcher {
  const exact = new Map<string, number>();
  const services = new Map<string, number>();
  const globs: { index: number; match: GlobMatcher }[] = [];
  let all = -1;
  values.forEach((raw, index) => {
    const v = asciiLower(raw);
    if (v === '*') {
      if (all < 0) all = index;
      return;
    }
    if (!hasWildcard(v)) {
      if (!exact.has(v)) exact.set(v, index);
      return;
    }
    const colon = v.indexOf(':');
    if (colon > 0 && v.length === colon + 2 && v.endsWith('*') && !hasWildcard(v.slice(0, colon))) {
      const svc = v.slice(0, colon);
      if (!services.has(svc)) services.set(svc, index);
      return;
    }
    globs.push({ index, match: compileGlob(v) });
  });
  if (all === 0) return () => 0;
  return (action, service) => {
    let best = all;
    const e = exact.get(action);
    if (e !== undefined && (best < 0 || e < best)) best = e;
    if (services.size > 0) {
      const s = services.get(service);
      if (s !== undefined && (best < 0 || s < best)) best = s;
    }
    for (const g of globs) {
      if (best >= 0 && g.index > best) break;
      if (g.match(action)) return best < 0 || g.index < best ? g.index : best;
    }
    return best;
  };
}

/** The form of a request action that {@link ActionMatcher} expects (ASCII lower case). */
export function foldAction(action: string): string {
  return asciiLower(action);
}

/** The service prefix of a folded request action (the text before its colon). */
export function actionService(actionLower: string): string {
  const colon = actionLower.indexOf(':');
  return colon < 0 ? '' : actionLower.slice(0, colon);
}

/** True when `action` is a well-formed request action `prefix:Name` without wildcards or whitespace (§2.1 A1). */
export function isRequestAction(action: string): boolean {
  const colon = action.indexOf(':');
  if (colon <= 0 || colon === action.length - 1 || action.indexOf(':', colon + 1) >= 0) return false;
  for (let i = 0; i < action.length; i++) {
    const c = action.charCodeAt(i);
    if (c === 42 || c === 63 || c <= 32) return false;
  }
  return true;
}

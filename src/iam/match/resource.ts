/**
 * Resource / NotResource matching (spec/iam.md §2.2): ARN patterns with the end-of-segment `*`
 * rule (R3), short patterns (R4), the `*` pseudo-resource (R2) and policy variables in the
 * resource segment (§2.4, R8).
 *
 * @module
 */
import { splitArnSegments } from '../policy/arn.js';
import { isTemplateVariable, parseTemplate, type TemplatePart, type TemplateVariable } from '../policy/variables.js';
import { GlobBuilder, type GlobMatcher } from './wildcard.js';

/** Looks up a policy variable (by its lower-cased name); `undefined` when absent or multivalued. */
export type VariableResolver = (lowerName: string) => string | undefined;

/** Outcome of matching one resource pattern. */
export const RESOURCE_NO_MATCH = 0;
/** The pattern matched. */
export const RESOURCE_MATCH = 1;
/** A variable of the pattern had no value and no default: the value is "no value" (§2.4 V6). */
export const RESOURCE_UNRESOLVED = 2;

/** A compiled `Resource`/`NotResource` value. */
export interface ResourcePattern {
  /** The value as written. */
  readonly text: string;
  /** Lower-cased names of the variables it uses (empty when none or when variables are disabled). */
  readonly variables: readonly string[];
  /** The same names as written in the policy. */
  readonly variableNames: readonly string[];
  /** {@link RESOURCE_MATCH}, {@link RESOURCE_NO_MATCH} or {@link RESOURCE_UNRESOLVED}. */
  test(resource: string, resolve: VariableResolver): number;
  /** The pattern text after substituting variables, or `undefined` when one is unresolved. */
  resolved(resolve: VariableResolver): string | undefined;
}

/** Adds ARN segments 1–5 of a pattern: `?` and inner `*` never match `:`, a segment-final `*` may (R3). */
function addHead(b: GlobBuilder, segments: readonly string[], count: number): void {
  for (let k = 0; k < count; k++) {
    const seg = segments[k] as string;
    for (let i = 0; i < seg.length; i++) {
      const c = seg.charCodeAt(i);
      if (c === 42) b.star(i !== seg.length - 1);
      else if (c === 63) b.one(true);
      else b.literal(seg[i] as string);
    }
    if (k < segments.length - 1) b.literal(':');
  }
}

function addTail(b: GlobBuilder, parts: readonly TemplatePart[], resolve: VariableResolver | undefined): boolean {
  for (const p of parts) {
    if (isTemplateVariable(p)) {
      const v = (resolve ? resolve(p.variable.toLowerCase()) : undefined) ?? p.default;
      if (v === undefined) return false;
      b.literal(v);
    } else if (p.escaped) b.literal(p.literal);
    else b.pattern(p.literal);
  }
  return true;
}

/** Compiled matchers kept per pattern with variables (cleared when full). */
const MATCHER_CACHE_SIZE = 64;

const NEVER: ResourcePattern['test'] = () => RESOURCE_NO_MATCH;

/**
 * Compiles one resource pattern. `variablesEnabled` is the policy's version gate (§2.4 V2).
 * Never throws; a malformed pattern (R4) matches nothing.
 */
export function compileResourcePattern(text: string, variablesEnabled: boolean): ResourcePattern {
  if (text === '*') {
    return { text, variables: [], variableNames: [], test: () => RESOURCE_MATCH, resolved: () => text };
  }
  const segments = splitArnSegments(text);
  const short = segments.length < 6;
  if (short && !text.endsWith('*')) {
    return { text, variables: [], variableNames: [], test: NEVER, resolved: () => text };
  }
  const headCount = short ? segments.length : 5;
  const tailText = short ? undefined : (segments[5] as string);
  const template =
    tailText !== undefined && variablesEnabled && tailText.includes('${') ? parseTemplate(tailText) : undefined;
  if (!template?.hasVariables) {
    const b = new GlobBuilder();
    addHead(b, segments, headCount);
    if (tailText !== undefined) b.pattern(tailText);
    const m = b.build();
    return {
      text,
      variables: [],
      variableNames: [],
      test: (r) => (r !== '*' && m(r) ? RESOURCE_MATCH : RESOURCE_NO_MATCH),
      resolved: () => text,
    };
  }
  const parts = template.parts;
  const variables = parts.filter(isTemplateVariable).map((p) => p.variable.toLowerCase());
  const headText = text.slice(0, text.length - (tailText as string).length);
  const vars = parts.filter(isTemplateVariable);
  const lowerNames = vars.map((v) => v.variable.toLowerCase());
  // Compiled matchers by substituted values: the same user or tag recurs across requests.
  const cache = new Map<string, GlobMatcher>();
  const build = (resolve: VariableResolver): GlobMatcher | undefined => {
    let key = '';
    for (let i = 0; i < vars.length; i++) {
      const v = resolve(lowerNames[i] as string) ?? (vars[i] as TemplateVariable).default;
      if (v === undefined) return undefined;
      key += `${v.length}:${v}`; // length-prefixed: no value can imitate a separator
    }
    const hit = cache.get(key);
    if (hit) return hit;
    const b = new GlobBuilder();
    addHead(b, segments, headCount);
    addTail(b, parts, resolve);
    const m = b.build();
    if (cache.size >= MATCHER_CACHE_SIZE) cache.clear();
    cache.set(key, m);
    return m;
  };
  return {
    text,
    variables,
    variableNames: vars.map((v) => v.variable),
    test(r, resolve) {
      const m = build(resolve);
      if (!m) return RESOURCE_UNRESOLVED;
      return r !== '*' && m(r) ? RESOURCE_MATCH : RESOURCE_NO_MATCH;
    },
    resolved(resolve) {
      let out = headText;
      for (const p of parts) {
        if (isTemplateVariable(p)) {
          const v = resolve(p.variable.toLowerCase()) ?? p.default;
          if (v === undefined) return undefined;
          out += v;
        } else out += p.literal;
      }
      return out;
    },
  };
}

/** True when `resource` is `*` or an ARN with at least six segments starting with `arn:` (§2.2 R1). */
export function isRequestResource(resource: string): boolean {
  if (resource === '*') return true;
  return resource.startsWith('arn:') && splitArnSegments(resource).length === 6;
}

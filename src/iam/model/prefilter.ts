/**
 * Necessary conditions for an identity-based Allow, used to skip evaluations that cannot allow:
 * without a resource policy that could grant, a principal is allowed only if one of its identity
 * policies has an `Allow` statement whose `Action` and `Resource` match the request (spec/iam.md
 * §4.3 step 6; conditions are ignored here, so the test never rejects a principal the evaluator
 * would allow).
 *
 * @module
 */
import type { PolicyLike } from '../evaluate/types.js';
import { type ActionMatcher, actionService, compileActionMatcher, foldAction } from '../match/action.js';
import { compileResourcePattern, RESOURCE_NO_MATCH, type ResourcePattern } from '../match/resource.js';
import { isPolicy } from '../policy/parse.js';

/** One Allow statement reduced to its action matcher and resource patterns (`undefined`: any resource). */
interface AllowShape {
  readonly action: ActionMatcher;
  readonly resources?: readonly ResourcePattern[];
}

/** The Allow statements of a document; `undefined` when any request may be allowed (NotAction, unparsed). */
type DocShape = readonly AllowShape[] | undefined;

const shapes = new WeakMap<object, { readonly shape: DocShape }>();

function shapeOf(doc: PolicyLike): DocShape {
  if (typeof doc !== 'object' || doc === null) return undefined;
  const hit = shapes.get(doc);
  if (hit) return hit.shape;
  let shape: AllowShape[] | undefined = [];
  if (!isPolicy(doc)) shape = undefined;
  else {
    for (const s of doc.statements) {
      if (s.effect !== 'Allow') continue;
      if (!s.action) {
        shape = undefined;
        break;
      }
      const action = compileActionMatcher(s.action.map((v) => v.value));
      shape.push(
        s.resource
          ? { action, resources: s.resource.map((r) => compileResourcePattern(r.value, doc.variablesEnabled)) }
          : { action },
      );
    }
  }
  shapes.set(doc, { shape });
  return shape;
}

const unresolved = (): undefined => undefined;

function shapeMayAllow(shape: AllowShape, lower: string, service: string, resource: string | undefined): boolean {
  if (shape.action(lower, service) < 0) return false;
  if (resource === undefined || !shape.resources) return true;
  for (const r of shape.resources) if (r.test(resource, unresolved) !== RESOURCE_NO_MATCH) return true;
  return false;
}

/**
 * False only when no Allow statement of `docs` can match `action` (and `resource`, when given):
 * then no identity policy allows the request.
 */
export function mayAllow(docs: readonly PolicyLike[], action: string, resource?: string): boolean {
  const lower = foldAction(action);
  const service = actionService(lower);
  for (const doc of docs) {
    const shape = shapeOf(doc);
    if (shape === undefined) return true;
    for (const s of shape) if (shapeMayAllow(s, lower, service, resource)) return true;
  }
  return false;
}

/** Which principals hold which identity documents, to find the candidates of a request fast. */
export interface IdentityIndex {
  /** Document → keys (user or role ARNs) of the principals whose identity policies include it. */
  readonly holders: ReadonlyMap<object, readonly string[]>;
  /** Principals with a document that may allow anything (unparsed or NotAction). */
  readonly always: ReadonlySet<string>;
  /** Per folded action: the documents with an Allow statement matching it (bounded cache). */
  readonly byAction: Map<string, readonly (readonly [object, readonly AllowShape[]])[]>;
}

/** Indexes the identity documents of `principals` (key → documents). */
export function buildIdentityIndex(principals: Iterable<readonly [string, readonly PolicyLike[]]>): IdentityIndex {
  const holders = new Map<object, string[]>();
  const always = new Set<string>();
  for (const [key, docs] of principals) {
    for (const doc of docs) {
      if (typeof doc !== 'object' || doc === null || shapeOf(doc) === undefined) {
        always.add(key);
        continue;
      }
      const list = holders.get(doc);
      if (!list) holders.set(doc, [key]);
      else if (list[list.length - 1] !== key) list.push(key);
    }
  }
  return { holders, always, byAction: new Map() };
}

const MAX_ACTIONS = 1024;

/** The keys of every principal that an identity policy may allow `action` on `resource`. */
export function candidates(index: IdentityIndex, action: string, resource: string): Set<string> {
  const lower = foldAction(action);
  const service = actionService(lower);
  let docs = index.byAction.get(lower);
  if (!docs) {
    const found: (readonly [object, readonly AllowShape[]])[] = [];
    for (const doc of index.holders.keys()) {
      const matching = (shapeOf(doc) as readonly AllowShape[]).filter((s) => s.action(lower, service) >= 0);
      if (matching.length > 0) found.push([doc, matching]);
    }
    if (index.byAction.size >= MAX_ACTIONS) index.byAction.clear();
    index.byAction.set(lower, found);
    docs = found;
  }
  const out = new Set(index.always);
  for (const [doc, matching] of docs) {
    if (matching.some((s) => shapeMayAllow(s, lower, service, resource))) {
      for (const key of index.holders.get(doc) as readonly string[]) out.add(key);
    }
  }
  return out;
}

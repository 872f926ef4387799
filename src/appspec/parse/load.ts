/**
 * Loads AppSpec text with the `yaml` package, once: the concrete syntax tree of the whole stream,
 * then the first document composed with the failsafe schema (every scalar stays text; the
 * resolvers of `resolve.ts` decide what it means), duplicate keys kept, aliases not expanded.
 *
 * @module
 */
import { Composer, type CST, Parser } from 'yaml';
import type { LoadedYaml, YamlSyntaxError } from './types.js';

/**
 * Deepest collection nesting composed. The `yaml` composer recurses per level (and the V8 regular
 * expression compiler can abort the process when called near the stack limit), so deeper
 * documents are refused before composition. Real AppSpecs nest fewer than 10 levels.
 */
export const MAX_NESTING_DEPTH = 200;

const COMPOSE_OPTIONS = Object.freeze({
  schema: 'failsafe' as const,
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
  keepSourceTokens: false,
  merge: false,
});

/**
 * The text of a value a JavaScript caller passed as AppSpec text: strings as they are, anything
 * else as `String(value)`, or `''` when that throws (objects without a usable `toString`, such as
 * `Object.create(null)` or `{ toString: 'x' }`, and arrays nested too deep to join).
 */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return String(value);
  } catch {
    return '';
  }
}

/** Depth of the deepest collection in a CST token, and the offset where MAX_NESTING_DEPTH is passed (iterative). */
function nestingTooDeep(token: CST.Token): number | null {
  // Two parallel stacks (token, depth): no pair allocated per token.
  const stack: CST.Token[] = [token];
  const depths: number[] = [0];
  while (stack.length > 0) {
    const t = stack.pop() as CST.Token;
    const depth = depths.pop() as number;
    switch (t.type) {
      case 'document':
        if (t.value) {
          stack.push(t.value);
          depths.push(depth);
        }
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const d = depth + 1;
        if (d > MAX_NESTING_DEPTH) return t.offset;
        for (const item of t.items as readonly { key?: CST.Token | null; value?: CST.Token | null }[]) {
          if (item.key) {
            stack.push(item.key);
            depths.push(d);
          }
          if (item.value) {
            stack.push(item.value);
            depths.push(d);
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return null;
}

/** Start offset of a document token: its `---` marker when present. */
function documentStart(token: CST.Document): number {
  const marker = token.start.find((t) => t.type === 'doc-start');
  return marker ? marker.offset : token.offset;
}

/** Parses `text` once and composes its first document. Never throws. */
export function loadYaml(text: string): LoadedYaml {
  let tokens: CST.Token[];
  try {
    tokens = Array.from(new Parser().parse(text));
  } catch (e) {
    return failed(text, 'INTERNAL', e instanceof Error ? e.message : String(e), 0, 0);
  }
  let first = -1;
  let second = -1;
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    if ((tokens[i] as CST.Token).type !== 'document') continue;
    count++;
    if (first < 0) first = i;
    else if (second < 0) second = i;
  }
  const secondOffset = second >= 0 ? documentStart(tokens[second] as CST.Document) : null;
  if (first < 0) {
    return Object.freeze({
      text,
      document: null,
      root: null,
      partialRoot: null,
      errors: Object.freeze(streamErrors(tokens)),
      documentCount: 0,
      secondDocumentOffset: null,
    });
  }
  const deep = nestingTooDeep(tokens[first] as CST.Token);
  if (deep !== null) {
    const result = failed(
      text,
      'NESTING_TOO_DEEP',
      `Collections are nested more than ${MAX_NESTING_DEPTH} levels deep.`,
      deep,
      deep + 1,
    );
    return Object.freeze({ ...result, documentCount: count, secondDocumentOffset: secondOffset });
  }
  const composer = new Composer(COMPOSE_OPTIONS);
  let document: LoadedYaml['document'] = null;
  try {
    for (const doc of composer.compose(second >= 0 ? tokens.slice(0, second) : tokens, false, text.length)) {
      document ??= doc;
    }
  } catch (e) {
    return failed(text, 'INTERNAL', e instanceof Error ? e.message : String(e), 0, 0);
  }
  if (!document) {
    return Object.freeze({
      text,
      document: null,
      root: null,
      partialRoot: null,
      errors: Object.freeze([]),
      documentCount: count,
      secondDocumentOffset: secondOffset,
    });
  }
  const errors: YamlSyntaxError[] = document.errors.map((e) => ({
    code: e.code,
    message: firstLine(e.message),
    start: Math.max(0, Math.min(e.pos[0], text.length)),
    end: Math.max(0, Math.min(Math.max(e.pos[1], e.pos[0]), text.length)),
  }));
  const contents = (document.contents ?? null) as LoadedYaml['root'];
  return Object.freeze({
    text,
    document,
    root: errors.length === 0 ? contents : null,
    partialRoot: contents,
    errors: Object.freeze(errors),
    documentCount: count,
    secondDocumentOffset: secondOffset,
  });
}

function firstLine(message: string): string {
  const i = message.indexOf('\n');
  const m = i < 0 ? message : message.slice(0, i);
  return m.replace(/ at line \d+, column \d+:?$/, '');
}

/** Errors of a stream without documents (stray error tokens). */
function streamErrors(tokens: readonly CST.Token[]): YamlSyntaxError[] {
  const out: YamlSyntaxError[] = [];
  for (const t of tokens) {
    if (t.type === 'error') out.push({ code: 'UNEXPECTED_TOKEN', message: t.message, start: t.offset, end: t.offset });
  }
  return out;
}

function failed(text: string, code: string, message: string, start: number, end: number): LoadedYaml {
  return Object.freeze({
    text,
    document: null,
    root: null,
    partialRoot: null,
    errors: Object.freeze([{ code, message, start, end }]),
    documentCount: 0,
    secondDocumentOffset: null,
  });
}

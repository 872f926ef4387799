/**
 * A JSON reader that keeps source positions, for policy documents: an iterative parser (no
 * recursion, depth-bounded, linear time) that reports duplicate keys and keeps number source
 * text, and a walker that turns a JavaScript value into the same tree shape. Objects are kept
 * as entry lists, so keys such as `__proto__` and `constructor` never reach a prototype.
 *
 * @module
 */

/** Fields every node has. Offsets are 0-based UTF-16 indices, `end` exclusive; absent for object input. */
export interface JsonNodeBase {
  /** JSON pointer (RFC 6901) of the node. */
  readonly pointer: string;
  readonly start?: number;
  readonly end?: number;
}

/** One `key: value` member of an object, in document order. */
export interface JsonEntry {
  readonly key: string;
  readonly keyStart?: number;
  readonly keyEnd?: number;
  readonly value: JsonNode;
}

/** A JSON object. `entries` keeps every member, duplicates included, in document order. */
export interface JsonObjectNode extends JsonNodeBase {
  readonly type: 'object';
  readonly entries: readonly JsonEntry[];
}

/** A JSON array. */
export interface JsonArrayNode extends JsonNodeBase {
  readonly type: 'array';
  readonly items: readonly JsonNode[];
}

/** A JSON string. */
export interface JsonStringNode extends JsonNodeBase {
  readonly type: 'string';
  readonly value: string;
}

/** A JSON number; `text` is the source text (or `String(n)` for object input). */
export interface JsonNumberNode extends JsonNodeBase {
  readonly type: 'number';
  readonly text: string;
  readonly value: number;
}

/** `true` or `false`. */
export interface JsonBooleanNode extends JsonNodeBase {
  readonly type: 'boolean';
  readonly value: boolean;
}

/** `null`. */
export interface JsonNullNode extends JsonNodeBase {
  readonly type: 'null';
}

/** A value of object input that JSON cannot represent (undefined, a function, NaN, a cycle, …). */
export interface JsonInvalidNode extends JsonNodeBase {
  readonly type: 'invalid';
  /** What the value was, for messages: `undefined`, `a function`, `NaN`, `a circular reference`, … */
  readonly description: string;
}

/** Any node of a JSON tree. */
export type JsonNode =
  | JsonObjectNode
  | JsonArrayNode
  | JsonStringNode
  | JsonNumberNode
  | JsonBooleanNode
  | JsonNullNode
  | JsonInvalidNode;

/** A problem found while reading JSON. */
export interface JsonProblem {
  /** `json-invalid` (syntax, depth), `json-duplicate-key`, or `value-type-invalid` (object input only). */
  readonly code: 'json-invalid' | 'json-duplicate-key' | 'value-type-invalid';
  readonly message: string;
  readonly pointer: string;
  readonly start?: number;
  readonly end?: number;
  /** For a duplicate key: where the key first appeared. */
  readonly related?: { readonly start?: number; readonly end?: number; readonly pointer: string };
}

/** What {@link parseJsonText} and {@link walkJsonValue} return. */
export interface JsonReadResult {
  /** Absent when the text is not JSON. */
  readonly root?: JsonNode;
  readonly problems: readonly JsonProblem[];
}

/** Options of the readers. */
export interface JsonReadOptions {
  /** Deepest nesting of arrays/objects accepted. Default 256. */
  readonly maxDepth?: number;
}

/** Default nesting limit: far beyond any policy, small enough to keep pointers short. */
export const DEFAULT_MAX_DEPTH = 256;

/** Escapes one reference token of a JSON pointer (RFC 6901). */
export function escapePointerToken(token: string): string {
  if (token.indexOf('~') < 0 && token.indexOf('/') < 0) return token;
  let out = '';
  for (const ch of token) out += ch === '~' ? '~0' : ch === '/' ? '~1' : ch;
  return out;
}

/** The pointer of member `key` (or item `index`) under `parent`. */
export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${typeof key === 'number' ? key : escapePointerToken(key)}`;
}

class SyntaxFailure {
  constructor(
    readonly message: string,
    readonly at: number,
    readonly end: number,
  ) {}
}

interface ObjectFrame {
  readonly type: 'object';
  readonly pointer: string;
  readonly start: number;
  readonly entries: JsonEntry[];
  readonly seen: Map<string, JsonEntry>;
  key: string;
  keyStart: number;
  keyEnd: number;
}

interface ArrayFrame {
  readonly type: 'array';
  readonly pointer: string;
  readonly start: number;
  readonly items: JsonNode[];
}

type Frame = ObjectFrame | ArrayFrame;

function describeChar(text: string, i: number): string {
  if (i >= text.length) return 'end of input';
  const c = text.codePointAt(i) as number;
  return c >= 0x20 && c < 0x7f ? `'${text[i]}'` : `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Parses JSON text (RFC 8259) into a tree with offsets. Syntax errors stop the parse with one
 * `json-invalid` problem at the offending offset; duplicate keys are reported (the tree keeps
 * every member). Iterative and linear; nesting deeper than `maxDepth` is `json-invalid`.
 */
export function parseJsonText(text: string, options: JsonReadOptions = {}): JsonReadResult {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const problems: JsonProblem[] = [];
  const n = text.length;
  let i = 0;
  const skipWs = (): void => {
    while (i < n && isWs(text.charCodeAt(i))) i++;
  };
  const fail = (message: string, at: number = i, end: number = Math.min(at + 1, n)): never => {
    throw new SyntaxFailure(message, at, end);
  };
  const expected = (what: string): never => fail(`Expected ${what} but found ${describeChar(text, i)}.`);

  const readString = (): string => {
    // text[i] is the opening quote
    const start = i;
    i++;
    let out = '';
    let chunk = i;
    while (true) {
      if (i >= n) fail('Unterminated string.', start, n);
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(chunk, i);
        i++;
        return out;
      }
      if (c < 0x20) fail(`Control character ${describeChar(text, i)} must be escaped in a string.`);
      if (c === 92) {
        out += text.slice(chunk, i);
        const e = text.charCodeAt(i + 1);
        switch (e) {
          case 34:
            out += '"';
            break;
          case 92:
            out += '\\';
            break;
          case 47:
            out += '/';
            break;
          case 98:
            out += '\b';
            break;
          case 102:
            out += '\f';
            break;
          case 110:
            out += '\n';
            break;
          case 114:
            out += '\r';
            break;
          case 116:
            out += '\t';
            break;
          case 117: {
            let v = 0;
            for (let k = i + 2; k < i + 6; k++) {
              const h = k < n ? text.charCodeAt(k) : -1;
              const d = h >= 48 && h <= 57 ? h - 48 : (h | 32) >= 97 && (h | 32) <= 102 ? (h | 32) - 87 : -1;
              if (d < 0) fail('Invalid \\u escape: four hex digits expected.', i, Math.min(i + 6, n));
              v = v * 16 + d;
            }
            out += String.fromCharCode(v);
            i += 4;
            break;
          }
          default:
            fail(`Invalid escape ${describeChar(text, i + 1)} in a string.`, i, Math.min(i + 2, n));
        }
        i += 2;
        chunk = i;
        continue;
      }
      i++;
    }
  };

  const readNumber = (): string => {
    const start = i;
    if (text.charCodeAt(i) === 45) i++;
    const c = text.charCodeAt(i);
    if (c === 48) i++;
    else if (c >= 49 && c <= 57) {
      while (i < n && isDigitCode(text.charCodeAt(i))) i++;
    } else expected('a digit');
    if (text.charCodeAt(i) === 46) {
      i++;
      if (!isDigitCode(text.charCodeAt(i))) expected('a digit after the decimal point');
      while (i < n && isDigitCode(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const s = text.charCodeAt(i);
      if (s === 43 || s === 45) i++;
      if (!isDigitCode(text.charCodeAt(i))) expected('a digit in the exponent');
      while (i < n && isDigitCode(text.charCodeAt(i))) i++;
    }
    return text.slice(start, i);
  };

  const readLiteral = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else expected('a JSON value');
  };

  const stack: Frame[] = [];
  let root: JsonNode | undefined;
  let pointer = '';

  /** Reads an object key and its colon; leaves `i` at the value. */
  const readKey = (frame: ObjectFrame): void => {
    skipWs();
    if (text.charCodeAt(i) !== 34) expected("a string key or '}'");
    const keyStart = i;
    const key = readString();
    frame.key = key;
    frame.keyStart = keyStart;
    frame.keyEnd = i;
    const first = frame.seen.get(key);
    if (first) {
      problems.push({
        code: 'json-duplicate-key',
        message: `Duplicate key "${key}": JSON policy objects must not repeat a key.`,
        pointer: childPointer(frame.pointer, key),
        start: keyStart,
        end: i,
        related: {
          ...(first.keyStart !== undefined ? { start: first.keyStart } : {}),
          ...(first.keyEnd !== undefined ? { end: first.keyEnd } : {}),
          pointer: childPointer(frame.pointer, key),
        },
      });
    }
    skipWs();
    if (text.charCodeAt(i) !== 58) expected("':'");
    i++;
  };

  try {
    skipWs();
    // Each pass reads one value (or opens a container), then closes as many containers as it can.
    while (true) {
      skipWs();
      const start = i;
      const c = text.charCodeAt(i);
      let value: JsonNode | undefined;
      if (c === 123 || c === 91) {
        if (stack.length >= maxDepth) fail(`Nesting is deeper than ${maxDepth} levels.`);
        i++;
        skipWs();
        if (c === 123) {
          const frame: ObjectFrame = {
            type: 'object',
            pointer,
            start,
            entries: [],
            seen: new Map(),
            key: '',
            keyStart: 0,
            keyEnd: 0,
          };
          if (text.charCodeAt(i) === 125) {
            i++;
            value = freezeNode({ type: 'object', pointer, start, end: i, entries: Object.freeze([]) });
          } else {
            stack.push(frame);
            readKey(frame);
            pointer = childPointer(frame.pointer, frame.key);
            continue;
          }
        } else if (text.charCodeAt(i) === 93) {
          i++;
          value = freezeNode({ type: 'array', pointer, start, end: i, items: Object.freeze([]) });
        } else {
          stack.push({ type: 'array', pointer, start, items: [] });
          pointer = childPointer(pointer, 0);
          continue;
        }
      } else if (c === 34) {
        const s = readString();
        value = freezeNode({ type: 'string', pointer, start, end: i, value: s });
      } else if (c === 45 || isDigitCode(c)) {
        const t = readNumber();
        value = freezeNode({ type: 'number', pointer, start, end: i, text: t, value: Number(t) });
      } else if (c === 116) {
        readLiteral('true');
        value = freezeNode({ type: 'boolean', pointer, start, end: i, value: true });
      } else if (c === 102) {
        readLiteral('false');
        value = freezeNode({ type: 'boolean', pointer, start, end: i, value: false });
      } else if (c === 110) {
        readLiteral('null');
        value = freezeNode({ type: 'null', pointer, start, end: i });
      } else {
        expected('a JSON value');
      }
      // Attach the finished value and close containers.
      let done = false;
      while (true) {
        const top = stack[stack.length - 1];
        if (!top) {
          root = value;
          done = true;
          break;
        }
        if (top.type === 'array') top.items.push(value as JsonNode);
        else {
          const entry: JsonEntry = Object.freeze({
            key: top.key,
            keyStart: top.keyStart,
            keyEnd: top.keyEnd,
            value: value as JsonNode,
          });
          top.entries.push(entry);
          if (!top.seen.has(top.key)) top.seen.set(top.key, entry);
        }
        skipWs();
        const d = text.charCodeAt(i);
        if (d === 44) {
          i++;
          if (top.type === 'array') pointer = childPointer(top.pointer, top.items.length);
          else {
            readKey(top);
            pointer = childPointer(top.pointer, top.key);
          }
          break;
        }
        if (top.type === 'array' ? d !== 93 : d !== 125) expected(top.type === 'array' ? "',' or ']'" : "',' or '}'");
        i++;
        stack.pop();
        value =
          top.type === 'array'
            ? freezeNode({
                type: 'array',
                pointer: top.pointer,
                start: top.start,
                end: i,
                items: Object.freeze(top.items),
              })
            : freezeNode({
                type: 'object',
                pointer: top.pointer,
                start: top.start,
                end: i,
                entries: Object.freeze(top.entries),
              });
      }
      if (done) break;
    }
    skipWs();
    if (i < n) fail(`Unexpected ${describeChar(text, i)} after the JSON value.`);
  } catch (e) {
    if (!(e instanceof SyntaxFailure)) throw e;
    const at = Math.min(e.at, n);
    return Object.freeze({
      problems: Object.freeze([
        ...problems,
        { code: 'json-invalid' as const, message: `Invalid JSON: ${e.message}`, pointer, start: at, end: e.end },
      ]),
    });
  }
  return Object.freeze({ ...(root ? { root } : {}), problems: Object.freeze(problems) });
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function freezeNode<T extends JsonNode>(node: T): T {
  return Object.freeze(node);
}

/**
 * Turns a JavaScript value into a JSON tree with pointers and no offsets. Values JSON cannot
 * hold (undefined, functions, symbols, bigints, NaN/Infinity, cycles, class instances, throwing
 * getters) become `invalid` nodes with a `value-type-invalid` problem. Own enumerable string
 * keys only, so `__proto__` is read only when it is an own key. Depth-bounded.
 */
export function walkJsonValue(input: unknown, options: JsonReadOptions = {}): JsonReadResult {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const problems: JsonProblem[] = [];
  const active = new Set<object>();
  const invalid = (pointer: string, description: string): JsonInvalidNode => {
    problems.push({ code: 'value-type-invalid', message: `${description} is not a JSON value.`, pointer });
    return Object.freeze({ type: 'invalid', pointer, description });
  };
  const walk = (v: unknown, pointer: string, depth: number): JsonNode => {
    switch (typeof v) {
      case 'string':
        return Object.freeze({ type: 'string', pointer, value: v });
      case 'boolean':
        return Object.freeze({ type: 'boolean', pointer, value: v });
      case 'number':
        if (!Number.isFinite(v)) return invalid(pointer, String(v));
        return Object.freeze({ type: 'number', pointer, text: String(v), value: v });
      case 'undefined':
        return invalid(pointer, 'undefined');
      case 'function':
        return invalid(pointer, 'A function');
      case 'symbol':
        return invalid(pointer, 'A symbol');
      case 'bigint':
        return invalid(pointer, 'A bigint');
    }
    if (v === null) return Object.freeze({ type: 'null', pointer });
    const obj = v as object;
    if (active.has(obj)) return invalid(pointer, 'A circular reference');
    if (depth >= maxDepth) {
      problems.push({ code: 'json-invalid', message: `Nesting is deeper than ${maxDepth} levels.`, pointer });
      return Object.freeze({ type: 'invalid', pointer, description: 'Too deeply nested data' });
    }
    try {
      active.add(obj);
      if (Array.isArray(obj)) {
        const items: JsonNode[] = [];
        const len = obj.length;
        // A mostly-hole array (`new Array(2 ** 32 - 1)`) costs the caller nothing but would cost
        // us one node per index: refuse it whole so work stays proportional to the data.
        if (len > 1024 && len > 2 * Object.keys(obj).length) return invalid(pointer, 'A sparse array');
        for (let k = 0; k < len; k++) items.push(walk(obj[k], childPointer(pointer, k), depth + 1));
        return Object.freeze({ type: 'array', pointer, items: Object.freeze(items) });
      }
      const proto = Object.getPrototypeOf(obj);
      if (proto !== Object.prototype && proto !== null) return invalid(pointer, 'An object that is not plain data');
      const entries: JsonEntry[] = [];
      for (const key of Object.keys(obj)) {
        const child = (obj as Record<string, unknown>)[key];
        entries.push(Object.freeze({ key, value: walk(child, childPointer(pointer, key), depth + 1) }));
      }
      return Object.freeze({ type: 'object', pointer, entries: Object.freeze(entries) });
    } catch {
      return invalid(pointer, 'A value that cannot be read');
    } finally {
      active.delete(obj);
    }
  };
  const root = walk(input, '', 0);
  return Object.freeze({ root, problems: Object.freeze(problems) });
}

/** The first member named `key` of an object node. */
export function getEntry(node: JsonObjectNode, key: string): JsonEntry | undefined {
  for (const e of node.entries) if (e.key === key) return e;
  return undefined;
}

/** The plain JavaScript value of a node (objects built with a null prototype; invalid nodes become `undefined`). */
export function toPlainValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = Object.create(null);
      for (const e of node.entries) if (!Object.hasOwn(out, e.key)) out[e.key] = toPlainValue(e.value);
      return out;
    }
    case 'array':
      return node.items.map(toPlainValue);
    case 'null':
      return null;
    case 'invalid':
      return undefined;
    default:
      return node.value;
  }
}

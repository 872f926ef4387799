/**
 * The AppSpec embedded in a create-deployment input (spec/appspec.md §1.5): the string at
 * `revision.appSpecContent.content`, and the map from offsets in that string back to offsets in
 * the host text, so diagnostics of the embedded AppSpec point into the host file.
 *
 * @module
 */
import type { Diagnostic, Range, RelatedLocation } from '../../diagnostics/types.js';
import type { YamlTree } from './tree.js';
import type { YamlNode } from './types.js';

/** The embedded AppSpec text and where its characters are in the host text. */
export interface EmbeddedContent {
  /** The content string, as the host's YAML/JSON parser produced it. */
  readonly text: string;
  /** 0-based [start, end) offsets of the whole string value in the host (quotes or block header included, trailing line breaks not). */
  readonly valueStart: number;
  readonly valueEnd: number;
  /**
   * Host [start, end) offsets of each UTF-16 unit of `text` (two arrays of `text.length`), or
   * null when no exact mapping exists (diagnostics then get the whole value's range).
   */
  readonly starts: readonly number[] | null;
  readonly ends: readonly number[] | null;
}

/** A raw line break in the host (foldable into a space or kept as a line feed). */
const BREAK = -1;

/** Host characters of a scalar's source, decoded: the code each stands for and its host offsets. */
interface Tokens {
  readonly codes: number[];
  readonly starts: number[];
  readonly ends: number[];
}

function newTokens(): Tokens {
  return { codes: [], starts: [], ends: [] };
}

function push(t: Tokens, code: number, start: number, end: number): void {
  t.codes.push(code);
  t.starts.push(start);
  t.ends.push(end);
}

/** Length of the line break at `i` (LF, CRLF or CR), or 0. */
function breakLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 10) return 1;
  if (c === 13) return text.charCodeAt(i + 1) === 10 ? 2 : 1;
  return 0;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_ESCAPE_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

function isHex(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/**
 * Tokens of a flow scalar's body (`text[from, to)`, quotes excluded): escapes of double-quoted
 * scalars decoded, `''` of single-quoted ones, line breaks as {@link BREAK} with the next line's
 * leading blanks dropped. Null for an escape it does not know.
 */
function flowTokens(text: string, from: number, to: number, style: 'plain' | '"' | "'"): Tokens | null {
  const t = newTokens();
  let i = from;
  while (i < to) {
    const br = breakLength(text, i);
    if (br > 0) {
      push(t, BREAK, i, i + br);
      i += br;
      while (i < to && isBlank(text.charCodeAt(i))) i++;
      continue;
    }
    const ch = text[i] as string;
    if (style === "'" && ch === "'" && text[i + 1] === "'") {
      push(t, 39, i, i + 2);
      i += 2;
      continue;
    }
    if (style === '"' && ch === '\\') {
      const next = text[i + 1] ?? '';
      const nb = breakLength(text, i + 1);
      if (nb > 0) {
        // An escaped line break joins the lines without a space.
        i += 1 + nb;
        while (i < to && isBlank(text.charCodeAt(i))) i++;
        continue;
      }
      const simple = SIMPLE_ESCAPES[next];
      if (simple !== undefined) {
        push(t, simple.charCodeAt(0), i, i + 2);
        i += 2;
        continue;
      }
      const digits = HEX_ESCAPE_DIGITS[next];
      const hex = digits === undefined ? '' : text.slice(i + 2, i + 2 + digits);
      if (digits === undefined || hex.length !== digits || !isHex(hex)) return null;
      const cp = Number.parseInt(hex, 16);
      if (cp > 0x10ffff) return null;
      const decoded = String.fromCodePoint(cp);
      const end = i + 2 + digits;
      for (let k = 0; k < decoded.length; k++) push(t, decoded.charCodeAt(k), i, end);
      i = end;
      continue;
    }
    push(t, text.charCodeAt(i), i, i + 1);
    i++;
  }
  return t;
}

/** Number of spaces that start the line holding offset `at`. */
function lineIndent(text: string, at: number): number {
  let s = at;
  while (s > 0 && breakLength(text, s - 1) === 0) s--;
  let n = 0;
  while (text.charCodeAt(s + n) === 32) n++;
  return n;
}

/**
 * Tokens of a block scalar whose header starts at `from`: the lines after the header with the
 * block indentation removed, line breaks as {@link BREAK}. The indentation is the header's
 * indicator added to the header line's indentation (right for `key: |2`), else that of the first
 * non-blank line; a wrong guess fails the alignment, and the mapping falls back.
 */
function blockTokens(text: string, from: number, to: number): Tokens {
  const t = newTokens();
  let i = from;
  let indicator = 0;
  while (i < to && breakLength(text, i) === 0) {
    const c = text.charCodeAt(i);
    if (c >= 49 && c <= 57 && indicator === 0) indicator = c - 48;
    if (c === 35) break; // a comment may hold digits
    i++;
  }
  while (i < to && breakLength(text, i) === 0) i++;
  i += breakLength(text, i);
  let indent = indicator > 0 ? lineIndent(text, from) + indicator : -1;
  for (let j = i; j < to && indent < 0; ) {
    let k = j;
    while (k < to && text.charCodeAt(k) === 32) k++;
    if (k < to && breakLength(text, k) === 0) {
      indent = k - j;
      break;
    }
    j = k + Math.max(1, breakLength(text, k));
  }
  if (indent < 0) return t;
  while (i < to) {
    let skipped = 0;
    while (i < to && skipped < indent && text.charCodeAt(i) === 32) {
      i++;
      skipped++;
    }
    while (i < to) {
      const br = breakLength(text, i);
      if (br > 0) {
        push(t, BREAK, i, i + br);
        i += br;
        break;
      }
      push(t, text.charCodeAt(i), i, i + 1);
      i++;
    }
  }
  return t;
}

/**
 * Aligns the content string with the host tokens. Equal units map one to one; a content line
 * feed or space may stand for a host line break (literal and folded lines); host blanks and
 * breaks that folding removed are skipped. Null when the two do not align.
 */
function align(content: string, t: Tokens): { starts: number[]; ends: number[] } | null {
  const starts: number[] = new Array(content.length);
  const ends: number[] = new Array(content.length);
  let j = 0;
  const n = t.codes.length;
  for (let i = 0; i < content.length; ) {
    if (j >= n) return null;
    const code = t.codes[j] as number;
    const c = content.charCodeAt(i);
    if (code === c || (code === BREAK && (c === 10 || c === 32))) {
      starts[i] = t.starts[j] as number;
      ends[i] = t.ends[j] as number;
      i++;
      j++;
    } else if (code === BREAK || code === 32 || code === 9) j++;
    else return null;
  }
  return { starts, ends };
}

/** The string node at `revision.appSpecContent.content` of a parsed create-deployment input, or null. */
function contentNode(tree: YamlTree): YamlNode | null {
  const root = tree.asMap(tree.root);
  const revision = root ? tree.asMap(tree.get(root, 'revision')?.value ?? null) : null;
  const appSpecContent = revision ? tree.asMap(tree.get(revision, 'appSpecContent')?.value ?? null) : null;
  const content = appSpecContent ? tree.deref(tree.get(appSpecContent, 'content')?.value ?? null) : null;
  const value = tree.scalar(content);
  return value && value.kind === 'string' ? content : null;
}

/**
 * The embedded AppSpec of a parsed create-deployment input, with its offset map; null when the
 * host did not parse or `revision.appSpecContent.content` is not a string.
 */
export function findEmbeddedContent(tree: YamlTree): EmbeddedContent | null {
  if (tree.loaded.errors.length > 0) return null;
  const node = contentNode(tree);
  const value = tree.scalar(node);
  const range = (node as { range?: readonly number[] | null } | null)?.range;
  if (!node || !value || !range) return null;
  const text = value.raw;
  const [valueStart, valueEnd] = tree.offsets(node) ?? [0, 0];
  let tokens: Tokens | null;
  switch (value.style) {
    case 'literal':
    case 'folded':
      tokens = blockTokens(tree.text, valueStart, Math.max(valueStart, range[1] as number));
      break;
    case 'double-quoted':
      tokens = flowTokens(tree.text, valueStart + 1, valueEnd - 1, '"');
      break;
    case 'single-quoted':
      tokens = flowTokens(tree.text, valueStart + 1, valueEnd - 1, "'");
      break;
    default:
      tokens = flowTokens(tree.text, valueStart, valueEnd, 'plain');
      break;
  }
  const aligned = tokens ? align(text, tokens) : null;
  return Object.freeze({
    text,
    valueStart,
    valueEnd,
    starts: aligned ? aligned.starts : null,
    ends: aligned ? aligned.ends : null,
  });
}

/** Host [start, end) offsets of the content range [start, end). */
function mapOffsets(embedded: EmbeddedContent, start: number, end: number): [number, number] {
  const { starts, ends, valueStart, valueEnd, text } = embedded;
  if (!starts || !ends || text.length === 0) return [valueStart, valueEnd];
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  // The end of the content is just after its last unit.
  const hostStart = s < text.length ? (starts[s] as number) : (ends[text.length - 1] as number);
  const hostEnd = e === s ? hostStart : (ends[e - 1] as number);
  return [hostStart, Math.max(hostStart, hostEnd)];
}

function mapRange(embedded: EmbeddedContent, tree: YamlTree, range: Range): Range {
  const [s, e] = mapOffsets(embedded, range.start.offset, range.end.offset);
  return tree.lines.range(s, e);
}

/**
 * Diagnostics of the embedded AppSpec moved into the host text: ranges (and related ranges)
 * mapped, `data.embedded: true` added, and the JSON pointer (which names a place in the
 * embedded document, not the host) left out.
 */
export function mapEmbeddedDiagnostics(
  embedded: EmbeddedContent,
  tree: YamlTree,
  diagnostics: readonly Diagnostic[],
): Diagnostic[] {
  return diagnostics.map((d) => {
    const { pointer: _pointer, related, range, data, ...rest } = d;
    const mapped: {
      -readonly [K in keyof Diagnostic]: Diagnostic[K];
    } = { ...rest, range: mapRange(embedded, tree, range), data: Object.freeze({ ...data, embedded: true }) };
    if (related) {
      mapped.related = Object.freeze(
        related.map(
          (r): RelatedLocation => Object.freeze({ range: mapRange(embedded, tree, r.range), message: r.message }),
        ),
      );
    }
    return Object.freeze(mapped);
  });
}

/**
 * Policy variables (spec/iam.md §2.4 V1): `${key}`, `${key, 'default'}` and the special forms
 * `${*}`, `${?}`, `${$}`. A hand-written single-pass scanner; malformed `${` stays literal text.
 *
 * @module
 */

/** Literal text. `escaped` marks text produced by `${*}`, `${?}` or `${$}`: never a wildcard. */
export interface TemplateLiteral {
  readonly literal: string;
  readonly escaped?: true;
}

/** A variable reference. `variable` is the key as written (compare case-insensitively). */
export interface TemplateVariable {
  readonly variable: string;
  /** The default text, when written as `${key, 'default'}` (may be empty). */
  readonly default?: string;
  /** Offset of the `$` in the parsed text. */
  readonly offset: number;
  /** Offset just after the closing `}`. */
  readonly end: number;
}

/** One part of a parsed template. */
export type TemplatePart = TemplateLiteral | TemplateVariable;

/** Why a `${` was not read as a variable. */
export type TemplateProblemReason = 'unterminated' | 'empty-name' | 'invalid-name' | 'bad-default';

/** A malformed `${…}` that was kept as literal text. */
export interface TemplateProblem {
  readonly reason: TemplateProblemReason;
  /** Offset of the `$`. */
  readonly offset: number;
  /** Offset where the scanner gave up (exclusive). */
  readonly end: number;
  readonly message: string;
}

/** The result of {@link parseTemplate}. */
export interface ParsedTemplate {
  /** Parts in order; adjacent plain literals are merged. */
  readonly parts: readonly TemplatePart[];
  readonly problems: readonly TemplateProblem[];
  /** True when at least one variable or special form was recognised. */
  readonly hasVariables: boolean;
}

const MESSAGES: Readonly<Record<TemplateProblemReason, string>> = {
  unterminated: 'the policy variable is not closed by }',
  'empty-name': 'the policy variable has no name',
  'invalid-name': 'the variable name contains a character that is not allowed',
  'bad-default': "the default must be written as , 'text' before '}'",
};

/** True for characters that end a variable name. */
function endsName(c: number): boolean {
  // } , ' $ { and ASCII whitespace
  return c === 125 || c === 44 || c === 39 || c === 36 || c === 123 || c === 32 || c === 9 || c === 10 || c === 13;
}

function skipSpaces(text: string, i: number): number {
  let j = i;
  while (j < text.length && text.charCodeAt(j) === 32) j++;
  return j;
}

type Attempt =
  | { ok: true; part: TemplatePart; end: number }
  | { ok: false; reason: TemplateProblemReason; end: number };

/** Tries to read one `${…}` starting at `start` (the `$`). */
function readVariable(text: string, start: number): Attempt {
  const open = start + 2;
  const special = text.charCodeAt(open);
  if ((special === 42 || special === 63 || special === 36) && text.charCodeAt(open + 1) === 125) {
    return { ok: true, part: { literal: text[open] as string, escaped: true }, end: open + 2 };
  }
  let i = open;
  while (i < text.length && !endsName(text.charCodeAt(i))) i++;
  const name = text.slice(open, i);
  if (i >= text.length) return { ok: false, reason: 'unterminated', end: i };
  const c = text.charCodeAt(i);
  if (c === 125) {
    if (name.length === 0) return { ok: false, reason: 'empty-name', end: i + 1 };
    return { ok: true, part: { variable: name, offset: start, end: i + 1 }, end: i + 1 };
  }
  if (c === 36 || c === 123 || c === 39 || (c !== 44 && c !== 32)) {
    return { ok: false, reason: name.length === 0 ? 'empty-name' : 'invalid-name', end: i };
  }
  if (name.length === 0) return { ok: false, reason: 'empty-name', end: i };
  i = skipSpaces(text, i);
  if (i >= text.length) return { ok: false, reason: 'unterminated', end: i };
  if (text.charCodeAt(i) !== 44) {
    return { ok: false, reason: 'invalid-name', end: i };
  }
  i = skipSpaces(text, i + 1);
  if (i >= text.length) return { ok: false, reason: 'unterminated', end: i };
  if (text.charCodeAt(i) !== 39) return { ok: false, reason: 'bad-default', end: i };
  const defStart = i + 1;
  let j = defStart;
  // The default ends at the next quote; a `}` before it means the quote is missing.
  while (j < text.length && text.charCodeAt(j) !== 39 && text.charCodeAt(j) !== 125) j++;
  if (j >= text.length) return { ok: false, reason: 'unterminated', end: j };
  if (text.charCodeAt(j) === 125) return { ok: false, reason: 'bad-default', end: j };
  const def = text.slice(defStart, j);
  const k = skipSpaces(text, j + 1);
  if (k >= text.length) return { ok: false, reason: 'unterminated', end: k };
  if (text.charCodeAt(k) !== 125) return { ok: false, reason: 'bad-default', end: k };
  return { ok: true, part: { variable: name, default: def, offset: start, end: k + 1 }, end: k + 1 };
}

/**
 * Parses `text` into literal and variable parts (§2.4 V1). Linear in the length of `text`;
 * never throws. Callers apply the version gate (§2.4 V2) themselves: without
 * `Version: "2012-10-17"` the whole text is literal.
 */
export function parseTemplate(text: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const problems: TemplateProblem[] = [];
  let hasVariables = false;
  let literal = '';
  const flush = (): void => {
    if (literal.length > 0) parts.push({ literal });
    literal = '';
  };
  let i = 0;
  let copyFrom = 0;
  while (i < text.length) {
    const next = text.indexOf('${', i);
    if (next < 0) break;
    const attempt = readVariable(text, next);
    if (attempt.ok) {
      literal += text.slice(copyFrom, next);
      flush();
      parts.push(Object.freeze(attempt.part));
      hasVariables = true;
      i = attempt.end;
      copyFrom = i;
    } else {
      problems.push(
        Object.freeze({ reason: attempt.reason, offset: next, end: attempt.end, message: MESSAGES[attempt.reason] }),
      );
      // Keep `${` literal and rescan after it; a nested `${` may still be a variable.
      i = next + 2;
    }
  }
  literal += text.slice(copyFrom);
  flush();
  return Object.freeze({ parts: Object.freeze(parts), problems: Object.freeze(problems), hasVariables });
}

/** True for a part that is a variable reference. */
export function isTemplateVariable(part: TemplatePart): part is TemplateVariable {
  return 'variable' in part;
}

/** The text of a template with every variable replaced by `resolve(name)`, or by its default, or `undefined` when unresolved. */
export function renderTemplate(
  parts: readonly TemplatePart[],
  resolve: (name: string) => string | undefined,
): string | undefined {
  let out = '';
  for (const p of parts) {
    if ('variable' in p) {
      const v = resolve(p.variable) ?? p.default;
      if (v === undefined) return undefined;
      out += v;
    } else out += p.literal;
  }
  return out;
}

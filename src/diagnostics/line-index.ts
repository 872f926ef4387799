import type { Position, Range } from './types.js';

/**
 * Turns 0-based offsets into 1-based line/column positions.
 *
 * LF, CRLF and a lone CR each end one line. Columns count UTF-16 code units, as editors and
 * SARIF viewers expect. Built once per input; each lookup is a binary search.
 */
export class LineIndex {
  /** Offset at which each line starts. */
  readonly #lineStarts: number[];
  readonly #length: number;

  constructor(text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.#lineStarts = starts;
    this.#length = text.length;
  }

  /** Number of lines (an empty text has one line). */
  get lineCount(): number {
    return this.#lineStarts.length;
  }

  /** Length of the indexed text. */
  get length(): number {
    return this.#length;
  }

  /** The position of `offset`, clamped into the text. */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, this.#length));
    const starts = this.#lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - (starts[lo] as number) + 1, offset: o };
  }

  /** The range from `start` to `end` (exclusive), clamped into the text; `end` is never before `start`. */
  range(start: number, end: number): Range {
    const s = this.position(start);
    const e = this.position(Math.max(end, s.offset));
    return { start: s, end: e };
  }

  /** The offset where 1-based `line` starts, clamped into the text. */
  lineStart(line: number): number {
    const i = Math.max(0, Math.min(line - 1, this.#lineStarts.length - 1));
    return this.#lineStarts[i] as number;
  }
}

/** A zero-width range at 1:1, used for inputs that have no text (objects). */
export const START_RANGE: Range = Object.freeze({
  start: Object.freeze({ line: 1, column: 1, offset: 0 }),
  end: Object.freeze({ line: 1, column: 1, offset: 0 }),
});

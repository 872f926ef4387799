import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex, START_RANGE } from '../../src/diagnostics/line-index.js';

describe('LineIndex', () => {
  it('maps offsets to 1-based lines and columns across LF, CRLF and lone CR', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const idx = new LineIndex(text);
    expect(idx.lineCount).toBe(4);
    expect(idx.position(0)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(idx.position(2)).toEqual({ line: 1, column: 3, offset: 2 });
    expect(idx.position(3)).toEqual({ line: 2, column: 1, offset: 3 });
    expect(idx.position(5)).toEqual({ line: 2, column: 3, offset: 5 }); // the CR of CRLF
    expect(idx.position(7)).toEqual({ line: 3, column: 1, offset: 7 });
    expect(idx.position(10)).toEqual({ line: 4, column: 1, offset: 10 });
    expect(idx.position(12)).toEqual({ line: 4, column: 3, offset: 12 }); // end of the last line
  });

  it('handles a trailing newline and the empty text', () => {
    expect(new LineIndex('a\n').position(2)).toEqual({ line: 2, column: 1, offset: 2 });
    const empty = new LineIndex('');
    expect(empty.lineCount).toBe(1);
    expect(empty.position(0)).toEqual({ line: 1, column: 1, offset: 0 });
  });

  it('clamps offsets outside the text and non-finite offsets', () => {
    const idx = new LineIndex('abc');
    expect(idx.position(-5).offset).toBe(0);
    expect(idx.position(99).offset).toBe(3);
    expect(idx.position(Number.NaN).offset).toBe(0);
    expect(idx.range(2, 1)).toEqual({ start: idx.position(2), end: idx.position(2) });
  });

  it('gives the start offset of a line', () => {
    const idx = new LineIndex('a\r\nbb\ncc');
    expect(idx.lineStart(1)).toBe(0);
    expect(idx.lineStart(2)).toBe(3);
    expect(idx.lineStart(3)).toBe(6);
    expect(idx.lineStart(99)).toBe(6);
    expect(idx.length).toBe(8);
  });

  it('agrees with a naive line/column count for every offset of random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', '\r\n', 'é') }), (text) => {
        const idx = new LineIndex(text);
        let line = 1;
        let col = 1;
        for (let i = 0; i <= text.length; i++) {
          expect(idx.position(i)).toEqual({ line, column: col, offset: i });
          const c = text[i];
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
            line++;
            col = 1;
          } else col++;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('exports a frozen 1:1 range for inputs without text', () => {
    expect(START_RANGE.start).toEqual({ line: 1, column: 1, offset: 0 });
    expect(Object.isFrozen(START_RANGE)).toBe(true);
  });
});

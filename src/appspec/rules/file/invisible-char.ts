import type { AppSpecRule } from '../types.js';

/** At most this many findings per file: a binary file would otherwise produce one per byte. */
const MAX_FINDINGS = 50;

/** Every character that {@link invisibleCharName} can name (a BOM only after the start); `lastIndex` is set before each use. */
const CANDIDATES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00a0\u200b-\u200d\u2060\ufeff]/g;

/** Name of an invisible character, or null for a visible one. */
export function invisibleCharName(c: number, offset: number): string | null {
  if (c < 0x20) return c === 9 || c === 10 || c === 13 ? null : `control character U+${hex(c)}`;
  if (c === 0x7f) return 'control character U+007F';
  if (c === 0xa0) return 'no-break space (U+00A0)';
  if (c === 0x200b) return 'zero-width space (U+200B)';
  if (c === 0x200c) return 'zero-width non-joiner (U+200C)';
  if (c === 0x200d) return 'zero-width joiner (U+200D)';
  if (c === 0x2060) return 'word joiner (U+2060)';
  if (c === 0xfeff && offset > 0) return 'zero-width no-break space (U+FEFF)';
  return null;
}

function hex(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0');
}

/** `file/invisible-char`: invisible characters that make keys or values differ from what is shown. */
export const invisibleChar: AppSpecRule = {
  meta: {
    id: 'file/invisible-char',
    defaultSeverity: 'warning',
    platforms: 'all',
    category: 'file',
    description:
      'The text contains an invisible character: no-break space, zero-width character, a BOM after the start, or a control character.',
    rationale:
      'Keys and values silently differ from what an editor shows, which causes hard-to-diagnose validation failures.',
    badExample: 'version: 0.0\nos:\u00a0linux\n',
    goodExample: 'version: 0.0\nos: linux\n',
  },
  check(ctx) {
    const t = ctx.text;
    let found = 0;
    const candidates = CANDIDATES;
    for (let i = 0; i < t.length; i++) {
      // Jump to the next character invisibleCharName may name (a fixed, linear-time search).
      candidates.lastIndex = i;
      if (!candidates.test(t)) return;
      i = candidates.lastIndex - 1;
      const name = invisibleCharName(t.charCodeAt(i), i);
      if (!name) continue;
      let end = i + 1;
      while (end < t.length && invisibleCharName(t.charCodeAt(end), end) !== null) end++;
      if (found++ >= MAX_FINDINGS) return;
      ctx.report({
        range: [i, end],
        message: `Invisible ${name}${end - i > 1 ? ` (and ${end - i - 1} more)` : ''}: keys and values here differ from what editors show.`,
        help: 'Delete the character (retype the text around it).',
      });
      i = end - 1;
    }
  },
};

/** Splits the loader's syntax errors into TAB-indentation errors and other syntax errors (§4.9 suppression). */
import type { YamlSyntaxError } from '../../parse/types.js';

/** At most this many syntax findings per file; later errors are usually consequences of the first. */
export const MAX_SYNTAX_FINDINGS = 20;

/** Errors caused by a TAB in indentation, and the other errors that are not consequences of one. */
export function classifySyntaxErrors(
  errors: readonly YamlSyntaxError[],
  text: string,
): { tab: YamlSyntaxError[]; other: YamlSyntaxError[] } {
  const tab: YamlSyntaxError[] = [];
  const other: YamlSyntaxError[] = [];
  let firstTab = Number.POSITIVE_INFINITY;
  for (const e of errors) {
    if (e.code === 'TAB_AS_INDENT' || tabInIndentation(text, e.start)) {
      tab.push(e);
      firstTab = Math.min(firstTab, e.start);
    }
  }
  for (const e of errors) {
    if (tab.includes(e)) continue;
    if (e.start >= firstTab) continue; // a consequence of the TAB indentation
    other.push(e);
  }
  return { tab, other };
}

/** True when the line holding `offset` starts with whitespace that contains a TAB. */
function tabInIndentation(text: string, offset: number): boolean {
  let s = Math.min(offset, text.length);
  while (s > 0 && text.charCodeAt(s - 1) !== 10 && text.charCodeAt(s - 1) !== 13) s--;
  for (let i = s; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 9) return true;
    if (c !== 32) return false;
  }
  return false;
}

import { lintAppSpec } from '../../../src/appspec/lint.js';
import type { LintOptions } from '../../../src/appspec/types.js';
import type { Diagnostic } from '../../../src/diagnostics/types.js';

/** Diagnostics of one rule. */
export function findings(ruleId: string, text: string, options: LintOptions = {}): Diagnostic[] {
  return lintAppSpec(text, options).diagnostics.filter((d) => d.ruleId === ruleId);
}

/** The text a diagnostic's range covers. */
export function covered(text: string, d: Diagnostic | undefined): string {
  return d ? text.slice(d.range.start.offset, d.range.end.offset) : '<none>';
}

/** The 1-based line and column where the `nth` occurrence of `needle` starts in `text`. */
export function at(text: string, needle: string, nth = 0): { line: number; column: number } {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** Where a diagnostic starts (0:0 when there is none). */
export function startOf(d: Diagnostic | undefined): { line: number; column: number } {
  return { line: d?.range.start.line ?? 0, column: d?.range.start.column ?? 0 };
}

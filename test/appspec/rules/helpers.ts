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

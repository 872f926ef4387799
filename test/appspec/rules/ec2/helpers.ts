/** Test helpers for the ec2/* rules: lint with `platform: 'server'` and look at one rule. */
import { lintAppSpec } from '../../../../src/appspec/lint.js';
import type { LintOptions, LintResult } from '../../../../src/appspec/types.js';
import type { Diagnostic } from '../../../../src/diagnostics/types.js';

/** The usual header of a Linux AppSpec. */
export const HEAD = 'version: 0.0\nos: linux\n';

/** Lints `text` as an EC2/On-Premises AppSpec. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  return lintAppSpec(text, { platform: 'server', ...options });
}

/** The diagnostics of one rule. */
export function findings(text: string, ruleId: string, options: LintOptions = {}): Diagnostic[] {
  return lint(text, options).diagnostics.filter((d) => d.ruleId === ruleId);
}

/** The text a diagnostic's range covers. */
export function covered(text: string, d: Diagnostic): string {
  return text.slice(d.range.start.offset, d.range.end.offset);
}

/** One firing / non-firing case of a rule. */
export interface RuleCase {
  readonly yaml: string;
  readonly options?: LintOptions;
  /** How many findings of the rule are expected (0 = must not fire). */
  readonly count: number;
  /** Text the first finding's range must cover, when given. */
  readonly covers?: string;
  /** Expected severity of the findings, when given. */
  readonly severity?: 'error' | 'warning' | 'info';
  /** Substrings the first finding's message must contain. */
  readonly says?: readonly string[];
}

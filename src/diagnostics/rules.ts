import type { Diagnostic, RuleMeta, RuleSetting, Severity } from './types.js';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Applies a caller's rule settings: drops rules set to `'off'` and re-grades the others.
 * Unknown rule ids in `settings` are ignored here; callers that want to report them use
 * {@link unknownRuleIds}.
 */
export function applyRuleSettings(
  diagnostics: readonly Diagnostic[],
  settings: Readonly<Record<string, RuleSetting>> | undefined,
): Diagnostic[] {
  if (!settings) return [...diagnostics];
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const s = Object.hasOwn(settings, d.ruleId) ? settings[d.ruleId] : undefined;
    if (s === 'off') continue;
    // Only a real severity re-grades: anything else a caller passes is ignored, never copied.
    const regrade = (s === 'error' || s === 'warning' || s === 'info') && s !== d.severity;
    out.push(regrade ? { ...d, severity: s } : d);
  }
  return out;
}

/** The ids in `settings` that name no rule in `rules`. */
export function unknownRuleIds(
  settings: Readonly<Record<string, RuleSetting>> | undefined,
  rules: readonly RuleMeta[],
): string[] {
  if (!settings) return [];
  const known = new Set(rules.map((r) => r.id));
  return Object.keys(settings).filter((id) => !known.has(id));
}

/** Sorts diagnostics by start offset, then end offset, then severity, then rule id. Returns a new array. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.range.start.offset - b.range.start.offset ||
      a.range.end.offset - b.range.end.offset ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/** True when any diagnostic has severity `error`. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * The formatters' entry guard: they render the library's own results, and for anything else a
 * JavaScript caller hands them they render only the well-formed part.
 *
 * @module
 */
import type { Diagnostic, Position, RuleMeta } from '../types.js';
import type { FileDiagnostics } from './types.js';

const SEVERITIES: readonly string[] = ['error', 'warning', 'info'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function isPosition(p: unknown): p is Position {
  return isObject(p) && Number.isFinite(p.line) && Number.isFinite(p.column) && Number.isFinite(p.offset);
}

/** A diagnostic with a string rule id and message, a known severity and a range of numeric positions. */
export function isFormattableDiagnostic(d: unknown): d is Diagnostic {
  return (
    isObject(d) &&
    typeof d.ruleId === 'string' &&
    typeof d.message === 'string' &&
    typeof d.severity === 'string' &&
    SEVERITIES.includes(d.severity) &&
    isObject(d.range) &&
    isPosition(d.range.start) &&
    isPosition(d.range.end)
  );
}

/**
 * The files as the formatters render them: a non-array is no files, an entry that is not an
 * object is skipped, a non-string path is `''`, and diagnostics that are not
 * {@link isFormattableDiagnostic} are left out. Well-formed input comes back as equal data.
 */
export function formattableFiles(files: unknown): FileDiagnostics[] {
  if (!Array.isArray(files)) return [];
  const out: FileDiagnostics[] = [];
  for (const f of files) {
    if (!isObject(f)) continue;
    const diagnostics = Array.isArray(f.diagnostics) ? f.diagnostics.filter(isFormattableDiagnostic) : [];
    out.push({ path: typeof f.path === 'string' ? f.path : '', diagnostics });
  }
  return out;
}

/** Rule metadata usable by SARIF: a non-array is none, entries without a string id are skipped. */
export function formattableRules(rules: unknown): RuleMeta[] {
  if (!Array.isArray(rules)) return [];
  return rules.filter((r): r is RuleMeta => isObject(r) && typeof r.id === 'string');
}

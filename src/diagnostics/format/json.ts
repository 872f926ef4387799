import { formattableFiles } from './input.js';
import type { FileDiagnostics } from './types.js';

/**
 * Machine-readable output: a JSON array with one object per file,
 * `{ path, errorCount, warningCount, infoCount, diagnostics }`, ending with a newline. Malformed
 * input renders only its well-formed part.
 */
export function formatJson(given: readonly FileDiagnostics[]): string {
  const data = formattableFiles(given).map((f) => ({
    path: f.path,
    errorCount: f.diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: f.diagnostics.filter((d) => d.severity === 'warning').length,
    infoCount: f.diagnostics.filter((d) => d.severity === 'info').length,
    diagnostics: f.diagnostics,
  }));
  return `${JSON.stringify(data, null, 2)}\n`;
}

import type { Severity } from '../types.js';
import { formattableFiles } from './input.js';
import type { FileDiagnostics } from './types.js';

const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a workflow-command message: `%`, CR and LF. */
export function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow-command property value: as data, plus `:` and `,`. */
export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one per diagnostic:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 * Info diagnostics become `::notice`. Malformed input renders only its well-formed part.
 */
export function formatGithub(given: readonly FileDiagnostics[]): string {
  const files = formattableFiles(given);
  const out: string[] = [];
  for (const f of files) {
    for (const d of f.diagnostics) {
      const { start, end } = d.range;
      const props = [
        `file=${escapeGithubProperty(f.path)}`,
        `line=${start.line}`,
        `col=${start.column}`,
        `endLine=${end.line}`,
        `endColumn=${end.column}`,
        `title=${escapeGithubProperty(d.ruleId)}`,
      ].join(',');
      out.push(`::${COMMAND[d.severity]} ${props}::${escapeGithubData(d.message)}`);
    }
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

import type { Severity } from '../types.js';
import { formattableFiles } from './input.js';
import type { FileDiagnostics } from './types.js';

/** Options of {@link formatStylish}. */
export interface StylishOptions {
  /** Colour the output with ANSI escapes. Default false. */
  readonly color?: boolean;
}

const ANSI = {
  reset: '\u001b[0m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  dim: '\u001b[2m',
  bold: '\u001b[1m',
};

/**
 * ESLint-style output: each file's path, then one `line:col  severity  message  ruleId` row per
 * diagnostic, and a summary line. Files without diagnostics are left out. Returns `''` when
 * there is nothing to report. Malformed input renders only its well-formed part (see `formattableFiles`).
 */
export function formatStylish(given: readonly FileDiagnostics[], options: StylishOptions = {}): string {
  const files = formattableFiles(given);
  const paint = (code: string, s: string): string => (options?.color ? `${code}${s}${ANSI.reset}` : s);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const out: string[] = [];
  for (const file of files) {
    if (file.diagnostics.length === 0) continue;
    out.push(paint(ANSI.bold, file.path));
    const rows = file.diagnostics.map((d) => {
      counts[d.severity]++;
      return [`${d.range.start.line}:${d.range.start.column}`, d.severity, oneLine(d.message), d.ruleId] as const;
    });
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    const w2 = Math.max(...rows.map((r) => r[2].length));
    for (const [pos, sev, msg, rule] of rows) {
      const colour = sev === 'error' ? ANSI.red : sev === 'warning' ? ANSI.yellow : ANSI.blue;
      out.push(
        `  ${paint(ANSI.dim, pos.padEnd(w0))}  ${paint(colour, sev.padEnd(w1))}  ${msg.padEnd(w2)}  ${paint(ANSI.dim, rule)}`,
      );
    }
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return '';
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info > 0) parts.push(plural(counts.info, 'info'));
  const summary = `✖ ${plural(total, 'problem')} (${parts.join(', ')})`;
  out.push(paint(counts.error > 0 ? ANSI.red : ANSI.yellow, summary), '');
  return out.join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;
}

/** Messages are one row each: line breaks become spaces. */
function oneLine(s: string): string {
  return s.replace(/\r\n|\r|\n/g, ' ');
}

import type { Diagnostic } from '../types.js';

/** The diagnostics of one input file, as the formatters take them. */
export interface FileDiagnostics {
  /** The file's path as the user gave it ('/'-separated is best for SARIF and GitHub). */
  readonly path: string;
  readonly diagnostics: readonly Diagnostic[];
}

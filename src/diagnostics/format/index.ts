/**
 * Pure formatters: each takes the diagnostics of one or more files and returns a string.
 *
 * @module
 */
export { formatGithub, escapeGithubData, escapeGithubProperty } from './github.js';
export { formatJson } from './json.js';
export { formatSarif } from './sarif.js';
export type { SarifOptions } from './sarif.js';
export { formatStylish } from './stylish.js';
export type { StylishOptions } from './stylish.js';
export type { FileDiagnostics } from './types.js';

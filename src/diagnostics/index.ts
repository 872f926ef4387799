/**
 * Diagnostics shared by every part of iamspec, and pure formatters for them.
 *
 * @module
 */
export type { Diagnostic, Position, Range, RelatedLocation, RuleMeta, RuleSetting, Severity } from './types.js';
export { LineIndex, START_RANGE } from './line-index.js';
export { applyRuleSettings, hasErrors, sortDiagnostics, unknownRuleIds } from './rules.js';
export { editDistance, suggestNames } from './suggest.js';
export type { SuggestOptions } from './suggest.js';
export * from './format/index.js';

/**
 * `parseAppSpec` and `inferPlatform`: the typed effective model of an AppSpec and the load-level
 * findings (file, YAML and document checks), without the platform rules.
 *
 * @module
 */
import { sortDiagnostics, applyRuleSettings } from '../../diagnostics/rules.js';
import { runLint } from '../lint.js';
import type { LintOptions, ParseResult, DetectedPlatform } from '../types.js';
import { inferFromTree } from './infer.js';
import { loadYaml, textOf } from './load.js';
import { YamlTree } from './tree.js';

/**
 * Parses AppSpec text into its effective model (§3.1–3.3) with the file, YAML and document-level
 * diagnostics (`file/*`, `yaml/*`, `appspec/*`). Use `lintAppSpec` for the platform rules.
 * Never throws for bad input; `appSpec` is absent when the platform is unknown or the document is
 * not a mapping.
 */
export function parseAppSpec(text: string, options: LintOptions = {}): ParseResult {
  const opts: LintOptions = options ?? {};
  const run = runLint(textOf(text), opts, (rule) => rule.meta.platforms === 'all');
  const diagnostics = Object.freeze(sortDiagnostics(applyRuleSettings(run.diagnostics, opts.rules)));
  return Object.freeze(run.appSpec ? { appSpec: run.appSpec, diagnostics } : { diagnostics });
}

/** Infers the compute platform of AppSpec text (§3.4), or tells that it is not an AppSpec. */
export function inferPlatform(text: string): DetectedPlatform {
  return inferFromTree(new YamlTree(loadYaml(textOf(text)))).platform;
}

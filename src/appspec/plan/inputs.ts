/**
 * Turns the planner's AppSpec inputs (objects or text) into models, remembering lint errors.
 *
 * @module
 */
import type { Platform } from '../model.js';
import type { AppSpec } from '../model.js';
import type { DetectedPlatform, LintOptions, LintResult } from '../types.js';
import type { InputRole, PlanInput } from './context.js';
import { normalizeAppSpecModel } from './normalize.js';

/** The linter the planner reads text inputs with (injected so the planner stays testable on its own). */
export type LintFunction = (text: string, options: LintOptions) => LintResult;

/**
 * Reads one input. Objects are checked against the model shapes (a well-formed copy is used and
 * the malformed parts kept as `modelProblems`); text is linted and its errors kept.
 */
export function readInput(
  input: AppSpec | string,
  role: InputRole,
  lint: LintFunction,
  options: LintOptions,
  expectedPlatform?: Platform,
): PlanInput {
  let appSpec: AppSpec | undefined;
  let lintErrors: PlanInput['lintErrors'] = [];
  let detected: DetectedPlatform | undefined;
  let modelProblems: readonly string[] = [];
  if (typeof input === 'string') {
    const result = lint(input, options);
    appSpec = result.appSpec;
    detected = result.platform;
    lintErrors = result.diagnostics.filter((d) => d.severity === 'error');
  } else {
    const normalized = normalizeAppSpecModel(input);
    appSpec = normalized.appSpec;
    if (appSpec) modelProblems = normalized.problems;
  }
  const problems = modelProblems.length > 0 ? { modelProblems } : {};
  if (!appSpec) return { role, lintErrors, noModel: true, ...(detected ? { detected } : {}) };
  if (expectedPlatform !== undefined && appSpec.platform !== expectedPlatform) {
    return { role, lintErrors, noModel: false, wrongPlatform: appSpec.platform, ...problems };
  }
  return { role, appSpec, lintErrors, noModel: false, ...problems };
}

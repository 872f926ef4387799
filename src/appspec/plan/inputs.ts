/**
 * Turns the planner's AppSpec inputs (objects or text) into models, remembering lint errors.
 *
 * @module
 */
import type { Platform } from '../model.js';
import type { AppSpec } from '../model.js';
import type { DetectedPlatform, LintOptions, LintResult } from '../types.js';
import type { InputRole, PlanInput } from './context.js';

/** The linter the planner reads text inputs with (injected so the planner stays testable on its own). */
export type LintFunction = (text: string, options: LintOptions) => LintResult;

/** Reads one input. Objects are taken as they are; text is linted and its errors kept. */
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
  if (typeof input === 'string') {
    const result = lint(input, options);
    appSpec = result.appSpec;
    detected = result.platform;
    lintErrors = result.diagnostics.filter((d) => d.severity === 'error');
  } else if (isAppSpec(input)) {
    appSpec = input;
  }
  if (!appSpec) return { role, lintErrors, noModel: true, ...(detected ? { detected } : {}) };
  if (expectedPlatform !== undefined && appSpec.platform !== expectedPlatform) {
    return { role, lintErrors, noModel: false, wrongPlatform: appSpec.platform };
  }
  return { role, appSpec, lintErrors, noModel: false };
}

/** A cheap shape check for objects handed in by JavaScript callers. */
function isAppSpec(value: unknown): value is AppSpec {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { platform?: unknown; hooks?: unknown; hookRanges?: unknown };
  if (v.platform === 'server') {
    return typeof v.hooks === 'object' && v.hooks !== null && typeof v.hookRanges === 'object' && v.hookRanges !== null;
  }
  return (v.platform === 'ecs' || v.platform === 'lambda') && Array.isArray(v.hooks);
}

/**
 * Helpers shared by the `plan/*` rules.
 *
 * @module
 */
import { START_RANGE } from '../../../diagnostics/line-index.js';
import type { Diagnostic, Range, RuleMeta } from '../../../diagnostics/types.js';
import type { AppSpec } from '../../model.js';
import type { PlanContext } from '../context.js';

/** One `plan/*` rule: its metadata and the check that finds it in a planned deployment. */
export interface PlanRule {
  readonly meta: RuleMeta;
  check(ctx: PlanContext): Diagnostic[];
}

/** Where `event`'s hook is in the AppSpec, or the start of the text when it has none. */
export function hookRange(appSpec: AppSpec | undefined, event: string): Range {
  if (!appSpec) return START_RANGE;
  if (appSpec.platform === 'server') {
    return Object.hasOwn(appSpec.hookRanges, event) ? (appSpec.hookRanges[event] as Range) : START_RANGE;
  }
  return appSpec.hooks.find((h) => h.event === event)?.range ?? START_RANGE;
}

/** The event names the AppSpec defines hooks for, in document order, each once. */
export function hookEvents(appSpec: AppSpec | undefined): string[] {
  if (!appSpec) return [];
  if (appSpec.platform === 'server') return Object.keys(appSpec.hooks);
  return [...new Set(appSpec.hooks.map((h) => h.event))];
}

/** Each hooked event's range (the first hook of that event), built once: linear in the number of hooks. */
export function hookRanges(appSpec: AppSpec | undefined): Map<string, Range> {
  const out = new Map<string, Range>();
  if (!appSpec) return out;
  if (appSpec.platform === 'server') {
    for (const event of Object.keys(appSpec.hookRanges)) out.set(event, appSpec.hookRanges[event] as Range);
    return out;
  }
  for (const h of appSpec.hooks) if (!out.has(h.event)) out.set(h.event, h.range);
  return out;
}

/** Builds a diagnostic of `meta`'s rule. */
export function diagnostic(
  meta: RuleMeta,
  message: string,
  range: Range,
  extra: Partial<Pick<Diagnostic, 'help' | 'suggestions' | 'data' | 'severity' | 'related'>> = {},
): Diagnostic {
  return { ruleId: meta.id, severity: meta.defaultSeverity, message, range, ...extra };
}

/** Readable name of a revision source. */
export function sourceName(source: string): string {
  return source === 'last-successful' ? 'last successful' : source === 'most-recent' ? 'most recent' : source;
}

import type { Diagnostic } from '../../../../src/diagnostics/types.js';
import { lintPolicy } from '../../../../src/iam/lint/lint.js';
import type { PolicyType } from '../../../../src/iam/policy/types.js';
import type { ServiceCatalog } from '../../../../src/iam/lint/catalog.js';

/** Options of {@link lint}. */
export interface LintOptions {
  readonly type?: PolicyType;
  readonly catalog?: ServiceCatalog;
  /** `null` drops the Version element. Default `2012-10-17`. */
  readonly version?: string | null;
  readonly partitions?: readonly string[];
}

/** Lints a policy made of the given statement(s) and returns every diagnostic. */
export function lint(statements: object | readonly object[], options: LintOptions = {}): readonly Diagnostic[] {
  const version = options.version === undefined ? '2012-10-17' : options.version;
  const doc = {
    ...(version === null ? {} : { Version: version }),
    Statement: Array.isArray(statements) ? statements : [statements],
  };
  return lintPolicy(JSON.stringify(doc, null, 2), {
    type: options.type ?? 'identity',
    ...(options.catalog ? { catalog: options.catalog } : {}),
    ...(options.partitions ? { partitions: options.partitions } : {}),
  }).diagnostics;
}

/** The diagnostics of one rule. */
export function only(diagnostics: readonly Diagnostic[], ruleId: string): readonly Diagnostic[] {
  return diagnostics.filter((d) => d.ruleId === ruleId);
}

/** Lints and returns the diagnostics of one rule. */
export function hits(
  ruleId: string,
  statements: object | readonly object[],
  options: LintOptions = {},
): readonly Diagnostic[] {
  return only(lint(statements, options), ruleId);
}

/** An identity statement allowing `action` on `resource`, plus extra elements. */
export function allow(action: string | string[], resource: string | string[] = '*', extra: object = {}): object {
  return { Effect: 'Allow', Action: action, Resource: resource, ...extra };
}

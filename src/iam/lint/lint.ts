/**
 * `lintPolicy`: parse a policy leniently, run the rules that apply to its type, re-grade and sort.
 *
 * @module
 */
import { START_RANGE } from '../../diagnostics/line-index.js';
import { applyRuleSettings, sortDiagnostics } from '../../diagnostics/rules.js';
import type { Diagnostic, Range } from '../../diagnostics/types.js';
import { parsePolicyDetailed } from '../policy/parse.js';
import type { Policy } from '../policy/types.js';
import { allPolicyRules } from './rules/index.js';
import type { LineIndex } from '../../diagnostics/line-index.js';
import type { LintPolicyOptions, LintPolicyResult, PolicyFinding, PolicyRule, PolicyRuleContext } from './types.js';

type Where = PolicyFinding['at'];

function rangeOf(at: Where, lines: LineIndex | undefined): Range {
  if ('range' in at && at.range) return at.range;
  if ('start' in at && at.start !== undefined && lines) return lines.range(at.start, at.end ?? at.start);
  return START_RANGE;
}

/**
 * Lints an IAM policy (text, plain object or parsed {@link Policy}) for the given type
 * (spec/iam.md §7). Parse errors are reported as diagnostics (never thrown); rules run only for
 * their policy types, catalog rules only with a catalog. `options.rules` re-grades or turns rules
 * off. Diagnostics are sorted by position.
 */
export function lintPolicy(input: string | object | Policy, options: LintPolicyOptions): LintPolicyResult {
  return lintPolicyWith(allPolicyRules, input, options ?? ({} as LintPolicyOptions));
}

/** {@link lintPolicy} with an explicit rule list (for tests and custom rule sets). */
export function lintPolicyWith(
  rules: readonly PolicyRule[],
  input: string | object | Policy,
  options: LintPolicyOptions,
): LintPolicyResult {
  const type = options.type;
  const details = parsePolicyDetailed(input, {
    type,
    strict: false,
    ...(options.id !== undefined ? { id: options.id } : {}),
  });
  const out: Diagnostic[] = [...details.diagnostics];
  const lines = details.lines;
  const policy: Policy = details.policy ?? {
    kind: 'iamspec.policy',
    id: options.id ?? '',
    type,
    variablesEnabled: false,
    statements: [],
    ...(details.text !== undefined ? { text: details.text } : {}),
  };
  for (const rule of rules) {
    const meta = rule.meta;
    if (!rule.check || !meta.appliesTo.includes(type)) continue;
    if (options.rules && Object.hasOwn(options.rules, meta.id) && options.rules[meta.id] === 'off') continue;
    if (meta.needsCatalog && !options.catalog) continue;
    if (!details.policy && !meta.runsOnInvalidDocument) continue;
    const severity = meta.severityByType?.[type] ?? meta.defaultSeverity;
    const ctx: PolicyRuleContext = {
      policy,
      type,
      ...(details.tree ? { tree: details.tree } : {}),
      ...(details.text !== undefined ? { text: details.text } : {}),
      ...(lines ? { lines } : {}),
      ...(options.catalog ? { catalog: options.catalog } : {}),
      options,
      report(f: PolicyFinding): void {
        out.push(
          Object.freeze({
            ruleId: meta.id,
            severity: f.severity ?? severity,
            message: f.message,
            range: rangeOf(f.at, lines),
            pointer: f.at.pointer,
            ...(f.help ? { help: f.help } : {}),
            ...(f.suggestions && f.suggestions.length > 0 ? { suggestions: Object.freeze([...f.suggestions]) } : {}),
            ...(f.related && f.related.length > 0
              ? {
                  related: Object.freeze(
                    f.related.map((r) => Object.freeze({ range: rangeOf(r.at, lines), message: r.message })),
                  ),
                }
              : {}),
            data: Object.freeze({ policyType: type, ...(f.data ?? {}) }),
          }),
        );
      },
    };
    rule.check(ctx);
  }
  return Object.freeze({ diagnostics: Object.freeze(sortDiagnostics(applyRuleSettings(out, options.rules))) });
}

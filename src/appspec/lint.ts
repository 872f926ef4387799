/**
 * `lintAppSpec`: parse once, infer the platform, build the effective model, run every rule that
 * applies, and predict the verdict (spec/appspec.md §0.4, §4.9).
 *
 * @module
 */
import { applyRuleSettings, sortDiagnostics } from '../diagnostics/rules.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { AppSpec, Platform } from './model.js';
import { buildModel } from './parse/build-model.js';
import { findEmbeddedContent, mapEmbeddedDiagnostics } from './parse/embedded.js';
import { inferFromTree } from './parse/infer.js';
import { loadYaml, textOf } from './parse/load.js';
import { YamlTree } from './parse/tree.js';
import { LintContext } from './rules/context.js';
import { maxRuleInputBytes, utf8LengthExceeds } from './rules/appspec/too-large.js';
import { allAppSpecRules } from './rules/index.js';
import type { AppSpecRule, AppSpecRuleMeta } from './rules/types.js';
import { RULE_ORDER } from './rules/types.js';
import type { DetectedPlatform, LintOptions, LintResult, Verdict } from './types.js';

const META_BY_ID: ReadonlyMap<string, AppSpecRuleMeta> = new Map(allAppSpecRules.map((r) => [r.meta.id, r.meta]));

const ALL = (): boolean => true;

/**
 * Rules whose cost does not grow with the number of entries: the only ones that run on inputs
 * larger than `maxRuleInputBytes` (with `appspec/too-large` saying so).
 */
const DOCUMENT_RULES: ReadonlySet<string> = new Set([
  'file/bom',
  'file/name-case',
  'file/name-nonstandard',
  'file/not-at-root',
  'file/crlf',
  'file/invisible-char',
  'yaml/syntax',
  'yaml/tab-indent',
  'yaml/multi-document',
  'appspec/empty',
  'appspec/not-an-appspec',
  'appspec/platform-unknown',
  'appspec/platform-mismatch',
  'appspec/too-large',
]);

/** Everything one lint run produced, before the public result is shaped. */
export interface LintRun {
  readonly platform: DetectedPlatform;
  readonly platformSource: 'option' | 'inferred';
  readonly appSpec: AppSpec | undefined;
  readonly diagnostics: Diagnostic[];
  readonly tree: YamlTree;
}

/** The rules that apply, in run order, by the platform they run for (`none`: only the `'all'` rules). */
const RULES_FOR = new Map<Platform | 'none', readonly AppSpecRule[]>();

/** The rules that apply to a run: the `'all'` rules, plus the platform's when it is known and the root exists. */
function applicableRules(platform: DetectedPlatform, notAppSpec: boolean, hasRoot: boolean): readonly AppSpecRule[] {
  const key: Platform | 'none' =
    notAppSpec || !hasRoot || platform === 'unknown' || platform === 'not-an-appspec' ? 'none' : platform;
  let rules = RULES_FOR.get(key);
  if (!rules) {
    rules = Object.freeze(
      allAppSpecRules.filter((r) => r.meta.platforms === 'all' || (key !== 'none' && r.meta.platforms.includes(key))),
    );
    RULES_FOR.set(key, rules);
  }
  return rules;
}

/**
 * Runs the rules selected by `select` (default: every rule that applies) over `text`.
 * Internal entry point shared by {@link lintAppSpec} and `parseAppSpec`.
 */
export function runLint(
  text: string,
  options: LintOptions,
  select: (rule: AppSpecRule) => boolean = ALL,
  embedded = false,
): LintRun {
  const input = textOf(text);
  const loaded = loadYaml(input);
  const tree = new YamlTree(loaded, 'agent');
  const given = options.platform === 'server' || options.platform === 'ecs' || options.platform === 'lambda';
  const inference = inferFromTree(tree, given);
  let platform: DetectedPlatform;
  if (inference.platform === 'not-an-appspec') platform = 'not-an-appspec';
  else if (given) platform = options.platform as DetectedPlatform;
  else platform = inference.platform;
  if (platform === 'ecs' || platform === 'lambda') tree.setDialect('core');
  const appSpec =
    platform === 'server' || platform === 'ecs' || platform === 'lambda' ? buildModel(tree, platform) : undefined;
  const ctx = new LintContext(tree, {
    options,
    platform,
    platformSource: given && platform !== 'not-an-appspec' ? 'option' : 'inferred',
    appSpec,
    notAppSpecKind: inference.notAppSpecKind,
    inference,
  });
  const notAppSpec = inference.notAppSpecKind !== null;
  const tooLarge = utf8LengthExceeds(input, maxRuleInputBytes(options.maxRuleInputBytes));
  for (const rule of applicableRules(platform, notAppSpec, tree.root !== null)) {
    if (tooLarge && !DOCUMENT_RULES.has(rule.meta.id)) continue;
    if (select === ALL || select(rule)) ctx.run(rule);
  }
  const diagnostics = ctx.diagnostics;
  if (inference.notAppSpecKind === 'create-deployment-input' && !embedded) {
    diagnostics.push(...lintEmbedded(tree, options, select));
  }
  return {
    platform,
    platformSource: ctx.platformSource,
    appSpec,
    diagnostics,
    tree,
  };
}

/**
 * Lints the AppSpec embedded in a parsed create-deployment input (§1.5) with the caller's options
 * (no file name: the content is a string, not a file; platform inferred from it unless given) and
 * maps its diagnostics into the host text. One level only: an embedded input is not unpacked again.
 */
function lintEmbedded(tree: YamlTree, options: LintOptions, select: (rule: AppSpecRule) => boolean): Diagnostic[] {
  const embedded = findEmbeddedContent(tree);
  if (!embedded) return [];
  const { fileName: _fileName, ...embeddedOptions } = options;
  const run = runLint(embedded.text, embeddedOptions, select, true);
  return mapEmbeddedDiagnostics(embedded, tree, run.diagnostics);
}

/** The error the EC2 agent meets first (§4.9): lowest evaluation step, then position; parse-time errors only. */
function firstError(diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  let best: Diagnostic | undefined;
  let bestOrder = Number.POSITIVE_INFINITY;
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    const meta = META_BY_ID.get(d.ruleId);
    if (meta?.stage && meta.stage !== 'parse') continue;
    const order = meta?.order ?? RULE_ORDER.other;
    if (order < bestOrder || (order === bestOrder && best && d.range.start.offset < best.range.start.offset)) {
      best = d;
      bestOrder = order;
    }
  }
  return best;
}

/**
 * Lints AppSpec text (YAML or JSON) like the CodeDeploy agent (EC2/On-Premises) or the service
 * (ECS, Lambda) reads it. Never throws for bad input. A file is rejected exactly when the
 * result holds at least one `error`.
 */
export function lintAppSpec(text: string, options: LintOptions = {}): LintResult {
  const opts: LintOptions = options ?? {};
  const run = runLint(text, opts);
  const diagnostics = sortDiagnostics(applyRuleSettings(run.diagnostics, opts.rules));
  const hasError = diagnostics.some((d) => d.severity === 'error');
  const basis: Verdict['basis'] =
    run.platform === 'ecs' || run.platform === 'lambda'
      ? 'service-docs'
      : opts.agent === '2.x'
        ? 'agent-2.x'
        : 'agent-1.x';
  const first = hasError ? firstError(diagnostics) : undefined;
  const verdict: Verdict = Object.freeze(
    first
      ? { outcome: 'reject' as const, basis, first }
      : { outcome: hasError ? ('reject' as const) : ('accept' as const), basis },
  );
  const result: {
    platform: LintResult['platform'];
    platformSource: LintResult['platformSource'];
    appSpec?: AppSpec;
    diagnostics: readonly Diagnostic[];
    verdict: Verdict;
  } = {
    platform: run.platform,
    platformSource: run.platformSource,
    diagnostics: Object.freeze(diagnostics),
    verdict,
  };
  if (run.appSpec) result.appSpec = run.appSpec;
  return Object.freeze(result);
}

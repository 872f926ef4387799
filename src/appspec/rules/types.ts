/**
 * The AppSpec rule contract.
 *
 * How to write a rule (one rule per file, e.g. `rules/ec2/os-value.ts`):
 *
 * ```ts
 * import type { AppSpecRule } from '../types.js';
 * import { RULE_ORDER } from '../types.js';
 *
 * export const osValue: AppSpecRule = {
 *   meta: {
 *     id: 'ec2/os-value',
 *     defaultSeverity: 'error',            // severity for agent 1.x
 *     severity2x: 'error',                 // optional: severity for agent 2.x
 *     platforms: ['server'],               // or 'all' (file/*, yaml/*, appspec/* rules)
 *     order: RULE_ORDER.os,                // which step of the agent's evaluation (§4.9) meets it
 *     description: 'os is not exactly linux or windows.',
 *   },
 *   check(ctx) {
 *     const root = ctx.asMap(ctx.root);    // null when not a mapping (aliases followed)
 *     if (!root) return;
 *     const os = ctx.get(root, 'os');      // last entry of a duplicated key wins, like the agent
 *     const v = ctx.scalar(os?.value);     // the agent's value: kind, value, text (Ruby to_s), source, style
 *     if (!os || !v || ctx.isSuppressed(os.value)) return;
 *     if (v.kind === 'string' && (v.value === 'linux' || v.value === 'windows')) return;
 *     ctx.report({ node: os.value, message: `os must be linux or windows, not '${v.text}'.`, suggestions: ['linux'] });
 *   },
 * };
 * ```
 *
 * Then add it to the group array in `rules/<group>/index.ts`; the order of that array is the run
 * order, so put `*-shape` rules first: reporting a node with a rule whose id ends in `-shape`
 * suppresses it (and everything below it) for later rules (`ctx.isSuppressed`), as do
 * `appspec/placeholder` and `appspec/template-text`, which run before every platform rule.
 *
 * Rules never walk the whole tree themselves: use `ctx.nodes` (every scalar, map, sequence,
 * alias and tagged node, collected once) or follow the paths they care about from `ctx.root`.
 * Rules never throw for bad input; `check` may assume nothing about the shape of the document.
 * Positions (§0.4): a bad value → `node: valueNode`; a bad key → `range: ctx.keyRange(entry)`;
 * a bad sequence item → `range: ctx.itemRange(item)`; a missing key → the key of the enclosing
 * entry, or `ctx.documentStartRange()` at document level.
 *
 * @module
 */
import type { LineIndex } from '../../diagnostics/line-index.js';
import type { Range, RelatedLocation, RuleMeta, Severity } from '../../diagnostics/types.js';
import type { AppSpec, Platform } from '../model.js';
import type {
  LoadedYaml,
  MapEntry,
  NodeIndex,
  Pair,
  Scalar,
  ScalarValue,
  YAMLMap,
  YAMLSeq,
  YamlNode,
} from '../parse/types.js';
import type { AgentVersion, DetectedPlatform, InstanceOs, LintOptions } from '../types.js';

export type { LoadedYaml, MapEntry, NodeIndex, ScalarValue } from '../parse/types.js';

/**
 * Evaluation steps of the EC2 agent (§4.9), used to pick `verdict.first`: the error with the
 * lowest order wins, ties broken by position in the text.
 */
export const RULE_ORDER: {
  readonly load: 0;
  readonly empty: 10;
  readonly topLevel: 20;
  readonly version: 30;
  readonly os: 40;
  readonly hooks: 50;
  readonly files: 60;
  readonly permissions: 70;
  readonly fileExistsBehavior: 80;
  readonly other: 100;
} = Object.freeze({
  load: 0,
  empty: 10,
  topLevel: 20,
  version: 30,
  os: 40,
  hooks: 50,
  files: 60,
  permissions: 70,
  fileExistsBehavior: 80,
  other: 100,
});

/** Metadata of an AppSpec rule, as published in `appSpecRules`. */
export interface AppSpecRuleMeta extends RuleMeta {
  /** Platforms the rule runs for; `'all'` also runs when the platform is unknown or the text is not an AppSpec. */
  readonly platforms: readonly Platform[] | 'all';
  /** Severity when `agent: '2.x'` is targeted (default: `defaultSeverity`). */
  readonly severity2x?: Severity;
  /** When the agent meets the problem: at parse time (default), at Install, or when the script runs. Only `parse` errors can be `verdict.first`. */
  readonly stage?: 'parse' | 'install' | 'run';
  /** Evaluation step for `verdict.first` (a `RULE_ORDER` value); default `RULE_ORDER.other`. */
  readonly order?: number;
}

/** What a rule passes to `ctx.report`. */
export interface ReportInput {
  /** The rule reported for; default the running rule (for files that define an `ecs/` and a `lambda/` twin). */
  readonly rule?: AppSpecRuleMeta;
  /** The node (or pair: key start to value end) the finding is about. */
  readonly node?: YamlNode | Pair | null | undefined;
  /** An explicit range (wins over `node`): a `Range`, or 0-based `[start, end)` offsets. */
  readonly range?: Range | readonly [number, number];
  readonly message: string;
  /** Severity of this finding when it differs from the rule's (e.g. `yaml/tag` for `!ruby/…`). */
  readonly severity?: Severity;
  readonly help?: string;
  readonly suggestions?: readonly string[];
  readonly related?: readonly RelatedLocation[];
  readonly data?: Readonly<Record<string, unknown>>;
}

/** Kinds of files that look like an AppSpec but are not one (§1.5). */
export type NotAppSpecKind = 'cloudformation-template' | 'sam-template' | 'create-deployment-input' | 'unknown';

/** Everything a rule sees. One context per lint run; all lookups are cached. */
export interface RuleContext {
  /** The whole input text. */
  readonly text: string;
  readonly lines: LineIndex;
  /** Options as given by the caller. */
  readonly options: LintOptions;
  /** The platform the rules run for (the option, else the inferred one). */
  readonly platform: DetectedPlatform;
  readonly platformSource: 'option' | 'inferred';
  /** `options.agent`, default `'1.x'`. */
  readonly agent: AgentVersion;
  readonly instanceOs: InstanceOs | undefined;
  readonly bundleFiles: readonly string[] | undefined;
  readonly fileName: string | undefined;
  /** The loaded YAML (first document, syntax errors, document count). */
  readonly loaded: LoadedYaml;
  /** Root node of the first document; null when the text is empty or YAML parsing failed. */
  readonly root: YamlNode | null;
  /** Every node of the first document, collected in one walk. Empty when `root` is null. */
  readonly nodes: NodeIndex;
  /** The effective model (built before the rules run), when the platform is known and the root is a mapping. */
  readonly appSpec: AppSpec | undefined;
  /** Set when the text is not an AppSpec (§1.5). */
  readonly notAppSpecKind: NotAppSpecKind | null;
  /** What §3.4 infers from the content (also computed when a platform was given), and the step that decided. */
  readonly inferred: { readonly platform: DetectedPlatform; readonly step: number };

  /**
   * The resolved value of a scalar node (aliases followed) in the platform's dialect: the EC2
   * agent's YAML 1.1 rules (§2.2) for `server` and unknown platforms, YAML 1.2 core for ECS/Lambda.
   * Null for collections, empty input and aliases without anchor.
   */
  scalar(node: YamlNode | null | undefined): ScalarValue | null;
  /** The node with an alias followed (once; an alias to an alias is followed again, up to a bound). */
  deref(node: YamlNode | null | undefined): YamlNode | null;
  /** The node as a mapping (aliases followed), or null. */
  asMap(node: YamlNode | null | undefined): YAMLMap | null;
  /** The node as a sequence (aliases followed), or null. */
  asSeq(node: YamlNode | null | undefined): YAMLSeq | null;
  /** The node as a scalar (aliases followed), or null. */
  asScalar(node: YamlNode | null | undefined): Scalar | null;
  /** A short description of what the node is, for messages: `a mapping`, `a list`, `a string`, `null`, `true`, `a number`, …. */
  describe(node: YamlNode | null | undefined): string;
  /** All entries of a mapping in document order, duplicates included (aliases followed for values). */
  entries(map: YAMLMap): readonly MapEntry[];
  /** The last entry whose key is exactly `key` (the one the agent keeps), or undefined. */
  get(map: YAMLMap, key: string): MapEntry | undefined;
  /** The collection (or pair) directly containing `node`, or null for the root. */
  parentOf(node: YamlNode | Pair): YamlNode | Pair | null;

  /** Range of a node (a scalar with its quotes; a collection without trailing comments), or of a pair (key start to value end). */
  range(node: YamlNode | Pair | null | undefined): Range;
  /** Range of 0-based offsets `[start, end)`. */
  offsetRange(start: number, end: number): Range;
  /** Range of an entry's key (for an empty key, a zero-width range where the value starts). */
  keyRange(entry: MapEntry | Pair): Range;
  /** Range of a sequence item from its `-` indicator to the end of the item (flow items: the item itself). */
  itemRange(item: YamlNode): Range;
  /** Zero-width range at the first non-comment character of the text (1:1 when there is none). */
  documentStartRange(): Range;

  /**
   * A value computed once per lint run and shared by every rule that asks for the same `key`
   * (e.g. the list of EC2 scripts), so that rules do not each re-walk the same paths. Values are
   * dropped whenever a node is newly suppressed, since they may skip suppressed nodes, unless
   * `keepOnSuppress` is set (for values that do not depend on suppression). `compute` gets this
   * context, so that a module-level function can be passed (no closure per call).
   */
  memo<T>(key: string, compute: (ctx: RuleContext) => T, keepOnSuppress?: boolean): T;
  /** Records a finding of the running rule (or of `input.rule`). */
  report(input: ReportInput): void;
  /** Marks a node so that later rules skip it and its descendants. */
  suppress(node: YamlNode | Pair | null | undefined): void;
  /** True when the node, or a collection containing it, was suppressed. */
  isSuppressed(node: YamlNode | Pair | null | undefined): boolean;
}

/** An AppSpec lint rule: metadata plus a check run once per lint. */
export interface AppSpecRule {
  readonly meta: AppSpecRuleMeta;
  /** Inspects the document through `ctx` and reports findings with `ctx.report`. Must not throw. */
  check(ctx: RuleContext): void;
}

/**
 * The rule context implementation used by the lint driver.
 *
 * @module
 */

import { isMap, isPair, isSeq } from 'yaml';
import type { LineIndex } from '../../diagnostics/line-index.js';
import type { Diagnostic, Range, Severity } from '../../diagnostics/types.js';
import type { AppSpec } from '../model.js';
import type { YamlTree } from '../parse/tree.js';
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
import type { AppSpecRule, AppSpecRuleMeta, NotAppSpecKind, ReportInput, RuleContext } from './types.js';

/** Settings of one lint run. */
export interface ContextSettings {
  readonly options: LintOptions;
  readonly platform: DetectedPlatform;
  readonly platformSource: 'option' | 'inferred';
  readonly appSpec: AppSpec | undefined;
  readonly notAppSpecKind: NotAppSpecKind | null;
  readonly inference: { readonly platform: DetectedPlatform; readonly step: number };
}

function isRange(r: Range | readonly [number, number]): r is Range {
  return !Array.isArray(r);
}

/** A {@link RuleContext} over a {@link YamlTree}; collects the diagnostics of every rule run through it. */
export class LintContext implements RuleContext {
  readonly text: string;
  readonly lines: LineIndex;
  readonly options: LintOptions;
  readonly platform: DetectedPlatform;
  readonly platformSource: 'option' | 'inferred';
  readonly agent: AgentVersion;
  readonly instanceOs: InstanceOs | undefined;
  readonly bundleFiles: readonly string[] | undefined;
  readonly fileName: string | undefined;
  readonly loaded: LoadedYaml;
  readonly root: YamlNode | null;
  readonly nodes: NodeIndex;
  readonly appSpec: AppSpec | undefined;
  readonly notAppSpecKind: NotAppSpecKind | null;
  readonly inferred: { readonly platform: DetectedPlatform; readonly step: number };
  /** Diagnostics reported so far (before rule settings are applied). */
  readonly diagnostics: Diagnostic[] = [];
  readonly #tree: YamlTree;
  readonly #suppressed = new Set<YamlNode | Pair>();
  readonly #memo = new Map<string, unknown>();
  readonly #stableMemo = new Map<string, unknown>();
  #current: AppSpecRuleMeta | null = null;

  constructor(tree: YamlTree, settings: ContextSettings) {
    this.#tree = tree;
    this.text = tree.text;
    this.lines = tree.lines;
    this.options = settings.options;
    this.platform = settings.platform;
    this.platformSource = settings.platformSource;
    this.agent = settings.options.agent === '2.x' ? '2.x' : '1.x';
    // A caller's non-string value is ignored: rules copy it into messages and data.
    this.instanceOs = typeof settings.options.instanceOs === 'string' ? settings.options.instanceOs : undefined;
    this.bundleFiles = settings.options.bundleFiles;
    this.fileName = settings.options.fileName;
    this.loaded = tree.loaded;
    this.root = tree.root;
    this.nodes = tree.nodes;
    this.appSpec = settings.appSpec;
    this.notAppSpecKind = settings.notAppSpecKind;
    this.inferred = Object.freeze({ platform: settings.inference.platform, step: settings.inference.step });
  }

  /** Runs one rule; a rule that throws is reported as `appspec/internal-error` instead of failing the lint. */
  run(rule: AppSpecRule): void {
    this.#current = rule.meta;
    try {
      rule.check(this);
    } catch (e) {
      this.diagnostics.push({
        ruleId: 'appspec/internal-error',
        severity: 'warning',
        message: `Rule ${rule.meta.id} failed: ${e instanceof Error ? e.message : String(e)}`,
        range: this.documentStartRange(),
      });
    } finally {
      this.#current = null;
    }
  }

  scalar(node: YamlNode | null | undefined): ScalarValue | null {
    return this.#tree.scalar(node);
  }
  deref(node: YamlNode | null | undefined): YamlNode | null {
    return this.#tree.deref(node);
  }
  asMap(node: YamlNode | null | undefined): YAMLMap | null {
    return this.#tree.asMap(node);
  }
  asSeq(node: YamlNode | null | undefined): YAMLSeq | null {
    return this.#tree.asSeq(node);
  }
  asScalar(node: YamlNode | null | undefined): Scalar | null {
    return this.#tree.asScalar(node);
  }
  describe(node: YamlNode | null | undefined): string {
    return this.#tree.describe(node);
  }
  entries(map: YAMLMap): readonly MapEntry[] {
    return this.#tree.entries(map);
  }
  get(map: YAMLMap, key: string): MapEntry | undefined {
    return this.#tree.get(map, key);
  }
  parentOf(node: YamlNode | Pair): YamlNode | Pair | null {
    return this.#tree.parentOf(node);
  }
  range(node: YamlNode | Pair | null | undefined): Range {
    return this.#tree.range(node);
  }
  offsetRange(start: number, end: number): Range {
    return this.lines.range(start, end);
  }
  keyRange(entry: MapEntry | Pair): Range {
    return this.#tree.keyRange(entry);
  }
  itemRange(item: YamlNode): Range {
    return this.#tree.itemRange(item);
  }
  documentStartRange(): Range {
    return this.#tree.documentStartRange();
  }

  memo<T>(key: string, compute: (ctx: RuleContext) => T, keepOnSuppress = false): T {
    const store = keepOnSuppress ? this.#stableMemo : this.#memo;
    const cached = store.get(key);
    if (cached !== undefined || store.has(key)) return cached as T;
    const value = compute(this);
    store.set(key, value);
    return value;
  }

  report(input: ReportInput): void {
    const meta = input.rule ?? this.#current;
    if (!meta) return;
    let range: Range;
    if (input.range) range = isRange(input.range) ? input.range : this.lines.range(input.range[0], input.range[1]);
    else range = this.range(input.node);
    const severity: Severity =
      input.severity ?? (this.agent === '2.x' && meta.severity2x ? meta.severity2x : meta.defaultSeverity);
    const d: {
      -readonly [K in keyof Diagnostic]: Diagnostic[K];
    } = { ruleId: meta.id, severity, message: input.message, range };
    if (input.help !== undefined) d.help = input.help;
    if (input.suggestions !== undefined && input.suggestions.length > 0)
      d.suggestions = Object.freeze([...input.suggestions]);
    if (input.related !== undefined && input.related.length > 0) d.related = Object.freeze([...input.related]);
    if (input.data !== undefined) d.data = Object.freeze({ ...input.data });
    this.diagnostics.push(Object.freeze(d));
    if (input.node && meta.id.endsWith('-shape')) this.suppress(input.node);
  }

  suppress(node: YamlNode | Pair | null | undefined): void {
    if (!node || this.#suppressed.has(node)) return;
    // Mark the node and everything below it (a pair covers its key and value), so that
    // isSuppressed is one lookup. Marked subtrees are skipped: each node is marked at most once.
    const stack: unknown[] = [node];
    while (stack.length > 0) {
      const n = stack.pop();
      if (!n || typeof n !== 'object' || this.#suppressed.has(n as YamlNode)) continue;
      this.#suppressed.add(n as YamlNode | Pair);
      if (isMap(n) || isSeq(n)) for (const item of n.items as unknown[]) stack.push(item);
      else if (isPair(n)) stack.push(n.key, n.value);
    }
    // Memoised structures may skip suppressed nodes: compute them again when asked.
    if (this.#memo.size > 0) this.#memo.clear();
  }

  isSuppressed(node: YamlNode | Pair | null | undefined): boolean {
    return this.#suppressed.size > 0 && !!node && this.#suppressed.has(node);
  }
}

/**
 * Read access to the loaded first document: resolved scalars, mapping entries with duplicates,
 * aliases followed, parents and ranges. One walk collects every node; every lookup is cached.
 *
 * @module
 */
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import { LineIndex } from '../../diagnostics/line-index.js';
import type { Range } from '../../diagnostics/types.js';
import { resolveScalar } from './resolve.js';
import type {
  Alias,
  LoadedYaml,
  MapEntry,
  NodeIndex,
  Pair,
  Scalar,
  ScalarDialect,
  ScalarValue,
  YAMLMap,
  YAMLSeq,
  YamlNode,
} from './types.js';

type Parent = YamlNode | Pair;

/**
 * Resolved scalars and mapping entries are cached on the nodes themselves (one property load
 * instead of a hash lookup per call; rules make tens of thousands of such calls). A node belongs
 * to one loaded text, and both values depend only on the node, that text and the dialect, so
 * trees over the same document may share them. Symbols keep them out of every enumeration.
 */
interface DialectSlots {
  readonly scalar: symbol;
  readonly entries: symbol;
}
const SLOTS: Readonly<Record<ScalarDialect, DialectSlots>> = {
  agent: { scalar: Symbol('iamspec.scalar.agent'), entries: Symbol('iamspec.entries.agent') },
  core: { scalar: Symbol('iamspec.scalar.core'), entries: Symbol('iamspec.entries.core') },
};
type ScalarSlots = Record<symbol, ScalarValue | null | undefined>;
type EntrySlots = Record<symbol, readonly MapEntry[] | undefined>;

const EMPTY_INDEX: NodeIndex = Object.freeze({
  scalars: [],
  scalarParents: [],
  maps: [],
  seqs: [],
  aliases: [],
  tagged: [],
  mergeKeys: [],
});

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** How many lines a search for a sequence item's `-` may look back. */
const DASH_LOOKBACK_LINES = 50;

/** The loaded document with cached, dialect-aware accessors. */
export class YamlTree {
  readonly text: string;
  readonly lines: LineIndex;
  readonly loaded: LoadedYaml;
  /** Root of the first document; null when empty or when YAML parsing failed. */
  readonly root: YamlNode | null;
  readonly nodes: NodeIndex;
  #dialect: ScalarDialect;
  /** Parents by node, built on the first {@link parentOf} (many runs never ask). */
  #parents: Map<Parent, Parent> | null = null;
  readonly #aliasTargets = new Map<Alias, YamlNode>();
  /** Resolved values by node as asked (scalars, aliases to them; null for anything else). */
  /** Where resolved values and entry lists are kept on the nodes, for the current dialect. */
  #slots: DialectSlots = SLOTS.agent;
  #lastMap: YAMLMap | null = null;
  #lastEntries: readonly MapEntry[] = [];

  constructor(loaded: LoadedYaml, dialect: ScalarDialect = 'agent', lines?: LineIndex) {
    this.text = loaded.text;
    this.lines = lines ?? new LineIndex(loaded.text);
    this.loaded = loaded;
    this.root = loaded.root;
    this.#dialect = dialect;
    this.nodes = this.root ? this.#walk(this.root) : EMPTY_INDEX;
  }

  /** The dialect plain scalars are resolved in. */
  get dialect(): ScalarDialect {
    return this.#dialect;
  }

  /** Switches the dialect (after platform inference); clears the caches. */
  setDialect(dialect: ScalarDialect): void {
    if (dialect === this.#dialect) return;
    this.#dialect = dialect;
    this.#slots = SLOTS[dialect];
    this.#lastMap = null;
    this.#lastEntries = [];
  }

  /** One iterative walk in document order: parents, anchors → alias targets, and the node index. */
  #walk(root: YamlNode): NodeIndex {
    const scalars: Scalar[] = [];
    const scalarParents: (Parent | null)[] = [];
    const maps: YAMLMap[] = [];
    const seqs: YAMLSeq[] = [];
    const aliases: Alias[] = [];
    const tagged: YamlNode[] = [];
    const mergeKeys: Pair[] = [];
    const anchors = new Map<string, YamlNode>();
    const stack: unknown[] = [root];
    // The parent of each stacked node (so that scalars get theirs without a lookup).
    const parentStack: (Parent | null)[] = [null];
    while (stack.length > 0) {
      const n = stack.pop();
      const parent = parentStack.pop() ?? null;
      if (isAlias(n)) {
        aliases.push(n);
        const target = anchors.get(n.source);
        if (target) this.#aliasTargets.set(n, target);
        continue;
      }
      if (!n || typeof n !== 'object') continue;
      const node = n as YamlNode;
      if ((node as { anchor?: string }).anchor) anchors.set((node as { anchor: string }).anchor, node);
      if ((node as { tag?: string }).tag) tagged.push(node);
      if (isScalar(node)) {
        scalars.push(node);
        scalarParents.push(parent);
      } else if (isMap(node)) {
        maps.push(node);
        const items = node.items as Pair[];
        for (let i = items.length - 1; i >= 0; i--) {
          const pair = items[i] as Pair;
          const key = pair.key as YamlNode | null;
          const value = pair.value as YamlNode | null;
          if (value && typeof value === 'object') {
            stack.push(value);
            parentStack.push(pair);
          }
          if (key && typeof key === 'object') {
            stack.push(key);
            parentStack.push(pair);
            if (isScalar(key) && key.value === '<<' && key.type === 'PLAIN') mergeKeys.push(pair);
          }
        }
      } else if (isSeq(node)) {
        seqs.push(node);
        const items = node.items as unknown[];
        for (let i = items.length - 1; i >= 0; i--) {
          const item = items[i];
          if (item && typeof item === 'object') {
            stack.push(item);
            parentStack.push(node);
          }
        }
      }
    }
    mergeKeys.reverse();
    return Object.freeze({ scalars, scalarParents, maps, seqs, aliases, tagged, mergeKeys });
  }

  /** The node with an alias followed; null for null input or an alias to an unknown anchor. */
  deref(node: YamlNode | null | undefined): YamlNode | null {
    if (!node) return null;
    if (isAlias(node)) return this.#aliasTargets.get(node) ?? null;
    return node;
  }

  asMap(node: YamlNode | null | undefined): YAMLMap | null {
    const n = this.deref(node);
    return isMap(n) ? n : null;
  }

  asSeq(node: YamlNode | null | undefined): YAMLSeq | null {
    const n = this.deref(node);
    return isSeq(n) ? n : null;
  }

  asScalar(node: YamlNode | null | undefined): Scalar | null {
    const n = this.deref(node);
    return isScalar(n) ? n : null;
  }

  /** The resolved value of a scalar (aliases followed), or null for anything else. */
  scalar(node: YamlNode | null | undefined): ScalarValue | null {
    if (!node) return null;
    const slot = this.#slots.scalar;
    const hit = (node as unknown as ScalarSlots)[slot];
    if (hit !== undefined) return hit;
    const s = this.asScalar(node);
    let v: ScalarValue | null = null;
    if (s) {
      v = s === node ? null : ((s as unknown as ScalarSlots)[slot] ?? null);
      if (!v) {
        const range = s.range;
        const source = range ? this.text.slice(range[0], range[1]) : String(s.value ?? '');
        v = resolveScalar(String(s.value ?? ''), source, s.type, s.tag ?? null, this.#dialect);
        (s as unknown as ScalarSlots)[slot] = v;
      }
    }
    (node as unknown as ScalarSlots)[slot] = v;
    return v;
  }

  /** A short description of a node for messages. */
  describe(node: YamlNode | null | undefined): string {
    const n = this.deref(node);
    if (!n) return 'null';
    if (isMap(n)) return n.items.length === 0 ? 'an empty mapping' : 'a mapping';
    if (isSeq(n)) return n.items.length === 0 ? 'an empty list' : 'a list';
    const v = this.scalar(n);
    if (!v) return 'an unknown value';
    switch (v.kind) {
      case 'null':
        return 'null';
      case 'bool':
        return v.value ? 'true' : 'false';
      case 'int':
      case 'float':
        return `the number ${v.text}`;
      case 'symbol':
        return `the symbol :${v.text}`;
      case 'date':
        return 'a date';
      case 'timestamp':
        return 'a timestamp';
      default:
        return 'a string';
    }
  }

  /** All entries of a mapping, duplicates included, in document order. */
  entries(map: YAMLMap): readonly MapEntry[] {
    // Rules read several keys of one mapping in a row: the last mapping asked needs no lookup.
    if (map === this.#lastMap) return this.#lastEntries;
    let cached = (map as unknown as EntrySlots)[this.#slots.entries];
    if (cached) {
      this.#lastMap = map;
      this.#lastEntries = cached;
      return cached;
    }
    const out: MapEntry[] = [];
    const items = map.items as Pair[];
    for (let i = 0; i < items.length; i++) {
      const pair = items[i] as Pair;
      const keyNode = (pair.key ?? null) as YamlNode | null;
      const valueNode = (pair.value ?? null) as YamlNode | null;
      const kv = this.scalar(keyNode);
      const keyScalar = this.asScalar(keyNode);
      // Entries are internal and typed read-only; only the list is frozen (freezing costs per entry).
      out.push({
        pair,
        keyNode,
        key: kv && kv.kind === 'string' ? (kv.value as string) : null,
        keyText: keyScalar ? String(keyScalar.value ?? '') : isAlias(keyNode) ? `*${keyNode.source}` : '',
        value: this.deref(valueNode),
        valueNode,
        index: i,
      });
    }
    cached = Object.freeze(out);
    (map as unknown as EntrySlots)[this.#slots.entries] = cached;
    this.#lastMap = map;
    this.#lastEntries = cached;
    return cached;
  }

  /** The last entry whose key is exactly `key`. */
  get(map: YAMLMap, key: string): MapEntry | undefined {
    const all = this.entries(map);
    for (let i = all.length - 1; i >= 0; i--) {
      const e = all[i] as MapEntry;
      if (e.key === key) return e;
    }
    return undefined;
  }

  /** The collection or pair directly containing a node. */
  parentOf(node: YamlNode | Pair): YamlNode | Pair | null {
    this.#parents ??= this.#collectParents();
    return this.#parents.get(node) ?? null;
  }

  /** Parents of every node below the root (aliases are leaves), in one iterative walk. */
  #collectParents(): Map<Parent, Parent> {
    const parents = new Map<Parent, Parent>();
    const stack: unknown[] = this.root ? [this.root] : [];
    while (stack.length > 0) {
      const node = stack.pop();
      if (isMap(node)) {
        for (const pair of node.items as Pair[]) {
          parents.set(pair, node);
          const key = pair.key as YamlNode | null;
          const value = pair.value as YamlNode | null;
          if (key && typeof key === 'object') {
            parents.set(key, pair);
            stack.push(key);
          }
          if (value && typeof value === 'object') {
            parents.set(value, pair);
            stack.push(value);
          }
        }
      } else if (isSeq(node)) {
        for (const item of node.items as unknown[]) {
          if (item && typeof item === 'object') {
            parents.set(item as Parent, node);
            stack.push(item);
          }
        }
      }
    }
    return parents;
  }

  /** 0-based [start, end) offsets of a node or pair; null when it has none. */
  offsets(node: YamlNode | Pair | null | undefined): [number, number] | null {
    if (!node) return null;
    if (isPair(node)) {
      const k = this.offsets(node.key as YamlNode | null);
      const v = this.offsets(node.value as YamlNode | null);
      if (k && v) return [k[0], Math.max(k[1], v[1])];
      return k ?? v;
    }
    const r = (node as { range?: readonly number[] | null }).range;
    if (!r) return null;
    const start = r[0] as number;
    let end = Math.max(start, r[1] as number);
    // Collections end after their last line break; ranges stop at the last visible character.
    while (end > start && isSpace(this.text.charCodeAt(end - 1))) end--;
    return [start, end];
  }

  /** Range of a node or pair (a zero-width range at the document start for null). */
  range(node: YamlNode | Pair | null | undefined): Range {
    const o = this.offsets(node);
    return o ? this.lines.range(o[0], o[1]) : this.documentStartRange();
  }

  /** Range of a key; for an empty key, zero width where the value starts. */
  keyRange(entry: MapEntry | Pair): Range {
    const pair = isPair(entry) ? entry : entry.pair;
    const k = this.offsets(pair.key as YamlNode | null);
    if (k && (k[1] > k[0] || !pair.value)) return this.lines.range(k[0], k[1]);
    const v = this.offsets(pair.value as YamlNode | null);
    if (v) return this.lines.range(v[0], v[0]);
    return k ? this.lines.range(k[0], k[1]) : this.documentStartRange();
  }

  /**
   * Range of a sequence item from its `-` to its end (flow items: the item itself). `seq`, when
   * given, is the sequence holding the item (saves looking its parent up).
   */
  itemRange(item: YamlNode, seq?: YAMLSeq): Range {
    const o = this.offsets(item);
    if (!o) return this.range(item);
    const parent = seq ?? this.parentOf(item);
    if (!isSeq(parent) || parent.flow) return this.lines.range(o[0], o[1]);
    const dash = this.#findDash(o[0]);
    return this.lines.range(dash ?? o[0], o[1]);
  }

  /** Searches backwards from `start` for the block sequence indicator of the item starting there. */
  #findDash(start: number): number | null {
    const t = this.text;
    let pos = start - 1;
    let linesBack = 0;
    while (pos >= 0) {
      const c = t.charCodeAt(pos);
      if (c === 32 || c === 9) {
        pos--;
        continue;
      }
      if (c === 45 /* - */) {
        const next = t.charCodeAt(pos + 1);
        if (pos + 1 >= t.length || next === 32 || next === 9 || next === 10 || next === 13) return pos;
        return null;
      }
      if (c === 10 || c === 13) {
        if (++linesBack > DASH_LOOKBACK_LINES) return null;
        // Move to the end of the previous line's content, ignoring a trailing comment.
        const lineEnd = c === 10 && t.charCodeAt(pos - 1) === 13 ? pos - 1 : pos;
        let lineStart = lineEnd;
        while (lineStart > 0 && t.charCodeAt(lineStart - 1) !== 10 && t.charCodeAt(lineStart - 1) !== 13) lineStart--;
        let contentEnd = lineEnd;
        for (let i = lineStart; i < lineEnd; i++) {
          if (
            t.charCodeAt(i) === 35 /* # */ &&
            (i === lineStart || t.charCodeAt(i - 1) === 32 || t.charCodeAt(i - 1) === 9)
          ) {
            contentEnd = i;
            break;
          }
        }
        pos = contentEnd - 1;
        if (pos < lineStart) pos = lineStart - 1;
        continue;
      }
      // A property (`&anchor`, `!tag`) between the dash and the item: skip it.
      let s = pos;
      while (
        s > 0 &&
        t.charCodeAt(s - 1) !== 32 &&
        t.charCodeAt(s - 1) !== 9 &&
        t.charCodeAt(s - 1) !== 10 &&
        t.charCodeAt(s - 1) !== 13
      )
        s--;
      const lead = t.charCodeAt(s);
      if (lead !== 38 /* & */ && lead !== 33 /* ! */) return null;
      pos = s - 1;
    }
    return null;
  }

  /** Zero-width range at the first character that is not blank, a comment or a BOM. */
  documentStartRange(): Range {
    const t = this.text;
    let i = 0;
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) i++;
      else if (c === 35) {
        while (i < t.length && t.charCodeAt(i) !== 10 && t.charCodeAt(i) !== 13) i++;
      } else break;
    }
    if (i >= t.length) i = 0;
    return this.lines.range(i, i);
  }
}

/**
 * Types of the AppSpec loader: the YAML tree as the CodeDeploy agent (or service) reads it.
 *
 * @module
 */
import type { Alias, Document, Node as YamlNode, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Range } from '../../diagnostics/types.js';

export type { Alias, Pair, Scalar, YAMLMap, YAMLSeq, YamlNode };

/** What a plain or quoted scalar resolves to (spec/appspec.md §2.2; ECS/Lambda: YAML 1.2 core). */
export type ScalarKind = 'null' | 'bool' | 'int' | 'float' | 'string' | 'symbol' | 'date' | 'timestamp';

/** How a scalar is written. */
export type ScalarStyle = 'plain' | 'single-quoted' | 'double-quoted' | 'literal' | 'folded';

/** YAML dialect used to resolve plain scalars: the EC2 agent's YAML 1.1 (Ruby Psych) or YAML 1.2 core. */
export type ScalarDialect = 'agent' | 'core';

/** A scalar with the value the agent (or service) reads, its source text and its quoting style. */
export interface ScalarValue {
  readonly kind: ScalarKind;
  /**
   * The resolved value: `null`, a boolean, a number (int, float, ±Infinity, NaN), or a string
   * (strings; symbols without the leading `:`; dates and timestamps as written).
   */
  readonly value: string | number | boolean | null;
  /** The text the agent uses when it converts the value to a string (Ruby `to_s`): `'420'` for `0644`, `''` for null. */
  readonly text: string;
  /** The scalar exactly as written, quotes included. */
  readonly source: string;
  /** The scalar's content before resolution (folded and unescaped; no quotes). */
  readonly raw: string;
  readonly style: ScalarStyle;
  /** Explicit tag (`tag:yaml.org,2002:str` for `!!str`, `!Ref`, …), or null. */
  readonly tag: string | null;
}

/** One entry of a mapping, duplicates included, in document order. */
export interface MapEntry {
  readonly pair: Pair;
  /** The key node (aliases not followed), or null for an empty key. */
  readonly keyNode: YamlNode | null;
  /** The key's resolved string, or null when the key is not a string (`1:`, `yes:`, `~:`, a collection, an alias). */
  readonly key: string | null;
  /** The key as written (without quotes), for messages; `''` for collections. */
  readonly keyText: string;
  /** The value node with aliases followed once (null for an empty value). */
  readonly value: YamlNode | null;
  /** The value node as written (an `Alias` when it is one). */
  readonly valueNode: YamlNode | null;
  /** Index of the entry within the mapping. */
  readonly index: number;
}

/** A YAML/JSON syntax error, positioned where the parser reported it. */
export interface YamlSyntaxError {
  /** The `yaml` package's error code, e.g. `TAB_AS_INDENT`, `BAD_INDENT`, or `NESTING_TOO_DEEP` for the depth guard. */
  readonly code: string;
  readonly message: string;
  /** 0-based [start, end) offsets. */
  readonly start: number;
  readonly end: number;
}

/** The loaded text: the first YAML document (the only one the agent reads) and what the loader saw. */
export interface LoadedYaml {
  readonly text: string;
  /** The first document (null when the text holds no document). */
  readonly document: Document.Parsed | null;
  /** Root node of the first document; null when empty, or when YAML parsing failed. */
  readonly root: YamlNode | null;
  /** Root node even when the document has syntax errors (partial); null when empty. */
  readonly partialRoot: YamlNode | null;
  /** Syntax errors of the first document (empty when it loaded). */
  readonly errors: readonly YamlSyntaxError[];
  /** Number of documents in the stream. */
  readonly documentCount: number;
  /** Offset of the start of the second document (its `---`), when there is one. */
  readonly secondDocumentOffset: number | null;
}

/** Every node of the first document, collected in one walk (document order). */
export interface NodeIndex {
  readonly scalars: readonly Scalar[];
  /** The collection or pair directly containing `scalars[i]` (null for a scalar root). */
  readonly scalarParents: readonly (YamlNode | Pair | null)[];
  readonly maps: readonly YAMLMap[];
  readonly seqs: readonly YAMLSeq[];
  readonly aliases: readonly Alias[];
  /** Nodes that carry an explicit tag. */
  readonly tagged: readonly YamlNode[];
  /** Merge keys `<<`. */
  readonly mergeKeys: readonly Pair[];
}

/** The source range of a model item: used by builders to attach ranges. */
export type RangeOf = (node: YamlNode | Pair | null | undefined) => Range;

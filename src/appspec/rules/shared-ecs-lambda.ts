/**
 * Logic shared by the `ecs/*` and `lambda/*` rules (spec/appspec.md §3.2, §3.3, §4.8).
 *
 * The two platforms share their document layout (`version`, `Resources` as a one-item list of
 * single-key mappings, `Hooks` as a list of `- Event: function`), and their keys match in any
 * case. Each twin rule (`ecs/version` and `lambda/version`, …) lives in its own file and calls
 * the check below with its platform.
 *
 * @module
 */
import { suggestNames } from '../../diagnostics/suggest.js';
import type { MapEntry, RuleContext, ScalarValue } from './types.js';
import type { YAMLMap, YAMLSeq, YamlNode } from '../parse/types.js';
import {
  EC2_SCRIPTABLE_EVENTS,
  ECS_HOOK_EVENTS,
  ECS_RESERVED_EVENTS,
  LAMBDA_HOOK_EVENTS,
  LAMBDA_RESERVED_EVENTS,
} from '../events.js';

/** The two platforms whose AppSpec the CodeDeploy service reads. */
export type ServicePlatform = 'ecs' | 'lambda';

/** Scriptable ECS lifecycle events, in run order. */
export const ECS_EVENTS: readonly string[] = ECS_HOOK_EVENTS;

/** Scriptable Lambda lifecycle events, in run order. */
export const LAMBDA_EVENTS: readonly string[] = LAMBDA_HOOK_EVENTS;

const RESERVED: Readonly<Record<ServicePlatform, readonly string[]>> = {
  ecs: ECS_RESERVED_EVENTS,
  lambda: LAMBDA_RESERVED_EVENTS,
};

/** EC2 event names (the scriptable ones and the reserved ones between them) that mark an EC2 layout. */
const EC2_EVENTS: readonly string[] = [...EC2_SCRIPTABLE_EVENTS, 'DownloadBundle', 'BlockTraffic'];

/** Fixed did-you-mean aliases for hook event names (§4.10). */
const EVENT_ALIASES: Readonly<Record<ServicePlatform, Readonly<Record<string, readonly string[]>>>> = {
  ecs: {
    Install: ['BeforeInstall', 'AfterInstall'],
    AllowTraffic: ['BeforeAllowTraffic', 'AfterAllowTraffic'],
    AllowTestTraffic: ['AfterAllowTestTraffic'],
    TestTraffic: ['AfterAllowTestTraffic'],
    LifeCycleEvent: ECS_EVENTS,
  },
  lambda: {
    AllowTraffic: ['BeforeAllowTraffic', 'AfterAllowTraffic'],
    LifeCycleEvent: LAMBDA_EVENTS,
  },
};

/** Display name of a platform, for messages. */
export const PLATFORM_NAME: Readonly<Record<ServicePlatform, string>> = { ecs: 'ECS', lambda: 'Lambda' };

/** The platform's name with its article, for messages. */
const A_PLATFORM: Readonly<Record<ServicePlatform, string>> = { ecs: 'an ECS', lambda: 'a Lambda' };

/** The resource `Type` each platform requires. */
export const RESOURCE_TYPE: Readonly<Record<ServicePlatform, string>> = {
  ecs: 'AWS::ECS::Service',
  lambda: 'AWS::Lambda::Function',
};

/** Documented keys of each mapping level, in their documented spelling. */
export const LEVEL_KEYS: {
  readonly root: readonly string[];
  readonly resource: readonly string[];
  readonly ecsProperties: readonly string[];
  readonly lambdaProperties: readonly string[];
  readonly loadBalancerInfo: readonly string[];
  readonly networkConfiguration: readonly string[];
  readonly awsvpc: readonly string[];
  readonly capacityProvider: readonly string[];
} = Object.freeze({
  root: ['version', 'Resources', 'Hooks'],
  resource: ['Type', 'Properties'],
  ecsProperties: [
    'TaskDefinition',
    'LoadBalancerInfo',
    'PlatformVersion',
    'NetworkConfiguration',
    'CapacityProviderStrategy',
  ],
  lambdaProperties: ['Name', 'Alias', 'CurrentVersion', 'TargetVersion'],
  loadBalancerInfo: ['ContainerName', 'ContainerPort'],
  networkConfiguration: ['AwsvpcConfiguration'],
  awsvpc: ['Subnets', 'SecurityGroups', 'AssignPublicIp'],
  capacityProvider: ['Base', 'CapacityProvider', 'Weight'],
});

/** EC2/On-Premises top-level keys: unknown here, with a more helpful message. */
const EC2_TOP_LEVEL: ReadonlySet<string> = new Set(['os', 'files', 'permissions', 'file_exists_behavior']);

// ------------------------------------------------------------------ navigation
// The structures below are memoised per lint run (`ctx.memo`, dropped when a node is suppressed).

/** The last entry of `map` whose key equals `name` ignoring case (ECS/Lambda keys match in any case). */
export function findKey(ctx: RuleContext, map: YAMLMap, name: string): MapEntry | undefined {
  const lower = name.toLowerCase();
  const entries = ctx.entries(map);
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i] as MapEntry;
    if (entry.key !== null && entry.key.length === lower.length && entry.key.toLowerCase() === lower) return entry;
  }
  return undefined;
}

/** True when the entry's value (as written, or behind an alias) was suppressed by an earlier rule. */
export function valueSuppressed(ctx: RuleContext, entry: MapEntry): boolean {
  return ctx.isSuppressed(entry.valueNode) || ctx.isSuppressed(entry.value);
}

/** The node to report a value finding on: the value as written (an alias stays an alias). */
export function valueNode(entry: MapEntry): YamlNode | null {
  return entry.valueNode ?? entry.value;
}

/** The root mapping, unless it is missing, not a mapping, or suppressed. */
export function rootMap(ctx: RuleContext): YAMLMap | null {
  return ctx.memo('svc:root', computeRootMap);
}

function computeRootMap(ctx: RuleContext): YAMLMap | null {
  const map = ctx.asMap(ctx.root);
  return map && !ctx.isSuppressed(map) ? map : null;
}

/** A mapping value of `entry` that later rules may inspect (not suppressed), or null. */
export function mapValue(ctx: RuleContext, entry: MapEntry | undefined): YAMLMap | null {
  if (!entry || valueSuppressed(ctx, entry)) return null;
  return ctx.asMap(entry.value);
}

/** The `Resources` entry of the document (any case). */
export function resourcesEntry(ctx: RuleContext): MapEntry | undefined {
  const root = rootMap(ctx);
  return root ? findKey(ctx, root, 'Resources') : undefined;
}

/** One well-formed resource: `- <name>: { Type, Properties }`. */
export interface ResourceRef {
  /** The list item (a single-key mapping). */
  readonly item: YAMLMap;
  /** Its only entry: key = resource name, value = body. */
  readonly entry: MapEntry;
  /** The body mapping. */
  readonly body: YAMLMap;
  /** Position in the `Resources` list. */
  readonly index: number;
}

/** The items of the `Resources` list, when it is a list that later rules may inspect. */
export function resourceList(ctx: RuleContext): YAMLSeq | null {
  const entry = resourcesEntry(ctx);
  if (!entry || valueSuppressed(ctx, entry)) return null;
  return ctx.asSeq(entry.value);
}

/** Every well-formed, unsuppressed resource of the `Resources` list. */
export function resources(ctx: RuleContext): readonly ResourceRef[] {
  return ctx.memo('svc:resources', computeResources);
}

function computeResources(ctx: RuleContext): ResourceRef[] {
  const seq = resourceList(ctx);
  if (!seq) return [];
  const out: ResourceRef[] = [];
  seq.items.forEach((node, index) => {
    const item = ctx.asMap(node as YamlNode | null);
    if (!item || ctx.isSuppressed(item) || ctx.isSuppressed(node as YamlNode)) return;
    const entries = ctx.entries(item);
    if (entries.length !== 1) return;
    const entry = entries[0] as MapEntry;
    const body = mapValue(ctx, entry);
    if (body) out.push({ item, entry, body, index });
  });
  return out;
}

/** The first resource, when well-formed: the one the service deploys. */
export function firstResource(ctx: RuleContext): ResourceRef | null {
  const all = resources(ctx);
  const first = all[0];
  return first && first.index === 0 ? first : null;
}

/** The `Properties` of a resource: its entry (when present) and its mapping (when inspectable). */
export function propertiesOf(
  ctx: RuleContext,
  resource: ResourceRef,
): { readonly entry: MapEntry | undefined; readonly map: YAMLMap | null } {
  const entry = findKey(ctx, resource.body, 'Properties');
  return { entry, map: mapValue(ctx, entry) };
}

/** The `Properties` of one resource, for rules that check required properties. */
export interface PropertyScope {
  readonly resource: ResourceRef;
  /** The `Properties` entry, when present. */
  readonly entry: MapEntry | undefined;
  /** The `Properties` mapping; null when absent or empty. */
  readonly map: YAMLMap | null;
  /** Where a missing property is reported: the `Properties` key, else the resource name. */
  readonly anchor: MapEntry;
}

/**
 * The `Properties` of every well-formed resource, skipping those that are suppressed or have a
 * wrong shape (reported by `resources-shape`).
 */
export function propertyScopes(ctx: RuleContext): readonly PropertyScope[] {
  return ctx.memo('svc:scopes', computePropertyScopes);
}

function computePropertyScopes(ctx: RuleContext): PropertyScope[] {
  const out: PropertyScope[] = [];
  for (const resource of resources(ctx)) {
    const entry = findKey(ctx, resource.body, 'Properties');
    if (entry && valueSuppressed(ctx, entry)) continue;
    const map = entry ? ctx.asMap(entry.value) : null;
    if (entry && !map && entry.value !== null && ctx.scalar(entry.value)?.kind !== 'null') continue;
    out.push({ resource, entry, map, anchor: entry ?? resource.entry });
  }
  return out;
}

/** Outcome of {@link requiredEntry}. */
export type RequiredEntry =
  | { readonly status: 'missing' }
  | { readonly status: 'suppressed' }
  | { readonly status: 'null'; readonly entry: MapEntry }
  | { readonly status: 'present'; readonly entry: MapEntry; readonly value: ScalarValue | null };

/**
 * Looks up a required key (any case) of `map`, reporting nothing: `missing` when the key is
 * absent (or `map` is null), `null` when its value is null, `suppressed` when an earlier rule
 * took the value, otherwise the entry and its scalar value (null for collections).
 */
export function requiredEntry(ctx: RuleContext, map: YAMLMap | null, key: string): RequiredEntry {
  const entry = map ? findKey(ctx, map, key) : undefined;
  if (!entry) return { status: 'missing' };
  if (valueSuppressed(ctx, entry)) return { status: 'suppressed' };
  const value = ctx.scalar(entry.value);
  if (entry.value === null || value?.kind === 'null') return { status: 'null', entry };
  return { status: 'present', entry, value };
}

/** A mapping under a named key (e.g. `LoadBalancerInfo`), for rules that check its contents. */
export interface NamedMap {
  readonly entry: MapEntry;
  readonly map: YAMLMap;
}

/** The inspectable mapping under `key` (any case) of every resource's `Properties`. */
export function propertyMaps(ctx: RuleContext, key: string): readonly NamedMap[] {
  const byKey = ctx.memo('svc:property-maps', newPropertyMapCache);
  let maps = byKey.get(key);
  if (!maps) {
    maps = computePropertyMaps(ctx, key);
    byKey.set(key, maps);
  }
  return maps;
}

function newPropertyMapCache(): Map<string, readonly NamedMap[]> {
  return new Map();
}

function computePropertyMaps(ctx: RuleContext, key: string): NamedMap[] {
  const out: NamedMap[] = [];
  for (const scope of propertyScopes(ctx)) {
    const entry = scope.map ? findKey(ctx, scope.map, key) : undefined;
    const map = mapValue(ctx, entry);
    if (entry && map && !ctx.isSuppressed(map)) out.push({ entry, map });
  }
  return out;
}

/** How a `ContainerPort` value reads. */
export type PortReading =
  | { readonly kind: 'ok' }
  | { readonly kind: 'numeric-string'; readonly port: number }
  | { readonly kind: 'key-name' }
  | { readonly kind: 'invalid'; readonly reason: string };

/** Letters and digits of `text`, lower-cased: `CONTAINER_PORT` and `ContainerPort` read the same. */
function squashed(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out += ch;
  return out;
}

/** True when a string value only repeats its key's name (`ContainerPort: ContainerPort`): a template slot. */
export function isKeyNameValue(value: string, key: string): boolean {
  return value.length <= 64 && squashed(value) === squashed(key);
}

/** Classifies a `ContainerPort` value (an integer 1–65535 is `ok`). */
export function readPort(value: ScalarValue | null, describe: string): PortReading {
  if (value === null) return { kind: 'invalid', reason: `is ${describe}` };
  if (value.kind === 'int' && typeof value.value === 'number') {
    return value.value >= 1 && value.value <= 65535 ? { kind: 'ok' } : { kind: 'invalid', reason: 'is out of range' };
  }
  if (value.kind === 'float') return { kind: 'invalid', reason: 'is not a whole number' };
  if (value.kind === 'string' && typeof value.value === 'string') {
    const text = value.value.trim();
    if (text.length > 0 && text.length <= 5 && [...text].every((c) => c >= '0' && c <= '9')) {
      const port = Number(text);
      return port >= 1 && port <= 65535
        ? { kind: 'numeric-string', port }
        : { kind: 'invalid', reason: 'is out of range' };
    }
    if (isKeyNameValue(text, 'ContainerPort')) return { kind: 'key-name' };
    return { kind: 'invalid', reason: 'is not a number' };
  }
  return { kind: 'invalid', reason: `is ${describe}` };
}

/** A Lambda version (`CurrentVersion`/`TargetVersion`) as text when it is a positive integer, else null. */
export function lambdaVersionText(value: ScalarValue | null): string | null {
  if (value === null) return null;
  if (value.kind === 'int' && typeof value.value === 'number') {
    return Number.isSafeInteger(value.value) && value.value >= 1 ? String(value.value) : null;
  }
  if (value.kind !== 'string' || typeof value.value !== 'string') return null;
  const text = value.value;
  if (text.length === 0 || text.length > 16 || text[0] === '0') return null;
  for (const ch of text) if (ch < '0' || ch > '9') return null;
  return text;
}

/** One well-formed hook item: `- Event: function`. */
export interface HookItem {
  readonly item: YAMLMap;
  readonly entry: MapEntry;
}

/** Every well-formed, unsuppressed hook of the `Hooks` list (any case). */
export function hookItems(ctx: RuleContext): readonly HookItem[] {
  return ctx.memo('svc:hooks', computeHookItems);
}

function computeHookItems(ctx: RuleContext): HookItem[] {
  const root = rootMap(ctx);
  const hooks = root ? findKey(ctx, root, 'Hooks') : undefined;
  if (!hooks || valueSuppressed(ctx, hooks)) return [];
  const seq = ctx.asSeq(hooks.value);
  if (!seq) return [];
  const out: HookItem[] = [];
  for (const node of seq.items) {
    const item = ctx.asMap(node as YamlNode | null);
    if (!item || ctx.isSuppressed(item) || ctx.isSuppressed(node as YamlNode)) continue;
    const entries = ctx.entries(item);
    if (entries.length === 1) out.push({ item, entry: entries[0] as MapEntry });
  }
  return out;
}

/** True for null and for strings that are empty or blank. */
export function isBlank(value: ScalarValue | null): boolean {
  if (value === null) return true;
  if (value.kind === 'null') return true;
  return value.kind === 'string' && typeof value.value === 'string' && value.value.trim() === '';
}

/** The text of a scalar for messages, shortened. */
export function shown(value: ScalarValue | null): string {
  if (value === null) return '';
  const text = value.source.length > 0 ? value.source : value.text;
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

// ------------------------------------------------------------------ mapping levels

/** One mapping of the document with the keys documented at its level. */
export interface Level {
  readonly map: YAMLMap;
  readonly keys: readonly string[];
  /** What the level is, for messages: `top level`, `Properties`, …. */
  readonly name: string;
}

function pushLevel(
  ctx: RuleContext,
  out: Level[],
  entry: MapEntry | undefined,
  keys: readonly string[],
): YAMLMap | null {
  const map = mapValue(ctx, entry);
  if (map && entry) out.push({ map, keys, name: entry.keyText });
  return map;
}

/** Every inspectable mapping level of an ECS or Lambda AppSpec, with its documented keys. */
export function levels(ctx: RuleContext, platform: ServicePlatform): readonly Level[] {
  return platform === 'ecs'
    ? ctx.memo('svc:levels:ecs', computeEcsLevels)
    : ctx.memo('svc:levels:lambda', computeLambdaLevels);
}

function computeEcsLevels(ctx: RuleContext): Level[] {
  return computeLevels(ctx, 'ecs');
}

function computeLambdaLevels(ctx: RuleContext): Level[] {
  return computeLevels(ctx, 'lambda');
}

function computeLevels(ctx: RuleContext, platform: ServicePlatform): Level[] {
  const root = rootMap(ctx);
  if (!root) return [];
  const out: Level[] = [{ map: root, keys: LEVEL_KEYS.root, name: 'the top level' }];
  for (const resource of resources(ctx)) {
    out.push({ map: resource.body, keys: LEVEL_KEYS.resource, name: resource.entry.keyText });
    const props = propertiesOf(ctx, resource);
    if (!props.map || !props.entry) continue;
    if (platform === 'lambda') {
      out.push({ map: props.map, keys: LEVEL_KEYS.lambdaProperties, name: props.entry.keyText });
      continue;
    }
    out.push({ map: props.map, keys: LEVEL_KEYS.ecsProperties, name: props.entry.keyText });
    pushLevel(ctx, out, findKey(ctx, props.map, 'LoadBalancerInfo'), LEVEL_KEYS.loadBalancerInfo);
    const network = pushLevel(
      ctx,
      out,
      findKey(ctx, props.map, 'NetworkConfiguration'),
      LEVEL_KEYS.networkConfiguration,
    );
    if (network) pushLevel(ctx, out, findKey(ctx, network, 'AwsvpcConfiguration'), LEVEL_KEYS.awsvpc);
    const strategy = findKey(ctx, props.map, 'CapacityProviderStrategy');
    const seq = strategy && !valueSuppressed(ctx, strategy) ? ctx.asSeq(strategy.value) : null;
    for (const node of seq?.items ?? []) {
      const item = ctx.asMap(node as YamlNode | null);
      if (item && !ctx.isSuppressed(item))
        out.push({ map: item, keys: LEVEL_KEYS.capacityProvider, name: 'a capacity provider' });
    }
  }
  return out;
}

/** Lower-cased copies of the documented key lists (module constants), made once. */
const LOWER_CASED = new WeakMap<readonly string[], readonly string[]>();

function lowerCased(keys: readonly string[]): readonly string[] {
  let lower = LOWER_CASED.get(keys);
  if (!lower) {
    lower = Object.freeze(keys.map((k) => k.toLowerCase()));
    LOWER_CASED.set(keys, lower);
  }
  return lower;
}

/** `ecs/unknown-key`, `lambda/unknown-key`: keys not documented at their level, with did-you-mean. */
export function checkUnknownKeys(ctx: RuleContext, platform: ServicePlatform): void {
  for (const level of levels(ctx, platform)) {
    const lowerKeys = lowerCased(level.keys);
    for (const entry of ctx.entries(level.map)) {
      const key = entry.key;
      if (key !== null && lowerKeys.includes(key.toLowerCase())) continue;
      if (entry.keyText === '<<') continue; // merge key: yaml/alias reports it
      const written = key ?? entry.keyText;
      const isTop = level.keys === LEVEL_KEYS.root;
      const events = platform === 'ecs' ? ECS_EVENTS : LAMBDA_EVENTS;
      let message = `'${written}' is not a key of ${level.name} in ${A_PLATFORM[platform]} AppSpec; it is ignored.`;
      let suggestions = key === null ? [] : suggestNames(key, level.keys);
      let help: string | undefined;
      if (isTop && key !== null && [...events, ...EC2_EVENTS].some((e) => e.toLowerCase() === key.toLowerCase())) {
        message = `'${written}' is a lifecycle event written at the top level; it is ignored.`;
        help = `List hooks under Hooks: \`Hooks:\` then \`- ${key}: <function>\`.`;
        suggestions = ['Hooks'];
      } else if (isTop && key !== null && EC2_TOP_LEVEL.has(key)) {
        message = `'${written}' belongs to EC2/On-Premises AppSpec files; ${A_PLATFORM[platform]} AppSpec ignores it.`;
      }
      ctx.report({
        range: ctx.keyRange(entry),
        message,
        ...(help ? { help } : {}),
        ...(suggestions.length > 0 ? { suggestions } : {}),
      });
    }
  }
}

/** `ecs/key-case`, `lambda/key-case`: documented keys written in another letter case. */
export function checkKeyCase(ctx: RuleContext, platform: ServicePlatform): void {
  for (const level of levels(ctx, platform)) {
    for (const entry of ctx.entries(level.map)) {
      const key = entry.key;
      if (key === null) continue;
      const lower = key.toLowerCase();
      const lowerKeys = lowerCased(level.keys);
      let documented: string | undefined;
      for (let i = 0; i < lowerKeys.length && documented === undefined; i++) {
        if (lowerKeys[i] === lower && level.keys[i] !== key) documented = level.keys[i];
      }
      if (!documented || level.keys.includes(key)) continue;
      ctx.report({
        range: ctx.keyRange(entry),
        message: `'${key}' matches the documented key '${documented}' only ignoring case.`,
        help: `The service reads keys in any case; write '${documented}' as the documentation does.`,
        suggestions: [documented],
      });
    }
  }
}

// ------------------------------------------------------------------ twin checks

/** `ecs/version`, `lambda/version`: `version` missing, or not 0 / 0.0 / "0.0". */
export function checkVersion(ctx: RuleContext): void {
  if (ctx.root === null) return; // empty or unparsable: appspec/empty or yaml/syntax
  const root = ctx.asMap(ctx.root);
  if (!root) {
    ctx.report({
      range: ctx.documentStartRange(),
      message: `The document is ${ctx.describe(ctx.root)}, not a mapping with 'version' and 'Resources'.`,
      help: 'Start the file with `version: 0.0`.',
    });
    return;
  }
  if (ctx.isSuppressed(root)) return;
  const entry = findKey(ctx, root, 'version');
  if (!entry || (entry.value === null && entry.valueNode === null)) {
    ctx.report({
      ...(entry ? { range: ctx.keyRange(entry) } : { range: ctx.documentStartRange() }),
      message: entry ? "'version' has no value; it must be 0.0." : "The AppSpec has no 'version'; it must be 0.0.",
      help: 'Add `version: 0.0` at the top.',
      suggestions: ['version: 0.0'],
    });
    return;
  }
  if (valueSuppressed(ctx, entry)) return;
  const value = ctx.scalar(entry.value);
  if (value !== null) {
    if ((value.kind === 'int' || value.kind === 'float') && value.value === 0) return;
    if (value.kind === 'string' && value.value === '0.0') return;
    if (value.kind === 'null') {
      ctx.report({
        range: ctx.keyRange(entry),
        message: "'version' has no value; it must be 0.0.",
        suggestions: ['0.0'],
      });
      return;
    }
  }
  ctx.report({
    node: valueNode(entry),
    message: `version must be 0.0, not ${value ? shown(value) : ctx.describe(entry.value)}.`,
    help: 'Only version 0.0 exists: write `version: 0.0`.',
    suggestions: ['0.0'],
  });
}

/** `ecs/resources-missing`, `lambda/resources-missing`: no `Resources` (any case), or it is empty. */
export function checkResourcesMissing(ctx: RuleContext, platform: ServicePlatform): void {
  if (ctx.root === null) return;
  const root = ctx.asMap(ctx.root);
  if (root && ctx.isSuppressed(root)) return;
  const entry = root ? findKey(ctx, root, 'Resources') : undefined;
  const what = platform === 'ecs' ? '`- TargetService:` with the ECS service' : '`- <name>:` with the Lambda function';
  if (!entry) {
    ctx.report({
      range: ctx.documentStartRange(),
      message: `The AppSpec has no 'Resources' section; it must list ${what}.`,
      help: `Add \`Resources:\` with ${what}.`,
    });
    return;
  }
  if (valueSuppressed(ctx, entry)) return;
  const seq = ctx.asSeq(entry.value);
  const empty =
    entry.value === null || ctx.scalar(entry.value)?.kind === 'null' || (seq !== null && seq.items.length === 0);
  if (empty) {
    ctx.report({
      range: ctx.keyRange(entry),
      message: `'Resources' is empty; it must list ${what}.`,
      help: `Add ${what} under Resources.`,
    });
  }
}

/** `ecs/resources-shape`, `lambda/resources-shape`: `Resources` not a list, or an item not `- <name>: { Type, Properties }`. */
export function checkResourcesShape(ctx: RuleContext, platform: ServicePlatform): void {
  const entry = resourcesEntry(ctx);
  if (!entry || valueSuppressed(ctx, entry) || entry.value === null) return;
  const example = platform === 'ecs' ? '`- TargetService:`' : '`- myFunction:`';
  const seq = ctx.asSeq(entry.value);
  if (!seq) {
    if (ctx.scalar(entry.value)?.kind === 'null') return; // resources-missing
    const isMap = ctx.asMap(entry.value) !== null;
    ctx.report({
      node: valueNode(entry),
      message: isMap
        ? `'Resources' is a mapping (CloudFormation style); an AppSpec lists its resource: Resources: then ${example}.`
        : `'Resources' is ${ctx.describe(entry.value)}; it must be a list with one item, ${example}.`,
      help: `Write \`Resources:\` followed by ${example} and the resource's Type and Properties.`,
    });
    return;
  }
  for (const node of seq.items) {
    const item = node as YamlNode;
    const map = ctx.asMap(item);
    const entries = map ? ctx.entries(map) : [];
    if (!map || entries.length !== 1) {
      ctx.report({
        node: item,
        range: ctx.itemRange(item),
        message: map
          ? `A resource must be a mapping with exactly one key (its name), not ${entries.length} keys.`
          : `A resource must be a single-key mapping such as ${example}, not ${ctx.describe(item)}.`,
        help: 'Indent Type and Properties under the resource name.',
      });
      continue;
    }
    const only = entries[0] as MapEntry;
    if (valueSuppressed(ctx, only)) continue;
    const body = ctx.asMap(only.value);
    if (!body) {
      ctx.report({
        node: item,
        range: ctx.itemRange(item),
        message: `The resource '${only.keyText}' must hold a mapping with Type and Properties, not ${ctx.describe(only.value)}.`,
        help: `Indent \`Type: ${RESOURCE_TYPE[platform]}\` and \`Properties:\` under '${only.keyText}'.`,
      });
      continue;
    }
    const props = findKey(ctx, body, 'Properties');
    if (props && !valueSuppressed(ctx, props) && props.value !== null && ctx.asMap(props.value) === null) {
      if (ctx.scalar(props.value)?.kind === 'null') continue; // reported as missing properties
      ctx.report({
        node: valueNode(props),
        message: `'Properties' must be a mapping, not ${ctx.describe(props.value)}.`,
        help: 'Indent the properties under `Properties:`, one `Key: value` per line.',
      });
    }
  }
}

/** `ecs/resources-count`, `lambda/resources-count`: more than one resource. */
export function checkResourcesCount(ctx: RuleContext, platform: ServicePlatform): void {
  const seq = resourceList(ctx);
  if (!seq || seq.items.length <= 1) return;
  const second = seq.items[1] as YamlNode;
  ctx.report({
    range: ctx.itemRange(second),
    message:
      platform === 'ecs'
        ? `'Resources' lists ${seq.items.length} resources; an ECS AppSpec deploys exactly one service.`
        : `'Resources' lists ${seq.items.length} resources; a Lambda AppSpec shifts exactly one function alias.`,
    help: 'Use one AppSpec (and one deployment) per target.',
    data: { count: seq.items.length },
  });
}

/** `ecs/resource-type`, `lambda/resource-type`: `Type` missing or not the platform's resource type. */
export function checkResourceType(ctx: RuleContext, platform: ServicePlatform): void {
  const expected = RESOURCE_TYPE[platform];
  for (const resource of resources(ctx)) {
    const entry = findKey(ctx, resource.body, 'Type');
    if (!entry) {
      ctx.report({
        range: ctx.keyRange(resource.entry),
        message: `The resource '${resource.entry.keyText}' has no Type; it must be ${expected}.`,
        suggestions: [`Type: ${expected}`],
      });
      continue;
    }
    if (valueSuppressed(ctx, entry)) continue;
    const value = ctx.scalar(entry.value);
    if (value?.kind === 'string' && value.value === expected) continue;
    const written = value ? shown(value) : ctx.describe(entry.value);
    ctx.report({
      ...(value === null || value.kind === 'null' ? { range: ctx.keyRange(entry) } : { node: valueNode(entry) }),
      message:
        value === null || value.kind === 'null'
          ? `Type has no value; it must be ${expected}.`
          : `Type must be ${expected}, not ${written}.`,
      suggestions: [expected],
    });
  }
}

/** `ecs/hooks-shape`, `lambda/hooks-shape`: `Hooks` not a list, or an item not a single-key mapping. */
export function checkHooksShape(ctx: RuleContext, platform: ServicePlatform): void {
  const root = rootMap(ctx);
  const entry = root ? findKey(ctx, root, 'Hooks') : undefined;
  if (!entry || valueSuppressed(ctx, entry) || entry.value === null) return;
  const first = platform === 'ecs' ? 'BeforeInstall' : 'BeforeAllowTraffic';
  const seq = ctx.asSeq(entry.value);
  if (!seq) {
    if (ctx.scalar(entry.value)?.kind === 'null') return; // no hooks
    const isMap = ctx.asMap(entry.value) !== null;
    ctx.report({
      node: valueNode(entry),
      message: isMap
        ? `'Hooks' is a mapping (EC2 style); in ${A_PLATFORM[platform]} AppSpec it is a list of \`- Event: function\`.`
        : `'Hooks' must be a list of \`- Event: function\`, not ${ctx.describe(entry.value)}.`,
      help: `Write \`Hooks:\` then \`- ${first}: MyValidationFunction\`.`,
    });
    return;
  }
  for (const node of seq.items) {
    const item = node as YamlNode;
    const map = ctx.asMap(item);
    const count = map ? ctx.entries(map).length : 0;
    if (map && count === 1) continue;
    ctx.report({
      node: item,
      range: ctx.itemRange(item),
      message: map
        ? `A hook must be a single \`Event: function\` pair, not a mapping with ${count} keys.`
        : `A hook must be a single \`Event: function\` pair, not ${ctx.describe(item)}.`,
      help: `One item per hook: \`- ${first}: MyValidationFunction\`.`,
    });
  }
}

/** `ecs/hook-name`, `lambda/hook-name`: an event outside the platform's closed set. */
export function checkHookName(ctx: RuleContext, platform: ServicePlatform): void {
  const events = platform === 'ecs' ? ECS_EVENTS : LAMBDA_EVENTS;
  for (const { entry } of hookItems(ctx)) {
    const name = entry.key;
    if (name !== null && events.includes(name)) continue;
    const written = name ?? entry.keyText;
    const lower = written.toLowerCase();
    let reason = 'is not a lifecycle event';
    if (RESERVED[platform].some((r) => r.toLowerCase() === lower))
      reason = 'is reserved (run by CodeDeploy, not hookable)';
    else if (events.some((e) => e.toLowerCase() === lower)) reason = 'differs in case from the event name';
    else if (EC2_EVENTS.some((e) => e.toLowerCase() === lower) || ECS_EVENTS.some((e) => e.toLowerCase() === lower))
      reason = `is not ${A_PLATFORM[platform]} event`;
    else if (written === 'LifeCycleEvent') reason = 'is the placeholder of the documentation template';
    const suggestions = name === null ? [] : suggestNames(name, events, { aliases: EVENT_ALIASES[platform] });
    ctx.report({
      range: ctx.keyRange(entry),
      message: `Hook '${written}' ${reason}; ${PLATFORM_NAME[platform]} hooks are ${events.join(', ')}.`,
      ...(suggestions.length > 0 ? { suggestions } : {}),
    });
  }
}

/** `ecs/hook-function-empty`, `lambda/hook-function-empty`: a hook whose function is null, empty, blank or not a string. */
export function checkHookFunctionEmpty(ctx: RuleContext): void {
  for (const { entry } of hookItems(ctx)) {
    if (valueSuppressed(ctx, entry)) continue;
    const value = ctx.scalar(entry.value);
    if (value !== null && value.kind === 'string' && !isBlank(value)) continue;
    const missing = entry.value === null || value?.kind === 'null';
    ctx.report({
      ...(missing ? { range: ctx.keyRange(entry) } : { node: valueNode(entry) }),
      message: missing
        ? `Hook '${entry.keyText}' names no function.`
        : value === null
          ? `Hook '${entry.keyText}' must name one function, not ${ctx.describe(entry.value)}.`
          : value.kind === 'string'
            ? `Hook '${entry.keyText}' has an empty function name.`
            : `Hook '${entry.keyText}' must name a function, not ${ctx.describe(entry.value)}.`,
      help: 'Give the name or ARN of the Lambda function that validates this event.',
    });
  }
}

/** `ecs/hook-duplicate`, `lambda/hook-duplicate`: the same event listed twice. */
export function checkHookDuplicate(ctx: RuleContext): void {
  const seen = new Map<string, MapEntry>();
  for (const { entry } of hookItems(ctx)) {
    if (entry.key === null) continue;
    const first = seen.get(entry.key);
    if (!first) {
      seen.set(entry.key, entry);
      continue;
    }
    ctx.report({
      range: ctx.keyRange(entry),
      message: `Hook '${entry.key}' is listed twice; each event runs one hook per deployment.`,
      help: 'Keep one entry per event.',
      related: [{ range: ctx.keyRange(first), message: `first '${entry.key}' hook` }],
    });
  }
}

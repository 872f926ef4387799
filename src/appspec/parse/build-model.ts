/**
 * Effective-model builders (spec/appspec.md §3.1–3.3): the values the agent (or service) will use,
 * after its conversions. Built from resolved values; the last value of a duplicated key wins.
 *
 * @module
 */
import { isMap, isSeq } from 'yaml';
import type { Range } from '../../diagnostics/types.js';
import type {
  AppSpec,
  Ec2AppSpec,
  Ec2File,
  Ec2Permission,
  Ec2Script,
  EcsAppSpec,
  HookRef,
  LambdaAppSpec,
  Platform,
} from '../model.js';
import type { YamlTree } from './tree.js';
import type { MapEntry, ScalarValue, YAMLMap, YamlNode } from './types.js';

/** Default script timeout of the agent, in seconds. */
export const DEFAULT_TIMEOUT_SECONDS = 3600;

const FEB_VALUES = new Set(['DISALLOW', 'OVERWRITE', 'RETAIN']);

/** Ruby `String#to_i`: leading whitespace, optional sign, digits with single underscores; 0 when none. */
export function rubyStringToI(s: string): number {
  let i = 0;
  while (i < s.length && /\s/.test(s.charAt(i))) i++;
  let sign = 1;
  if (s.charAt(i) === '-' || s.charAt(i) === '+') {
    if (s.charAt(i) === '-') sign = -1;
    i++;
  }
  let digits = '';
  while (i < s.length) {
    const c = s.charAt(i);
    if (c >= '0' && c <= '9') digits += c;
    else if (c === '_' && digits.length > 0 && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9') {
      /* separator */
    } else break;
    i++;
  }
  if (digits === '') return 0;
  const n = sign * Number.parseInt(digits, 10);
  return Object.is(n, -0) ? 0 : n;
}

/** What the agent does with a `timeout` value (§2.3). */
export interface TimeoutConversion {
  /** Effective seconds (may be ≤ 0: rejected). */
  readonly seconds: number;
  /** True when the script's timeout counts as given (absent, null and `false` mean the default). */
  readonly explicit: boolean;
  /** How the agent treats the value. */
  readonly how: 'default' | 'integer' | 'string' | 'fraction' | 'false' | 'crash';
}

/** Converts a resolved `timeout` like the agent (`(timeout || 3600).to_i`). */
export function convertTimeout(v: ScalarValue | null, isCollection: boolean): TimeoutConversion {
  if (isCollection) return { seconds: DEFAULT_TIMEOUT_SECONDS, explicit: false, how: 'crash' };
  if (!v || v.kind === 'null') return { seconds: DEFAULT_TIMEOUT_SECONDS, explicit: false, how: 'default' };
  switch (v.kind) {
    case 'bool':
      return v.value
        ? { seconds: DEFAULT_TIMEOUT_SECONDS, explicit: false, how: 'crash' }
        : { seconds: DEFAULT_TIMEOUT_SECONDS, explicit: false, how: 'false' };
    case 'int':
      return { seconds: v.value as number, explicit: true, how: 'integer' };
    case 'float': {
      const n = v.value as number;
      if (!Number.isFinite(n)) return { seconds: DEFAULT_TIMEOUT_SECONDS, explicit: false, how: 'crash' };
      return { seconds: Math.trunc(n) + 0, explicit: true, how: Number.isInteger(n) ? 'integer' : 'fraction' };
    }
    case 'symbol':
      return { seconds: DEFAULT_TIMEOUT_SECONDS, explicit: false, how: 'crash' };
    default:
      return { seconds: rubyStringToI(v.text), explicit: true, how: 'string' };
  }
}

/** The text form of a value node (Ruby `to_s` of the resolved scalar); null for null, absent or collections. */
function textOf(tree: YamlTree, node: YamlNode | null | undefined): string | null {
  const v = tree.scalar(node);
  if (!v || v.kind === 'null') return null;
  return v.text;
}

function textList(tree: YamlTree, node: YamlNode | null | undefined): string[] | null {
  const seq = tree.asSeq(node);
  if (!seq) return null;
  const out: string[] = [];
  for (const item of seq.items) {
    const t = textOf(tree, item as YamlNode);
    if (t !== null) out.push(t);
  }
  return out;
}

function rawValue(tree: YamlTree, node: YamlNode | null | undefined): number | string | null {
  const v = tree.scalar(node);
  if (!v || v.kind === 'null') return null;
  if (v.kind === 'int' || v.kind === 'float') return v.value as number;
  if (v.kind === 'string') return v.value as string;
  return v.text;
}

function buildScript(tree: YamlTree, map: YAMLMap, range: Range): Ec2Script {
  const timeoutEntry = tree.get(map, 'timeout');
  const timeoutNode = timeoutEntry?.value ?? null;
  const t = convertTimeout(tree.scalar(timeoutNode), isMap(timeoutNode) || isSeq(timeoutNode));
  const runas = textOf(tree, tree.get(map, 'runas')?.value);
  const sudo = tree.scalar(tree.get(map, 'sudo')?.value);
  const sudoNode = tree.get(map, 'sudo')?.value ?? null;
  const sudoOn =
    sudoNode !== null && (!sudo || !(sudo.kind === 'null' || (sudo.kind === 'bool' && sudo.value === false)));
  return Object.freeze({
    location: (textOf(tree, tree.get(map, 'location')?.value) ?? '').trim(),
    timeoutSeconds: t.seconds,
    timeoutExplicit: t.explicit,
    runas: runas === null ? null : runas.trim(),
    sudo: sudoOn,
    range,
  });
}

/** Builds the EC2/On-Premises effective model from a mapping root. */
export function buildServerModel(tree: YamlTree, root: YAMLMap): Ec2AppSpec {
  const hooks: Record<string, readonly Ec2Script[]> = Object.create(null);
  const hookRanges: Record<string, Range> = Object.create(null);
  const hooksMap = tree.asMap(tree.get(root, 'hooks')?.value);
  if (hooksMap) {
    for (const e of lastWins(tree.entries(hooksMap))) {
      if (e.key === null) continue;
      const v = tree.scalar(e.value);
      if (!e.value || (v && (v.kind === 'null' || (v.kind === 'bool' && v.value === false)))) continue;
      const seq = tree.asSeq(e.value);
      const scripts: Ec2Script[] = [];
      if (seq) {
        for (const item of seq.items) {
          const m = tree.asMap(item as YamlNode);
          if (m) scripts.push(buildScript(tree, m, tree.itemRange(item as YamlNode, seq)));
        }
      }
      hooks[e.key] = Object.freeze(scripts);
      hookRanges[e.key] = tree.keyRange(e);
    }
  }
  const files: Ec2File[] = [];
  const filesSeq = tree.asSeq(tree.get(root, 'files')?.value);
  if (filesSeq) {
    for (const item of filesSeq.items) {
      const m = tree.asMap(item as YamlNode);
      if (!m) continue;
      files.push(
        Object.freeze({
          source: textOf(tree, tree.get(m, 'source')?.value) ?? '',
          destination: textOf(tree, tree.get(m, 'destination')?.value) ?? '',
          range: tree.itemRange(item as YamlNode, filesSeq),
        }),
      );
    }
  }
  const permissions: Ec2Permission[] = [];
  const permSeq = tree.asSeq(tree.get(root, 'permissions')?.value);
  if (permSeq) {
    for (const item of permSeq.items) {
      const m = tree.asMap(item as YamlNode);
      if (m) permissions.push(buildPermission(tree, m, tree.itemRange(item as YamlNode, permSeq)));
    }
  }
  const feb = textOf(tree, tree.get(root, 'file_exists_behavior')?.value);
  return Object.freeze({
    platform: 'server',
    version: rawValue(tree, tree.get(root, 'version')?.value),
    os: textOf(tree, tree.get(root, 'os')?.value),
    hooks: Object.freeze(hooks),
    hookRanges: Object.freeze(hookRanges),
    files: Object.freeze(files),
    permissions: Object.freeze(permissions),
    fileExistsBehavior:
      feb !== null &&
      FEB_VALUES.has(feb) &&
      tree.scalar(tree.get(root, 'file_exists_behavior')?.value)?.kind === 'string'
        ? (feb as Ec2AppSpec['fileExistsBehavior'])
        : null,
  });
}

/** One entry per key: the last one (the agent's hash keeps the last value), in the order of those last entries. */
function lastWins(entries: readonly MapEntry[]): MapEntry[] {
  const byKey = new Map<string, MapEntry>();
  for (const e of entries) {
    if (e.key === null) continue;
    byKey.delete(e.key);
    byKey.set(e.key, e);
  }
  return [...byKey.values()];
}

function buildPermission(tree: YamlTree, m: YAMLMap, range: Range): Ec2Permission {
  const mode = tree.scalar(tree.get(m, 'mode')?.value);
  let modeText: string | null = null;
  if (mode && mode.kind !== 'null') modeText = mode.text.padStart(3, '0');
  const ctxMap = tree.asMap(tree.get(m, 'context')?.value);
  const pattern = textOf(tree, tree.get(m, 'pattern')?.value);
  const types = textList(tree, tree.get(m, 'type')?.value);
  return Object.freeze({
    object: (textOf(tree, tree.get(m, 'object')?.value) ?? '').trim(),
    pattern: pattern ?? '**',
    except: Object.freeze(textList(tree, tree.get(m, 'except')?.value) ?? []),
    type: Object.freeze(types && tree.get(m, 'type')?.value ? types : ['file', 'directory']),
    owner: textOf(tree, tree.get(m, 'owner')?.value),
    group: textOf(tree, tree.get(m, 'group')?.value),
    mode: modeText,
    acls: textList(tree, tree.get(m, 'acls')?.value),
    context: ctxMap
      ? Object.freeze({
          name: textOf(tree, tree.get(ctxMap, 'name')?.value),
          user: textOf(tree, tree.get(ctxMap, 'user')?.value),
          type: textOf(tree, tree.get(ctxMap, 'type')?.value),
          range: textOf(tree, tree.get(ctxMap, 'range')?.value),
        })
      : null,
    range,
  });
}

/** Last entry whose key equals `key` ignoring case (ECS/Lambda keys are matched case-insensitively). */
export function getKeyCI(tree: YamlTree, map: YAMLMap | null, key: string): MapEntry | undefined {
  if (!map) return undefined;
  const lower = key.toLowerCase();
  const all = tree.entries(map);
  for (let i = all.length - 1; i >= 0; i--) {
    const e = all[i] as MapEntry;
    if (e.key !== null && e.key.toLowerCase() === lower) return e;
  }
  return undefined;
}

function hookRefs(tree: YamlTree, root: YAMLMap): HookRef[] {
  const out: HookRef[] = [];
  const seq = tree.asSeq(getKeyCI(tree, root, 'Hooks')?.value);
  if (!seq) return out;
  for (const item of seq.items) {
    const m = tree.asMap(item as YamlNode);
    if (!m) continue;
    for (const e of tree.entries(m)) {
      if (e.key === null) continue;
      out.push(
        Object.freeze({
          event: e.key,
          functionName: textOf(tree, e.value),
          range: tree.itemRange(item as YamlNode, seq),
        }),
      );
    }
  }
  return out;
}

/** The first resource of `Resources`: its name, body mapping and range. */
function firstResource(tree: YamlTree, root: YAMLMap): { name: string; body: YAMLMap | null; range: Range } | null {
  const seq = tree.asSeq(getKeyCI(tree, root, 'Resources')?.value);
  const item = seq?.items[0] as YamlNode | undefined;
  const m = tree.asMap(item);
  const entry = m ? tree.entries(m)[0] : undefined;
  if (!entry || !item) return null;
  return { name: entry.keyText, body: tree.asMap(entry.value), range: tree.itemRange(item, seq ?? undefined) };
}

function stringList(tree: YamlTree, node: YamlNode | null | undefined): string[] | null {
  return textList(tree, node);
}

function numberOrNull(tree: YamlTree, node: YamlNode | null | undefined): number | null {
  const v = tree.scalar(node);
  return v && (v.kind === 'int' || v.kind === 'float') ? (v.value as number) : null;
}

/** Builds the ECS effective model from a mapping root. */
export function buildEcsModel(tree: YamlTree, root: YAMLMap): EcsAppSpec {
  const res = firstResource(tree, root);
  let resource: EcsAppSpec['resource'] = null;
  if (res) {
    const props = tree.asMap(getKeyCI(tree, res.body, 'Properties')?.value);
    const lbi = tree.asMap(getKeyCI(tree, props, 'LoadBalancerInfo')?.value);
    const net = tree.asMap(getKeyCI(tree, props, 'NetworkConfiguration')?.value);
    const vpc = tree.asMap(getKeyCI(tree, net, 'AwsvpcConfiguration')?.value);
    const cps = tree.asSeq(getKeyCI(tree, props, 'CapacityProviderStrategy')?.value);
    resource = Object.freeze({
      name: res.name,
      type: textOf(tree, getKeyCI(tree, res.body, 'Type')?.value),
      taskDefinition: textOf(tree, getKeyCI(tree, props, 'TaskDefinition')?.value),
      containerName: textOf(tree, getKeyCI(tree, lbi, 'ContainerName')?.value),
      containerPort: rawValue(tree, getKeyCI(tree, lbi, 'ContainerPort')?.value),
      platformVersion: textOf(tree, getKeyCI(tree, props, 'PlatformVersion')?.value),
      awsvpc: vpc
        ? Object.freeze({
            subnets: stringList(tree, getKeyCI(tree, vpc, 'Subnets')?.value),
            securityGroups: stringList(tree, getKeyCI(tree, vpc, 'SecurityGroups')?.value),
            assignPublicIp: textOf(tree, getKeyCI(tree, vpc, 'AssignPublicIp')?.value),
          })
        : null,
      capacityProviderStrategy: cps
        ? Object.freeze(
            cps.items.flatMap((i) => {
              const m = tree.asMap(i as YamlNode);
              if (!m) return [];
              return [
                Object.freeze({
                  base: numberOrNull(tree, getKeyCI(tree, m, 'Base')?.value),
                  capacityProvider: textOf(tree, getKeyCI(tree, m, 'CapacityProvider')?.value),
                  weight: numberOrNull(tree, getKeyCI(tree, m, 'Weight')?.value),
                }),
              ];
            }),
          )
        : null,
      range: res.range,
    });
  }
  return Object.freeze({
    platform: 'ecs',
    version: rawValue(tree, getKeyCI(tree, root, 'version')?.value),
    resource,
    hooks: Object.freeze(hookRefs(tree, root)),
  });
}

/** Builds the Lambda effective model from a mapping root. */
export function buildLambdaModel(tree: YamlTree, root: YAMLMap): LambdaAppSpec {
  const res = firstResource(tree, root);
  let resource: LambdaAppSpec['resource'] = null;
  if (res) {
    const props = tree.asMap(getKeyCI(tree, res.body, 'Properties')?.value);
    resource = Object.freeze({
      logicalName: res.name,
      type: textOf(tree, getKeyCI(tree, res.body, 'Type')?.value),
      name: textOf(tree, getKeyCI(tree, props, 'Name')?.value),
      alias: textOf(tree, getKeyCI(tree, props, 'Alias')?.value),
      currentVersion: textOf(tree, getKeyCI(tree, props, 'CurrentVersion')?.value),
      targetVersion: textOf(tree, getKeyCI(tree, props, 'TargetVersion')?.value),
      range: res.range,
    });
  }
  return Object.freeze({
    platform: 'lambda',
    version: rawValue(tree, getKeyCI(tree, root, 'version')?.value),
    resource,
    hooks: Object.freeze(hookRefs(tree, root)),
  });
}

/** The effective model for `platform`, or undefined when the root is not a mapping. */
export function buildModel(tree: YamlTree, platform: Platform): AppSpec | undefined {
  const root = tree.asMap(tree.root);
  if (!root) return undefined;
  if (platform === 'server') return buildServerModel(tree, root);
  if (platform === 'ecs') return buildEcsModel(tree, root);
  return buildLambdaModel(tree, root);
}

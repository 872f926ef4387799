/**
 * Platform inference (spec/appspec.md §3.4) and detection of files that are not an AppSpec (§1.5).
 *
 * @module
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Platform } from '../model.js';
import type { NotAppSpecKind } from '../rules/types.js';
import type { DetectedPlatform } from '../types.js';
import type { YamlTree } from './tree.js';
import type { MapEntry, YAMLMap, YamlNode } from './types.js';
import { EC2_SCRIPTABLE_EVENTS } from '../events.js';

/** The outcome of inference, with the step of §3.4 that decided it. */
export interface Inference {
  readonly platform: DetectedPlatform;
  /** 1–7: the step of §3.4 that decided. */
  readonly step: number;
  readonly notAppSpecKind: NotAppSpecKind | null;
}

/** The EC2 scriptable lifecycle events. */
export const EC2_EVENTS: readonly string[] = EC2_SCRIPTABLE_EVENTS;

const APPSPEC_KEYS = new Set(['version', 'os', 'files', 'permissions', 'hooks', 'file_exists_behavior', 'resources']);
const DEPLOYMENT_INPUT_KEYS = new Set([
  'applicationName',
  'deploymentGroupName',
  'revision',
  'revisionType',
  'appSpecContent',
]);
const CFN_SHORT_TAGS = new Set(['!Ref', '!Sub', '!GetAtt']);

// Raw-text signals for text that failed to parse. Fixed, anchored per line, linear.
const RAW_CFN_VERSION = /^["']?AWSTemplateFormatVersion["']?\s*:/m;
const RAW_SAM = /^["']?Transform["']?\s*:\s*["']?AWS::Serverless|\bType["']?\s*:\s*["']?AWS::Serverless::/m;
const RAW_CFN_TAG = /(?:^|[\s:[,-])!(?:Ref|Sub|GetAtt)\b/m;
const RAW_DEPLOYMENT_INPUT = /^\s*["']?(?:applicationName|deploymentGroupName|revisionType|appSpecContent)["']?\s*:/m;

/** Kind of non-AppSpec detected in raw text (for text whose YAML failed to parse). */
export function rawTextSignals(text: string): NotAppSpecKind | null {
  if (RAW_SAM.test(text)) return 'sam-template';
  if (RAW_CFN_VERSION.test(text) || RAW_CFN_TAG.test(text)) return 'cloudformation-template';
  if (RAW_DEPLOYMENT_INPUT.test(text)) return 'create-deployment-input';
  return null;
}

/** First entry whose string key equals `key` ignoring case. */
function getCI(tree: YamlTree, map: YAMLMap, key: string): MapEntry | undefined {
  const lower = key.toLowerCase();
  let found: MapEntry | undefined;
  for (const e of tree.entries(map)) if (e.key !== null && e.key.toLowerCase() === lower) found = e;
  return found;
}

function stringValue(tree: YamlTree, node: YamlNode | null): string | null {
  const v = tree.scalar(node);
  return v && v.kind === 'string' ? (v.value as string) : null;
}

/** Kind of non-AppSpec the parsed document is, or null (§1.5). */
export function detectNotAppSpec(tree: YamlTree, platformGiven: boolean): NotAppSpecKind | null {
  const root = tree.deref(tree.root);
  if (!root) return null;
  let cfn = tree.nodes.tagged.some((n) => CFN_SHORT_TAGS.has((n as { tag?: string }).tag ?? ''));
  if (isMap(root)) {
    const entries = tree.entries(root);
    let sam = false;
    let deploymentInput = false;
    let appSpecKey = false;
    for (const e of entries) {
      if (e.key === null) continue;
      if (APPSPEC_KEYS.has(e.key.toLowerCase())) appSpecKey = true;
      if (DEPLOYMENT_INPUT_KEYS.has(e.key)) deploymentInput = true;
      if (e.key === 'AWSTemplateFormatVersion') cfn = true;
      if (e.key === 'Transform') {
        const t = stringValue(tree, e.value);
        const seq = tree.asSeq(e.value);
        if (t?.startsWith('AWS::Serverless')) sam = true;
        if (seq?.items.some((i) => stringValue(tree, i as YamlNode)?.startsWith('AWS::Serverless'))) sam = true;
      }
      if (e.key === 'Resources') {
        const res = tree.asMap(e.value);
        if (res && res.items.length > 0) {
          for (const r of tree.entries(res)) {
            const body = tree.asMap(r.value);
            const type = body ? stringValue(tree, tree.get(body, 'Type')?.value ?? null) : null;
            if (type?.startsWith('AWS::')) cfn = true;
            if (type?.startsWith('AWS::Serverless::')) sam = true;
          }
        }
      }
    }
    if (sam) return 'sam-template';
    if (cfn) return 'cloudformation-template';
    if (deploymentInput) return 'create-deployment-input';
    if (entries.length > 0 && !appSpecKey) return 'unknown';
    return null;
  }
  if (cfn) return 'cloudformation-template';
  if (platformGiven) return null;
  if (isSeq(root)) return 'unknown';
  const v = tree.scalar(root);
  if (v && v.kind !== 'null' && !(v.kind === 'bool' && v.value === false)) return 'unknown';
  return null;
}

function typeOfResource(tree: YamlTree, body: YAMLMap | null, name: string | null): Platform | null {
  if (!body) return name === 'TargetService' ? 'ecs' : null;
  const type = stringValue(tree, getCI(tree, body, 'type')?.value ?? null);
  if (type === 'AWS::ECS::Service') return 'ecs';
  if (type === 'AWS::Lambda::Function') return 'lambda';
  const props = tree.asMap(getCI(tree, body, 'properties')?.value ?? null);
  if (props) {
    if (getCI(tree, props, 'TaskDefinition') || getCI(tree, props, 'LoadBalancerInfo')) return 'ecs';
    if (getCI(tree, props, 'Alias') || getCI(tree, props, 'CurrentVersion') || getCI(tree, props, 'TargetVersion'))
      return 'lambda';
  }
  return name === 'TargetService' ? 'ecs' : null;
}

/** Applies §3.4 to a loaded document. */
export function inferFromTree(tree: YamlTree, platformGiven = false): Inference {
  if (tree.loaded.errors.length > 0 || !tree.root) {
    const kind = tree.loaded.errors.length > 0 ? rawTextSignals(tree.text) : null;
    return kind
      ? { platform: 'not-an-appspec', step: 1, notAppSpecKind: kind }
      : { platform: 'unknown', step: 1, notAppSpecKind: null };
  }
  const kind = detectNotAppSpec(tree, platformGiven);
  if (kind) return { platform: 'not-an-appspec', step: 2, notAppSpecKind: kind };
  const root = tree.asMap(tree.root);
  if (!root) return { platform: 'unknown', step: 3, notAppSpecKind: null };
  const resources = tree.asSeq(getCI(tree, root, 'resources')?.value ?? null);
  if (resources) {
    const first = tree.asMap(resources.items[0] as YamlNode | null);
    const entry = first ? tree.entries(first)[0] : undefined;
    const p = entry ? typeOfResource(tree, tree.asMap(entry.value), entry.key) : null;
    if (p) return { platform: p, step: 4, notAppSpecKind: null };
  } else {
    for (const e of tree.entries(root)) {
      const k = e.key;
      if (k === null) continue;
      if (k === 'os' || k === 'files' || k === 'permissions' || k === 'file_exists_behavior' || EC2_EVENTS.includes(k))
        return { platform: 'server', step: 5, notAppSpecKind: null };
      if (k === 'hooks' && isMap(e.value)) return { platform: 'server', step: 5, notAppSpecKind: null };
    }
  }
  const hooks = tree.asSeq(getCI(tree, root, 'hooks')?.value ?? null);
  if (hooks) {
    for (const item of hooks.items) {
      const m = tree.asMap(item as YamlNode | null);
      if (!m) continue;
      for (const e of tree.entries(m)) {
        if (e.key === 'BeforeInstall' || e.key === 'AfterInstall' || e.key === 'AfterAllowTestTraffic')
          return { platform: 'ecs', step: 6, notAppSpecKind: null };
      }
    }
    return { platform: 'unknown', step: 6, notAppSpecKind: null };
  }
  return { platform: 'unknown', step: 7, notAppSpecKind: null };
}

/** True when a scalar node is null or false (an "empty" AppSpec). */
export function isEmptyRoot(tree: Pick<YamlTree, 'root' | 'deref' | 'scalar'>): boolean {
  const root = tree.deref(tree.root);
  if (!root) return true;
  if (!isScalar(root)) return false;
  const v = tree.scalar(root);
  return v !== null && (v.kind === 'null' || (v.kind === 'bool' && v.value === false));
}

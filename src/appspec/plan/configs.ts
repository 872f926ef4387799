/**
 * Deployment configurations (spec §6.3, §6.7 steps 5–6): predefined names and custom
 * configurations turned into EC2 batch sizes or an ECS/Lambda traffic schedule.
 *
 * @module
 */
import { suggestNames } from '../../diagnostics/suggest.js';
import type { Platform } from '../model.js';
import type { CustomConfig, TrafficShift } from './types.js';

/** The prefix of every predefined configuration name. */
export const CONFIG_PREFIX = 'CodeDeployDefault.';

/** Largest `instanceCount` the planner expands into batches. */
export const MAX_INSTANCE_COUNT = 100_000;

/** A configuration as the planner applies it: a custom one, or one of the two EC2 presets. */
export type EffectiveConfig = CustomConfig | { readonly kind: 'one-at-a-time' } | { readonly kind: 'half-at-a-time' };

/** Predefined configurations (without the prefix) and what they stand for. */
const PREDEFINED: Readonly<Record<Platform, Readonly<Record<string, EffectiveConfig>>>> = {
  server: {
    OneAtATime: { kind: 'one-at-a-time' },
    HalfAtATime: { kind: 'half-at-a-time' },
    AllAtOnce: { kind: 'all-at-once' },
  },
  ecs: {
    ECSAllAtOnce: { kind: 'all-at-once' },
    ECSLinear10PercentEvery1Minutes: { kind: 'linear', percentage: 10, intervalMinutes: 1 },
    ECSLinear10PercentEvery3Minutes: { kind: 'linear', percentage: 10, intervalMinutes: 3 },
    ECSCanary10Percent5Minutes: { kind: 'canary', percentage: 10, intervalMinutes: 5 },
    ECSCanary10Percent15Minutes: { kind: 'canary', percentage: 10, intervalMinutes: 15 },
  },
  lambda: {
    LambdaAllAtOnce: { kind: 'all-at-once' },
    LambdaCanary10Percent5Minutes: { kind: 'canary', percentage: 10, intervalMinutes: 5 },
    LambdaCanary10Percent10Minutes: { kind: 'canary', percentage: 10, intervalMinutes: 10 },
    LambdaCanary10Percent15Minutes: { kind: 'canary', percentage: 10, intervalMinutes: 15 },
    LambdaCanary10Percent30Minutes: { kind: 'canary', percentage: 10, intervalMinutes: 30 },
    LambdaLinear10PercentEvery1Minute: { kind: 'linear', percentage: 10, intervalMinutes: 1 },
    LambdaLinear10PercentEvery2Minutes: { kind: 'linear', percentage: 10, intervalMinutes: 2 },
    LambdaLinear10PercentEvery3Minutes: { kind: 'linear', percentage: 10, intervalMinutes: 3 },
    LambdaLinear10PercentEvery10Minutes: { kind: 'linear', percentage: 10, intervalMinutes: 10 },
  },
};

/** The configuration used when the caller names none. */
export const DEFAULT_CONFIG: Readonly<Record<Platform, string>> = {
  server: 'OneAtATime',
  ecs: 'ECSAllAtOnce',
  lambda: 'LambdaAllAtOnce',
};

/** Every predefined configuration name of `platform`, with the prefix. */
export function predefinedConfigNames(platform: Platform): string[] {
  return Object.keys(PREDEFINED[platform]).map((n) => CONFIG_PREFIX + n);
}

/** A problem with the deployment configuration, turned into a diagnostic by the config rules. */
export type ConfigIssue =
  | { readonly kind: 'unknown'; readonly name: string; readonly suggestions: readonly string[] }
  | { readonly kind: 'other-platform'; readonly name: string; readonly configPlatform: Platform }
  | { readonly kind: 'invalid'; readonly message: string };

/** A configuration after name lookup and validation. */
export interface ResolvedConfig {
  /** Full predefined name, or `custom`; absent when the configuration is unusable. */
  readonly name?: string;
  readonly config?: EffectiveConfig;
  readonly issues: readonly ConfigIssue[];
}

const MAX_NAME_IN_MESSAGE = 100;

/** Shortens caller text quoted in messages. */
export function clip(text: string): string {
  return text.length > MAX_NAME_IN_MESSAGE ? `${text.slice(0, MAX_NAME_IN_MESSAGE)}…` : text;
}

/** Looks up a configuration name or validates a custom configuration for `platform`. */
export function resolveConfig(config: string | CustomConfig | undefined, platform: Platform): ResolvedConfig {
  if (config === undefined) {
    const name = DEFAULT_CONFIG[platform];
    return { name: CONFIG_PREFIX + name, config: PREDEFINED[platform][name] as EffectiveConfig, issues: [] };
  }
  if (typeof config === 'string') return resolveName(config, platform);
  const problem = customConfigProblem(config, platform);
  if (problem) return { issues: [{ kind: 'invalid', message: problem }] };
  return { name: 'custom', config, issues: [] };
}

function resolveName(written: string, platform: Platform): ResolvedConfig {
  const trimmed = written.trim();
  const bare = trimmed.startsWith(CONFIG_PREFIX) ? trimmed.slice(CONFIG_PREFIX.length) : trimmed;
  const own = PREDEFINED[platform];
  if (Object.hasOwn(own, bare)) return { name: CONFIG_PREFIX + bare, config: own[bare] as EffectiveConfig, issues: [] };
  for (const other of ['server', 'ecs', 'lambda'] as const) {
    if (other !== platform && Object.hasOwn(PREDEFINED[other], bare)) {
      return { issues: [{ kind: 'other-platform', name: CONFIG_PREFIX + bare, configPlatform: other }] };
    }
  }
  const names = Object.keys(own);
  const suggestions = suggestNames(bare, names, { maxDistance: 3 }).map((n) => CONFIG_PREFIX + n);
  return { issues: [{ kind: 'unknown', name: trimmed, suggestions }] };
}

function isIntIn(v: unknown, min: number, max: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

/** Why a custom configuration is unusable on `platform`, or undefined when it is fine. */
function customConfigProblem(c: CustomConfig, platform: Platform): string | undefined {
  const kind: unknown = (c as { kind?: unknown } | null)?.kind;
  if (kind === 'all-at-once') return undefined;
  if (kind === 'canary' || kind === 'linear') {
    if (platform === 'server') return `a ${kind} configuration shifts traffic and applies only to ECS and Lambda`;
    const t = c as { percentage: unknown; intervalMinutes: unknown };
    if (!isIntIn(t.percentage, 1, 99)) return `the ${kind} percentage must be an integer from 1 to 99`;
    if (!isIntIn(t.intervalMinutes, 1, 2880)) return `the ${kind} interval must be an integer from 1 to 2880 minutes`;
    return undefined;
  }
  if (kind === 'minimum-healthy-hosts') {
    if (platform !== 'server') return 'a minimum-healthy-hosts configuration applies only to EC2/On-Premises';
    const m = c as { type: unknown; value: unknown };
    if (m.type === 'HOST_COUNT') {
      return isIntIn(m.value, 0, MAX_INSTANCE_COUNT)
        ? undefined
        : 'a HOST_COUNT minimum must be a non-negative integer';
    }
    if (m.type === 'FLEET_PERCENT') {
      return isIntIn(m.value, 0, 99) ? undefined : 'a FLEET_PERCENT minimum must be an integer from 0 to 99';
    }
    return "the minimum healthy hosts type must be 'HOST_COUNT' or 'FLEET_PERCENT'";
  }
  return "a custom configuration's kind must be 'canary', 'linear', 'all-at-once' or 'minimum-healthy-hosts'";
}

/** Instances per batch for `instanceCount` instances (spec §6.7 step 6); the last batch may be smaller. */
export function batchSizes(config: EffectiveConfig, instanceCount: number): number[] {
  const n = instanceCount;
  let size = n;
  if (config.kind === 'one-at-a-time') size = 1;
  else if (config.kind === 'half-at-a-time') size = Math.max(1, Math.floor(n / 2));
  else if (config.kind === 'minimum-healthy-hosts') {
    const minimum = config.type === 'HOST_COUNT' ? config.value : Math.ceil((n * config.value) / 100);
    size = Math.max(1, n - minimum);
  }
  const out: number[] = [];
  for (let left = n; left > 0; left -= size) out.push(Math.min(size, left));
  return out;
}

/** The cumulative traffic schedule of an ECS/Lambda configuration (spec §6.7 step 5). */
export function trafficSchedule(config: EffectiveConfig): TrafficShift[] {
  if (config.kind === 'canary') {
    return [
      { minute: 0, percent: config.percentage },
      { minute: config.intervalMinutes, percent: 100 },
    ];
  }
  if (config.kind === 'linear') {
    const out: TrafficShift[] = [];
    for (let k = 1; ; k++) {
      const percent = Math.min(100, k * config.percentage);
      out.push({ minute: (k - 1) * config.intervalMinutes, percent });
      if (percent >= 100) return out;
    }
  }
  return [{ minute: 0, percent: 100 }];
}

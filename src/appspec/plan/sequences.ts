/**
 * The lifecycle event tables of spec §6.1–6.2: which events exist, which are reserved, in which
 * order they run for each kind of deployment, and where an EC2 event takes its scripts from.
 *
 * @module
 */
import type { PhaseTarget, ScriptSource } from './types.js';

export { EC2_SCRIPTABLE_EVENTS, ECS_HOOK_EVENTS, LAMBDA_HOOK_EVENTS } from '../events.js';

/** The four EC2 events that exist only with a load balancer (in-place) or in blue/green. */
export const EC2_TRAFFIC_EVENTS: readonly string[] = Object.freeze([
  'BeforeBlockTraffic',
  'AfterBlockTraffic',
  'BeforeAllowTraffic',
  'AfterAllowTraffic',
]);

/** EC2 events whose scripts come from the previous revision in a normal deployment. */
export const EC2_PREVIOUS_REVISION_EVENTS: readonly string[] = Object.freeze([
  'ApplicationStop',
  'BeforeBlockTraffic',
  'AfterBlockTraffic',
]);

const RESERVED = new Set([
  'Start',
  'End',
  'DownloadBundle',
  'Install',
  'BlockTraffic',
  'AllowTraffic',
  'AllowTestTraffic',
]);

/** True for events that no hook can attach to (the service or the agent does the work). */
export function isReservedEvent(event: string): boolean {
  return RESERVED.has(event);
}

const IN_PLACE = [
  'ApplicationStop',
  'DownloadBundle',
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'ApplicationStart',
  'ValidateService',
];
const BLOCK = ['BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic'];
const ALLOW = ['BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic'];

/** One phase of a sequence: where it runs and its events in order (boundary events excluded). */
export interface SequencePhase {
  readonly target: PhaseTarget;
  readonly events: readonly string[];
}

/** The shape of deployment a sequence is picked for. */
export interface SequenceSelector {
  readonly platform: 'server' | 'ecs' | 'lambda';
  readonly deploymentType: 'in-place' | 'blue-green';
  readonly loadBalancer: boolean;
  readonly rollback: boolean;
  readonly instanceRole: 'replacement' | 'original' | 'both';
}

/** The ordered phases of spec §6.2 for one kind of deployment, without the Start/End markers. */
export function sequenceFor(s: SequenceSelector): SequencePhase[] {
  if (s.platform === 'lambda') return [{ target: 'lambda-function', events: ALLOW }];
  if (s.platform === 'ecs') {
    // A rollback reroutes traffic back to the original task set; no hooks are documented for it.
    if (s.rollback) return [{ target: 'ecs-service', events: ['AllowTraffic'] }];
    return [
      {
        target: 'ecs-service',
        events: ['BeforeInstall', 'Install', 'AfterInstall', 'AllowTestTraffic', 'AfterAllowTestTraffic', ...ALLOW],
      },
    ];
  }
  if (s.deploymentType === 'in-place') {
    return [{ target: 'instance', events: s.loadBalancer ? [...BLOCK, ...IN_PLACE, ...ALLOW] : IN_PLACE }];
  }
  const replacement: SequencePhase = { target: 'replacement', events: s.rollback ? BLOCK : [...IN_PLACE, ...ALLOW] };
  const original: SequencePhase = { target: 'original', events: s.rollback ? ALLOW : BLOCK };
  if (s.instanceRole === 'replacement') return [replacement];
  if (s.instanceRole === 'original') return [original];
  return s.rollback ? [original, replacement] : [replacement, original];
}

/**
 * Where an EC2 event takes its scripts from (spec §6.1). `blueGreenRollback` selects the last
 * column of the table.
 */
export function ec2ScriptSource(event: string, blueGreenRollback: boolean): ScriptSource {
  if (isReservedEvent(event)) return 'none';
  if (event === 'ApplicationStop') return 'last-successful';
  if (event === 'BeforeBlockTraffic' || event === 'AfterBlockTraffic') {
    return blueGreenRollback ? 'most-recent' : 'last-successful';
  }
  if (event === 'BeforeAllowTraffic' || event === 'AfterAllowTraffic') {
    return blueGreenRollback ? 'last-successful' : 'current';
  }
  return 'current';
}

import { START_RANGE } from '../../../src/diagnostics/line-index.js';
import type { Range } from '../../../src/diagnostics/types.js';
import type { Ec2AppSpec, Ec2Script, EcsAppSpec, HookRef, LambdaAppSpec } from '../../../src/appspec/model.js';

/** A distinct one-line range on `line` (1-based), as a parser would give for a key there. */
export function lineRange(line: number, length = 10): Range {
  const offset = (line - 1) * 100;
  return {
    start: { line, column: 1, offset },
    end: { line, column: 1 + length, offset: offset + length },
  };
}

/** Script options in short form. */
export interface ScriptSpec {
  readonly location: string;
  readonly timeout?: number;
  readonly runas?: string;
  readonly sudo?: boolean;
}

/** An EC2 script, its range on `line`. */
export function script(spec: ScriptSpec | string, line = 1): Ec2Script {
  const s = typeof spec === 'string' ? { location: spec } : spec;
  return {
    location: s.location,
    timeoutSeconds: s.timeout ?? 3600,
    timeoutExplicit: s.timeout !== undefined,
    runas: s.runas ?? null,
    sudo: s.sudo ?? false,
    range: lineRange(line),
  };
}

/**
 * An EC2 AppSpec: event → scripts. Each event's key is put on its own line (5, 10, 15, …) so
 * tests can tell which hook a diagnostic points at; scripts follow on the next lines.
 */
export function server(
  hooks: Readonly<Record<string, readonly (ScriptSpec | string)[]>>,
  os: 'linux' | 'windows' = 'linux',
): Ec2AppSpec {
  const model: Record<string, Ec2Script[]> = {};
  const ranges: Record<string, Range> = {};
  let line = 5;
  for (const [event, scripts] of Object.entries(hooks)) {
    ranges[event] = lineRange(line, event.length + 1);
    model[event] = scripts.map((s, i) => script(s, line + 1 + i));
    line += 5;
  }
  return {
    platform: 'server',
    version: 0,
    os,
    hooks: model,
    hookRanges: ranges,
    files: [],
    permissions: [],
    fileExistsBehavior: null,
  };
}

/** The line `server()` puts `event`'s key on. */
export function hookLine(hooks: readonly string[], event: string): number {
  return 5 + 5 * hooks.indexOf(event);
}

function hookRefs(hooks: readonly (readonly [string, string | null])[]): HookRef[] {
  return hooks.map(([event, functionName], i) => ({ event, functionName, range: lineRange(10 + i, event.length) }));
}

/** An ECS AppSpec with the given hooks (event, function), hook i on line 10 + i. */
export function ecs(hooks: readonly (readonly [string, string | null])[] = []): EcsAppSpec {
  return {
    platform: 'ecs',
    version: 0,
    resource: {
      name: 'TargetService',
      type: 'AWS::ECS::Service',
      taskDefinition: 'arn:aws:ecs:us-east-1:111122223333:task-definition/web:3',
      containerName: 'web',
      containerPort: 80,
      platformVersion: null,
      awsvpc: null,
      capacityProviderStrategy: null,
      range: START_RANGE,
    },
    hooks: hookRefs(hooks),
  };
}

/** A Lambda AppSpec with the given hooks (event, function), hook i on line 10 + i. */
export function lambda(hooks: readonly (readonly [string, string | null])[] = []): LambdaAppSpec {
  return {
    platform: 'lambda',
    version: 0,
    resource: {
      logicalName: 'myFunction',
      type: 'AWS::Lambda::Function',
      name: 'my-function',
      alias: 'live',
      currentVersion: '1',
      targetVersion: '2',
      range: START_RANGE,
    },
    hooks: hookRefs(hooks),
  };
}

/** A typical EC2 AppSpec with scripts for all nine events. */
export const FULL_SERVER: Ec2AppSpec = server({
  ApplicationStop: [{ location: 'scripts/stop.sh', timeout: 60 }],
  BeforeInstall: [{ location: 'scripts/clean.sh', timeout: 120 }],
  AfterInstall: [{ location: 'scripts/config.sh', timeout: 300, runas: 'app' }],
  ApplicationStart: [{ location: 'scripts/start.sh', timeout: 120 }],
  ValidateService: [{ location: 'scripts/health.sh', timeout: 300 }],
  BeforeBlockTraffic: [{ location: 'scripts/drain.sh', timeout: 60 }],
  AfterBlockTraffic: [{ location: 'scripts/drained.sh', timeout: 30 }],
  BeforeAllowTraffic: [{ location: 'scripts/warm.sh', timeout: 90 }],
  AfterAllowTraffic: [{ location: 'scripts/smoke.sh', timeout: 120 }],
});

/** The previous revision of FULL_SERVER: stop/block scripts with other names. */
export const PREVIOUS_SERVER: Ec2AppSpec = server({
  ApplicationStop: [{ location: 'bin/stop-old.sh', timeout: 30 }],
  BeforeBlockTraffic: [{ location: 'bin/drain-old.sh', timeout: 45 }],
  AfterBlockTraffic: [{ location: 'scripts/drained.sh', timeout: 30 }],
  BeforeAllowTraffic: [{ location: 'bin/warm-old.sh', timeout: 20 }],
  AfterAllowTraffic: [{ location: 'bin/smoke-old.sh', timeout: 20 }],
});

import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/plan.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { UsageError } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';
import { fakeIO } from './fake-io.js';

const APPSPEC = `version: 0.0
os: linux
hooks:
  ApplicationStop:
    - location: scripts/stop.sh
      timeout: 60
  AfterInstall:
    - location: scripts/config.sh
      timeout: 300
  BeforeAllowTraffic:
    - location: scripts/warm.sh
      timeout: 90
`;

const PREVIOUS = `version: 0.0
os: linux
hooks:
  ApplicationStop:
    - location: scripts/old-stop.sh
      timeout: 30
`;

const ECS = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: arn:aws:ecs:us-east-1:111122223333:task-definition/web:3
        LoadBalancerInfo:
          ContainerName: web
          ContainerPort: 80
Hooks:
  - AfterAllowTestTraffic: TestHook
`;

const FILES = { 'appspec.yml': APPSPEC, 'old.yml': PREVIOUS, 'ecs.yml': ECS, 'nothing.yml': '- just\n- a list\n' };

async function run(args: string[]) {
  const io = fakeIO(FILES);
  const code = await command.run(args, io);
  return { code, stdout: io.out, stderr: io.err };
}

describe('iamspec plan', () => {
  it('is registered', async () => {
    expect(Object.hasOwn(COMMANDS, 'plan')).toBe(true);
    expect((await (COMMANDS.plan as () => Promise<typeof command>)()).name).toBe('plan');
  });

  it('prints a timeline table with sources, scripts and budgets', async () => {
    const r = await run(['appspec.yml', '--previous', 'old.yml', '--load-balancer']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toContain('in-place deployment with a load balancer');
    const stop = lines.find((l) => /\bApplicationStop\b/.test(l)) ?? '';
    expect(stop).toContain('last successful');
    expect(stop).toContain('scripts/old-stop.sh (30 s)');
    expect(lines.find((l) => /\bAfterInstall\b/.test(l))).toContain('300 s');
    expect(r.stdout).toContain('appspec.yml:4:3: info plan/previous-revision-scripts');
  });

  it('prints JSON', async () => {
    const r = await run(['appspec.yml', '--first', '--instances', '4', '--config', 'HalfAtATime', '--format', 'json']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.kind).toBe('server-in-place');
    expect(plan.batches).toEqual([2, 2]);
    expect(plan.phases[0].steps[1]).toMatchObject({ event: 'ApplicationStop', status: 'no-op', source: 'none' });
  });

  it('prints a Mermaid flowchart and sends findings to stderr', async () => {
    const r = await run(['appspec.yml', '--type', 'blue-green', '--format', 'mermaid']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('flowchart TD\n')).toBe(true);
    expect(r.stdout).toContain('subgraph phase1 ["Original instances"]');
    expect(r.stderr).toContain('plan/previous-appspec-unknown');
  });

  it('passes the ECS, rollback, role, os, source and stop-failure options through', async () => {
    const ecs = await run(['ecs.yml', '--test-listener', '--config', 'ECSCanary10Percent5Minutes', '--format', 'json']);
    const plan = JSON.parse(ecs.stdout);
    expect(plan.traffic).toEqual([
      { minute: 0, percent: 10 },
      { minute: 5, percent: 100 },
    ]);
    const rb = await run([
      'appspec.yml',
      '--type',
      'blue-green',
      '--rollback',
      '--role',
      'original',
      '--os',
      'windows',
      '--source',
      'github',
      '--most-recent',
      'old.yml',
      '--ignore-stop-failures',
      '--platform',
      'server',
      '--format',
      'json',
    ]);
    const p = JSON.parse(rb.stdout);
    expect(p.kind).toBe('server-blue-green-rollback');
    expect(p.phases.map((x: { target: string }) => x.target)).toEqual(['original']);
    expect(p.environment.map((v: { name: string }) => v.name)).toContain('BUNDLE_COMMIT');
  });

  it('exits 1 when the plan has errors', async () => {
    const r = await run(['appspec.yml', '--config', 'CodeDeployDefault.LambdaAllAtOnce']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('plan/config-invalid');
    const unreadable = await run(['nothing.yml']);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stdout).toContain('plan/appspec-invalid');
  });

  it('exits 2 for files it cannot read', async () => {
    expect((await run(['missing.yml'])).code).toBe(2);
    const r = await run(['appspec.yml', '--previous', 'missing.yml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read missing.yml');
    expect((await run(['appspec.yml', '--most-recent', 'gone.yml'])).code).toBe(2);
  });

  it('throws usage errors for bad arguments', async () => {
    for (const args of [
      [],
      ['a.yml', 'b.yml'],
      ['appspec.yml', '--type', 'sideways'],
      ['appspec.yml', '--format', 'yaml'],
      ['appspec.yml', '--instances', 'many'],
      ['appspec.yml', '--instances', '0'],
      ['appspec.yml', '--bogus'],
    ]) {
      await expect(command.run(args, fakeIO(FILES))).rejects.toBeInstanceOf(UsageError);
    }
  });

  it('exits 2 with the usage through the CLI host, and prints help', async () => {
    const f = fakeIO(FILES);
    expect(await runCli(['plan', '--format', 'yaml', 'appspec.yml'], f)).toBe(2);
    expect(f.err).toContain('usage: iamspec plan <appspec>');
    const h = fakeIO(FILES);
    expect(await runCli(['plan', '--help'], h)).toBe(0);
    expect(h.out).toContain('--previous FILE');
  });
});

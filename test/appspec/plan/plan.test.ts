import { describe, expect, it } from 'vitest';
import { planDeployment, planWith } from '../../../src/appspec/plan/plan.js';
import type { DeploymentPlan, Step } from '../../../src/appspec/plan/types.js';
import { ecs, FULL_SERVER, lambda, PREVIOUS_SERVER, server } from './fixtures.js';

/** `target event source status` per step, reserved events starred. */
function rows(plan: DeploymentPlan): string[] {
  return plan.phases.flatMap((p) =>
    p.steps.map((s) => `${p.target} ${s.event}${s.reserved ? '*' : ''} ${s.source} ${s.status}`),
  );
}

function events(plan: DeploymentPlan): string[] {
  return plan.phases.flatMap((p) => p.steps.map((s) => s.event));
}

function step(plan: DeploymentPlan, event: string, target?: string): Step {
  for (const p of plan.phases) {
    if (target && p.target !== target) continue;
    const s = p.steps.find((x) => x.event === event);
    if (s) return s;
  }
  throw new Error(`no step ${event}`);
}

/** A run-time placeholder as the planner writes it. */
function ph(name: string): string {
  return '$' + `{${name}}`;
}

function ruleIds(plan: DeploymentPlan): string[] {
  return [...new Set(plan.diagnostics.map((d) => d.ruleId))].sort();
}

describe('EC2 in-place without a load balancer', () => {
  const plan = planDeployment(FULL_SERVER, { previousAppSpec: PREVIOUS_SERVER });

  it('runs the seven events in order between Start and End', () => {
    expect(plan.kind).toBe('server-in-place');
    expect(plan.phases.map((p) => p.target)).toEqual(['instance']);
    expect(rows(plan)).toEqual([
      'instance Start* none runs',
      'instance ApplicationStop last-successful runs',
      'instance DownloadBundle* none runs',
      'instance BeforeInstall current runs',
      'instance Install* none runs',
      'instance AfterInstall current runs',
      'instance ApplicationStart current runs',
      'instance ValidateService current runs',
      'instance End* none runs',
    ]);
  });

  it('takes ApplicationStop scripts from the previous revision', () => {
    const s = step(plan, 'ApplicationStop');
    expect(s.scripts?.map((x) => x.location)).toEqual(['bin/stop-old.sh']);
    expect(s.budgetSeconds).toBe(30);
    expect(step(plan, 'BeforeInstall').scripts?.map((x) => x.location)).toEqual(['scripts/clean.sh']);
  });

  it('sums the hook budgets and leaves reserved steps at 0', () => {
    expect(step(plan, 'Install').budgetSeconds).toBe(0);
    expect(plan.budgetSeconds).toBe(30 + 120 + 300 + 120 + 300);
    expect(plan.deploymentWorstCaseSeconds).toBe(plan.budgetSeconds);
    for (const p of plan.phases) for (const s of p.steps) expect(s.limitSeconds).toBe(3600);
  });

  it('reports the traffic hooks that never run and the changed stop script', () => {
    const traffic = plan.diagnostics.filter((d) => d.ruleId === 'plan/traffic-hooks-without-lb');
    expect(traffic.map((d) => d.data?.event)).toEqual([
      'BeforeBlockTraffic',
      'AfterBlockTraffic',
      'BeforeAllowTraffic',
      'AfterAllowTraffic',
    ]);
    expect(ruleIds(plan)).toEqual(['plan/previous-revision-scripts', 'plan/traffic-hooks-without-lb']);
  });

  it('can leave out the boundary events', () => {
    const p = planDeployment(FULL_SERVER, { previousAppSpec: null, includeBoundaryEvents: false });
    expect(events(p)[0]).toBe('ApplicationStop');
    expect(events(p)).not.toContain('End');
  });
});

describe('EC2 in-place with a load balancer', () => {
  const plan = planDeployment(FULL_SERVER, { loadBalancer: true, previousAppSpec: PREVIOUS_SERVER });

  it('wraps the in-place events in block and allow traffic', () => {
    expect(plan.kind).toBe('server-in-place-lb');
    expect(rows(plan)).toEqual([
      'instance Start* none runs',
      'instance BeforeBlockTraffic last-successful runs',
      'instance BlockTraffic* none runs',
      'instance AfterBlockTraffic last-successful runs',
      'instance ApplicationStop last-successful runs',
      'instance DownloadBundle* none runs',
      'instance BeforeInstall current runs',
      'instance Install* none runs',
      'instance AfterInstall current runs',
      'instance ApplicationStart current runs',
      'instance ValidateService current runs',
      'instance BeforeAllowTraffic current runs',
      'instance AllowTraffic* none runs',
      'instance AfterAllowTraffic current runs',
      'instance End* none runs',
    ]);
  });

  it('runs the previous block-traffic scripts and the current allow-traffic ones', () => {
    expect(step(plan, 'BeforeBlockTraffic').scripts?.[0]?.location).toBe('bin/drain-old.sh');
    expect(step(plan, 'BeforeAllowTraffic').scripts?.[0]?.location).toBe('scripts/warm.sh');
  });

  it('reports previous-revision scripts only where they differ', () => {
    const events = plan.diagnostics
      .filter((d) => d.ruleId === 'plan/previous-revision-scripts')
      .map((d) => d.data?.event);
    // AfterBlockTraffic has the same script in both revisions.
    expect(events).toEqual(['ApplicationStop', 'BeforeBlockTraffic']);
  });

  it('uses loadBalancer true as given and false as absent', () => {
    expect(planDeployment(FULL_SERVER, { loadBalancer: false, previousAppSpec: null }).kind).toBe('server-in-place');
  });
});

describe('first deployment', () => {
  it('makes the previous-revision events no-ops with source none', () => {
    const plan = planDeployment(FULL_SERVER, { loadBalancer: true, firstDeployment: true });
    for (const e of ['ApplicationStop', 'BeforeBlockTraffic', 'AfterBlockTraffic']) {
      const s = step(plan, e);
      expect(s).toMatchObject({ source: 'none', status: 'no-op', statusReason: 'first-deployment', budgetSeconds: 0 });
      expect(s.scripts).toEqual([]);
    }
    expect(step(plan, 'BeforeAllowTraffic').status).toBe('runs');
    const noops = plan.diagnostics.filter((d) => d.ruleId === 'plan/first-deployment-noop');
    expect(noops.map((d) => d.data?.event)).toEqual(['ApplicationStop', 'BeforeBlockTraffic', 'AfterBlockTraffic']);
    expect(plan.diagnostics.some((d) => d.ruleId === 'plan/previous-revision-scripts')).toBe(false);
  });

  it('treats previousAppSpec null like a first deployment', () => {
    const plan = planDeployment(FULL_SERVER, { previousAppSpec: null });
    expect(step(plan, 'ApplicationStop')).toMatchObject({ source: 'none', statusReason: 'first-deployment' });
    expect(plan.diagnostics.find((d) => d.ruleId === 'plan/first-deployment-noop')?.data?.cause).toBe('none-given');
  });

  it('keeps the source and warns when the previous AppSpec is unknown', () => {
    const plan = planDeployment(FULL_SERVER, {});
    expect(step(plan, 'ApplicationStop')).toMatchObject({
      source: 'last-successful',
      status: 'no-op',
      statusReason: 'previous-appspec-unknown',
      scripts: [],
    });
    expect(ruleIds(plan)).toContain('plan/previous-appspec-unknown');
    const changed = plan.diagnostics.find((d) => d.ruleId === 'plan/previous-revision-scripts');
    expect(changed?.data?.known).toBe(false);
  });
});

describe('EC2 blue/green', () => {
  const plan = planDeployment(FULL_SERVER, { deploymentType: 'blue-green', previousAppSpec: PREVIOUS_SERVER });

  it('plans the replacement instances, then the original ones', () => {
    expect(plan.kind).toBe('server-blue-green');
    expect(rows(plan)).toEqual([
      'replacement Start* none runs',
      'replacement ApplicationStop none no-op',
      'replacement DownloadBundle* none runs',
      'replacement BeforeInstall current runs',
      'replacement Install* none runs',
      'replacement AfterInstall current runs',
      'replacement ApplicationStart current runs',
      'replacement ValidateService current runs',
      'replacement BeforeAllowTraffic current runs',
      'replacement AllowTraffic* none runs',
      'replacement AfterAllowTraffic current runs',
      'original BeforeBlockTraffic last-successful runs',
      'original BlockTraffic* none runs',
      'original AfterBlockTraffic last-successful runs',
      'original End* none runs',
    ]);
  });

  it('runs the original instances’ block-traffic scripts from their last successful revision', () => {
    expect(step(plan, 'BeforeBlockTraffic', 'original').scripts?.[0]?.location).toBe('bin/drain-old.sh');
    const fresh = plan.diagnostics.find((d) => d.ruleId === 'plan/first-deployment-noop');
    expect(fresh?.data).toMatchObject({ event: 'ApplicationStop', target: 'replacement', cause: 'fresh-instance' });
  });

  it('plans one role when asked, and names the other role’s hooks', () => {
    const replacement = planDeployment(FULL_SERVER, { deploymentType: 'blue-green', instanceRole: 'replacement' });
    expect(replacement.phases.map((p) => p.target)).toEqual(['replacement']);
    expect(events(replacement).at(-1)).toBe('End');
    const never = replacement.diagnostics.filter((d) => d.ruleId === 'plan/hook-never-runs').map((d) => d.data?.event);
    expect(never).toEqual(['BeforeBlockTraffic', 'AfterBlockTraffic']);
    const original = planDeployment(FULL_SERVER, {
      deploymentType: 'blue-green',
      instanceRole: 'original',
      previousAppSpec: PREVIOUS_SERVER,
    });
    expect(events(original)).toEqual(['Start', 'BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic', 'End']);
  });

  it('implies a load balancer', () => {
    const p = planDeployment(FULL_SERVER, { deploymentType: 'blue-green', loadBalancer: false });
    expect(p.kind).toBe('server-blue-green');
    expect(p.diagnostics.find((d) => d.ruleId === 'plan/option-invalid')?.data?.option).toBe('loadBalancer');
  });
});

describe('EC2 blue/green rollback', () => {
  const failed = server({
    BeforeBlockTraffic: [{ location: 'new/drain.sh', timeout: 100 }],
    AfterBlockTraffic: [],
  });
  const plan = planDeployment(FULL_SERVER, {
    deploymentType: 'blue-green',
    rollback: true,
    previousAppSpec: PREVIOUS_SERVER,
    mostRecentAppSpec: failed,
  });

  it('allows traffic back to the originals, then blocks the replacements', () => {
    expect(plan.kind).toBe('server-blue-green-rollback');
    expect(rows(plan)).toEqual([
      'original Start* none runs',
      'original BeforeAllowTraffic last-successful runs',
      'original AllowTraffic* none runs',
      'original AfterAllowTraffic last-successful runs',
      'replacement BeforeBlockTraffic most-recent runs',
      'replacement BlockTraffic* none runs',
      'replacement AfterBlockTraffic most-recent no-op',
      'replacement End* none runs',
    ]);
    expect(step(plan, 'BeforeAllowTraffic').scripts?.[0]?.location).toBe('bin/warm-old.sh');
    expect(step(plan, 'BeforeBlockTraffic').scripts?.[0]?.location).toBe('new/drain.sh');
    expect(step(plan, 'AfterBlockTraffic').statusReason).toBe('no-scripts');
  });

  it('defaults the originals’ revision to the restored one and warns about the unknown failed one', () => {
    const p = planDeployment(FULL_SERVER, { deploymentType: 'blue-green', rollback: true });
    expect(step(p, 'BeforeAllowTraffic').scripts?.[0]?.location).toBe('scripts/warm.sh');
    const unknown = p.diagnostics.filter((d) => d.ruleId === 'plan/previous-appspec-unknown');
    expect(unknown.map((d) => d.data?.option)).toEqual(['mostRecentAppSpec', 'mostRecentAppSpec']);
    expect(unknown[0]?.help).toContain('--most-recent');
    const never = p.diagnostics.filter((d) => d.ruleId === 'plan/hook-never-runs').map((d) => d.data?.event);
    expect(never).toEqual(['ApplicationStop', 'BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService']);
  });
});

describe('EC2 in-place rollback', () => {
  it('keeps the normal sequence and sources, and warns about the failed revision’s scripts', () => {
    const plan = planDeployment(FULL_SERVER, { rollback: true, loadBalancer: true, previousAppSpec: PREVIOUS_SERVER });
    expect(plan.kind).toBe('server-in-place-lb');
    expect(plan.rollback).toBe(true);
    expect(step(plan, 'ApplicationStop').source).toBe('last-successful');
    const warned = plan.diagnostics.filter((d) => d.ruleId === 'plan/rollback-runs-failed-revision');
    expect(warned.map((d) => d.data?.event)).toEqual(['ApplicationStop', 'BeforeBlockTraffic', 'AfterBlockTraffic']);
  });

  it('does not warn when stop failures are ignored', () => {
    const plan = planDeployment(FULL_SERVER, {
      rollback: true,
      previousAppSpec: PREVIOUS_SERVER,
      ignoreApplicationStopFailures: true,
    });
    expect(step(plan, 'ApplicationStop').failureIgnored).toBe(true);
    expect(step(plan, 'BeforeInstall').failureIgnored).toBeUndefined();
    expect(ruleIds(plan)).not.toContain('plan/rollback-runs-failed-revision');
  });
});

describe('ECS', () => {
  const app = ecs([
    ['BeforeInstall', 'PreHook'],
    ['AfterInstall', 'PostInstall'],
    ['AfterAllowTestTraffic', 'TestHook'],
    ['BeforeAllowTraffic', null],
    ['AfterAllowTraffic', 'arn:aws:lambda:us-east-1:111122223333:function:Smoke'],
  ]);

  it('with a test listener runs every hook', () => {
    const plan = planDeployment(app, { testListener: true });
    expect(plan.kind).toBe('ecs-blue-green');
    expect(rows(plan)).toEqual([
      'ecs-service Start* none runs',
      'ecs-service BeforeInstall current runs',
      'ecs-service Install* none runs',
      'ecs-service AfterInstall current runs',
      'ecs-service AllowTestTraffic* none runs',
      'ecs-service AfterAllowTestTraffic current runs',
      'ecs-service BeforeAllowTraffic current no-op',
      'ecs-service AllowTraffic* none runs',
      'ecs-service AfterAllowTraffic current runs',
      'ecs-service End* none runs',
    ]);
    expect(step(plan, 'BeforeInstall')).toMatchObject({
      functions: ['PreHook'],
      budgetSeconds: 3600,
      canTriggerRollback: false,
    });
    expect(step(plan, 'AfterInstall').canTriggerRollback).toBe(true);
    expect(step(plan, 'BeforeAllowTraffic')).toMatchObject({
      statusReason: 'no-function',
      functions: [],
      budgetSeconds: 0,
    });
    expect(plan.budgetSeconds).toBe(4 * 3600);
    expect(plan.traffic).toEqual([{ minute: 0, percent: 100 }]);
    expect(plan.deploymentConfig).toBe('CodeDeployDefault.ECSAllAtOnce');
    expect(plan.environment).toEqual([]);
    expect(ruleIds(plan)).toEqual([]);
  });

  it('without a test listener skips AfterAllowTestTraffic', () => {
    const plan = planDeployment(app, {});
    expect(step(plan, 'AllowTestTraffic')).toMatchObject({ status: 'no-op', statusReason: 'no-test-listener' });
    expect(step(plan, 'AfterAllowTestTraffic')).toMatchObject({
      status: 'skipped',
      statusReason: 'no-test-listener',
      functions: [],
    });
    const d = plan.diagnostics.find((x) => x.ruleId === 'plan/test-traffic-hook-without-listener');
    expect(d?.range.start.line).toBe(12);
  });

  it('plans a rollback as rerouting only, with a warning', () => {
    const plan = planDeployment(app, { rollback: true, deploymentConfig: 'ECSCanary10Percent5Minutes' });
    expect(plan.kind).toBe('ecs-rollback');
    expect(events(plan)).toEqual(['Start', 'AllowTraffic', 'End']);
    expect(plan.traffic).toBeUndefined();
    expect(ruleIds(plan)).toEqual(['plan/sequence-undocumented']);
  });

  it('ignores an in-place deployment type', () => {
    const plan = planDeployment(app, { deploymentType: 'in-place', testListener: true });
    expect(plan.kind).toBe('ecs-blue-green');
    expect(ruleIds(plan)).toEqual(['plan/option-invalid']);
  });

  it('shifts traffic per the configuration', () => {
    const plan = planDeployment(app, {
      testListener: true,
      deploymentConfig: 'CodeDeployDefault.ECSLinear10PercentEvery3Minutes',
    });
    expect(plan.traffic?.map((t) => t.minute)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27]);
  });
});

describe('Lambda', () => {
  const app = lambda([
    ['BeforeAllowTraffic', 'PreTraffic'],
    ['AfterAllowTraffic', 'PostTraffic'],
  ]);

  it('runs BeforeAllowTraffic, AllowTraffic and AfterAllowTraffic', () => {
    const plan = planDeployment(app, { deploymentConfig: 'CodeDeployDefault.LambdaCanary10Percent5Minutes' });
    expect(plan.kind).toBe('lambda');
    expect(rows(plan)).toEqual([
      'lambda-function Start* none runs',
      'lambda-function BeforeAllowTraffic current runs',
      'lambda-function AllowTraffic* none runs',
      'lambda-function AfterAllowTraffic current runs',
      'lambda-function End* none runs',
    ]);
    expect(step(plan, 'BeforeAllowTraffic').canTriggerRollback).toBeUndefined();
    expect(plan.traffic).toEqual([
      { minute: 0, percent: 10 },
      { minute: 5, percent: 100 },
    ]);
    expect(plan.diagnostics).toEqual([]);
  });

  it('plans a rollback with the same sequence', () => {
    const plan = planDeployment(app, { rollback: true });
    expect(plan.kind).toBe('lambda');
    expect(plan.rollback).toBe(true);
    expect(events(plan)).toEqual(['Start', 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic', 'End']);
    expect(plan.traffic).toEqual([{ minute: 0, percent: 100 }]);
  });
});

describe('scripts and environment', () => {
  const app = server({
    AfterInstall: [
      { location: 'a.sh', timeout: 10 },
      { location: 'b.sh', runas: 'app' },
      { location: 'c.sh', sudo: true },
      { location: 'd.sh', runas: 'deploy', sudo: true },
    ],
  });

  it('shows the Linux command of each script', () => {
    const s = step(planDeployment(app, { previousAppSpec: null }), 'AfterInstall');
    expect(s.scripts?.map((x) => x.command)).toEqual([
      '{bundle}/a.sh',
      'su app -c {bundle}/b.sh',
      'sudo {bundle}/c.sh',
      'sudo su deploy -c {bundle}/d.sh',
    ]);
    expect(s.scripts?.[1]).toMatchObject({ runas: 'app', sudo: false, timeout: 3600, timeoutExplicit: false });
    expect(s.uncappedSeconds).toBe(10 + 3 * 3600);
    expect(s.budgetSeconds).toBe(3600);
  });

  it('drops runas and sudo on Windows and runs .ps1 through PowerShell', () => {
    const win = server({ AfterInstall: [{ location: 'x.ps1', runas: 'app' }, 'y.bat'] }, 'windows');
    const plan = planDeployment(win, { previousAppSpec: null });
    const s = step(plan, 'AfterInstall');
    expect(s.scripts?.map((x) => x.command)).toEqual([
      'powershell.exe -ExecutionPolicy Bypass -File {bundle}/x.ps1',
      '{bundle}/y.bat',
    ]);
    expect(s.scripts?.[0]?.runas).toBeUndefined();
    expect(ruleIds(plan)).toContain('plan/runas-ignored-windows');
  });

  it('lets instanceOs override the AppSpec os', () => {
    const plan = planDeployment(app, { previousAppSpec: null, instanceOs: 'windows' });
    expect(step(plan, 'AfterInstall').scripts?.[2]?.command).toBe('{bundle}/c.sh');
  });

  it('gives each server hook step the agent environment with placeholders', () => {
    const plan = planDeployment(app, { previousAppSpec: null });
    expect(step(plan, 'AfterInstall').env).toEqual({
      LIFECYCLE_EVENT: 'AfterInstall',
      DEPLOYMENT_ID: ph('DEPLOYMENT_ID'),
      APPLICATION_NAME: ph('APPLICATION_NAME'),
      DEPLOYMENT_GROUP_NAME: ph('DEPLOYMENT_GROUP_NAME'),
      DEPLOYMENT_GROUP_ID: ph('DEPLOYMENT_GROUP_ID'),
    });
    expect(step(plan, 'Install').env).toBeUndefined();
    expect(plan.environment.map((v) => v.name)).toContain('BUNDLE_COMMIT');
  });

  it('adds the BUNDLE_* variables of the revision source', () => {
    const s3 = planDeployment(app, { previousAppSpec: null, revisionSource: 's3-versioned' });
    expect(Object.keys(step(s3, 'ValidateService').env ?? {})).toEqual([
      'LIFECYCLE_EVENT',
      'DEPLOYMENT_ID',
      'APPLICATION_NAME',
      'DEPLOYMENT_GROUP_NAME',
      'DEPLOYMENT_GROUP_ID',
      'BUNDLE_BUCKET',
      'BUNDLE_KEY',
      'BUNDLE_ETAG',
      'BUNDLE_VERSION',
    ]);
    const gh = planDeployment(app, { previousAppSpec: null, revisionSource: 'github' });
    expect(step(gh, 'ValidateService').env?.BUNDLE_COMMIT).toBe(ph('BUNDLE_COMMIT'));
    expect(gh.environment.map((v) => v.name)).not.toContain('BUNDLE_KEY');
    const local = planDeployment(app, { previousAppSpec: null, revisionSource: 'local' });
    expect(local.environment.some((v) => v.name.startsWith('BUNDLE_'))).toBe(false);
  });
});

describe('batches', () => {
  const cases: [string | undefined, number, number[]][] = [
    [undefined, 3, [1, 1, 1]],
    ['CodeDeployDefault.OneAtATime', 2, [1, 1]],
    ['HalfAtATime', 10, [5, 5]],
    ['CodeDeployDefault.HalfAtATime', 5, [2, 2, 1]],
    ['HalfAtATime', 1, [1]],
    ['AllAtOnce', 7, [7]],
  ];
  for (const [config, n, expected] of cases) {
    it(`${config ?? 'default'} × ${n} → ${expected.join(',')}`, () => {
      const plan = planDeployment(FULL_SERVER, {
        previousAppSpec: null,
        instanceCount: n,
        ...(config ? { deploymentConfig: config } : {}),
      });
      expect(plan.batches).toEqual(expected);
      expect(plan.deploymentWorstCaseSeconds).toBe(plan.budgetSeconds * expected.length);
    });
  }

  it.each<['HOST_COUNT' | 'FLEET_PERCENT', number, number, number[]]>([
    ['HOST_COUNT', 7, 10, [3, 3, 3, 1]],
    ['FLEET_PERCENT', 75, 10, [2, 2, 2, 2, 2]], // minimum ceil(7.5) = 8
    ['HOST_COUNT', 9, 4, [1, 1, 1, 1]], // a minimum above the fleet size: one at a time
  ])('applies custom minimum healthy hosts: %s %i of %i instances', (type, value, instanceCount, expected) => {
    const plan = planDeployment(FULL_SERVER, {
      previousAppSpec: null,
      instanceCount,
      deploymentConfig: { kind: 'minimum-healthy-hosts', type, value },
    });
    expect(plan.batches).toEqual(expected);
    expect(plan.deploymentConfig).toBe('custom');
  });

  it('has no batches without an instance count or for a bad one', () => {
    expect(planDeployment(FULL_SERVER, { previousAppSpec: null }).batches).toBeUndefined();
    const bad = planDeployment(FULL_SERVER, { previousAppSpec: null, instanceCount: 0 });
    expect(bad.batches).toBeUndefined();
    expect(bad.diagnostics.find((d) => d.ruleId === 'plan/option-invalid')?.data?.option).toBe('instanceCount');
  });
});

describe('inputs', () => {
  it('reports a platform option that contradicts the AppSpec object, and plans the AppSpec', () => {
    const plan = planDeployment(FULL_SERVER, { platform: 'ecs', previousAppSpec: null });
    expect(plan.platform).toBe('server');
    const d = plan.diagnostics.find((x) => x.ruleId === 'plan/platform-mismatch');
    expect(d?.severity).toBe('error');
    expect(d?.data).toEqual({ requested: 'ecs', appSpec: 'server' });
  });

  it('does not use a previous AppSpec of another platform', () => {
    const plan = planDeployment(FULL_SERVER, { previousAppSpec: ecs() });
    expect(step(plan, 'ApplicationStop').statusReason).toBe('previous-appspec-unknown');
    expect(plan.diagnostics.find((x) => x.ruleId === 'plan/platform-mismatch')?.data).toEqual({
      input: 'previous',
      appSpec: 'ecs',
    });
  });

  it('plans nothing for an input that is not an AppSpec', () => {
    const plan = planDeployment({ platform: 'nonsense' } as never, {});
    expect(plan.phases).toEqual([]);
    expect(plan.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['plan/appspec-invalid', 'error']]);
  });

  it('reads text through the linter and reports its errors', () => {
    const lint = (text: string) => ({
      platform: 'server' as const,
      platformSource: 'inferred' as const,
      ...(text === 'bad' ? {} : { appSpec: FULL_SERVER }),
      diagnostics: [
        {
          ruleId: 'ec2/version-string',
          severity: 'error' as const,
          message: 'version is a string',
          range: FULL_SERVER.hookRanges.AfterInstall!,
        },
      ],
      verdict: { outcome: 'reject' as const, basis: 'agent-1.x' as const },
    });
    const plan = planWith('text', { previousAppSpec: 'previous text' }, lint);
    const invalid = plan.diagnostics.filter((d) => d.ruleId === 'plan/appspec-invalid');
    expect(invalid.map((d) => [d.data?.input, d.severity])).toEqual([
      ['previous', 'warning'],
      ['current', 'warning'],
    ]);
    expect(invalid.find((d) => d.data?.input === 'current')?.range).toEqual(FULL_SERVER.hookRanges.AfterInstall);
    expect(step(plan, 'ApplicationStop').scripts?.[0]?.location).toBe('scripts/stop.sh');
    const broken = planWith('text', { previousAppSpec: 'bad' }, lint);
    expect(broken.diagnostics.find((d) => d.data?.input === 'previous')?.severity).toBe('error');
    expect(step(broken, 'ApplicationStop').statusReason).toBe('previous-appspec-unknown');
    expect(planWith('bad', {}, lint).phases).toEqual([]);
  });

  it('reports option values of the wrong kind and carries on', () => {
    const plan = planDeployment(FULL_SERVER, {
      previousAppSpec: null,
      deploymentType: 'sideways',
      instanceRole: 'spare',
      revisionSource: 'ftp',
      instanceOs: 'beos',
      platform: 'mainframe',
    } as never);
    expect(plan.kind).toBe('server-in-place');
    expect(
      plan.diagnostics
        .filter((d) => d.ruleId === 'plan/option-invalid')
        .map((d) => d.data?.option)
        .sort(),
    ).toEqual(['deploymentType', 'instanceOs', 'instanceRole', 'platform', 'revisionSource']);
  });

  it('applies rule settings', () => {
    const plan = planDeployment(FULL_SERVER, {
      rules: { 'plan/traffic-hooks-without-lb': 'off', 'plan/previous-appspec-unknown': 'error' },
    });
    expect(ruleIds(plan)).not.toContain('plan/traffic-hooks-without-lb');
    expect(plan.diagnostics.find((d) => d.ruleId === 'plan/previous-appspec-unknown')?.severity).toBe('error');
  });

  it('returns frozen data', () => {
    const plan = planDeployment(FULL_SERVER, { previousAppSpec: null });
    expect(Object.isFrozen(plan)).toBe(true);
    expect(Object.isFrozen(plan.phases[0]?.steps)).toBe(true);
  });
});

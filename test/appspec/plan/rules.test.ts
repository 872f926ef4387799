import { describe, expect, it } from 'vitest';
import { planDeployment, planWith } from '../../../src/appspec/plan/plan.js';
import { planRules } from '../../../src/appspec/plan/rules.js';
import type { DeploymentPlan, PlanOptions } from '../../../src/appspec/plan/types.js';
import type { AppSpec } from '../../../src/appspec/model.js';
import type { Diagnostic } from '../../../src/diagnostics/types.js';
import { ecs, FULL_SERVER, hookLine, lambda, PREVIOUS_SERVER, server } from './fixtures.js';

function found(plan: DeploymentPlan, ruleId: string): Diagnostic[] {
  return plan.diagnostics.filter((d) => d.ruleId === ruleId);
}

function plan(appSpec: AppSpec, options: PlanOptions = {}): DeploymentPlan {
  return planDeployment(appSpec, options);
}

const SPEC_CODES = [
  'plan/appspec-invalid',
  'plan/first-deployment-noop',
  'plan/previous-revision-scripts',
  'plan/previous-appspec-unknown',
  'plan/rollback-runs-failed-revision',
  'plan/traffic-hooks-without-lb',
  'plan/test-traffic-hook-without-listener',
  'plan/hook-never-runs',
  'plan/event-budget-exceeded',
  'plan/exceeds-deployment-limit',
  'plan/sequence-undocumented',
  'plan/runas-ignored-windows',
];

describe('planRules', () => {
  it('lists the twelve codes of spec §6.7 with their severities, then the planner’s own', () => {
    expect(planRules.slice(0, 12).map((r) => r.id)).toEqual(SPEC_CODES);
    expect(planRules.slice(12).map((r) => r.id)).toEqual([
      'plan/empty',
      'plan/config-unknown',
      'plan/config-invalid',
      'plan/platform-mismatch',
      'plan/option-invalid',
    ]);
    const info = [
      'plan/first-deployment-noop',
      'plan/previous-revision-scripts',
      'plan/hook-never-runs',
      'plan/runas-ignored-windows',
    ];
    for (const r of planRules.slice(0, 12)) expect(r.defaultSeverity).toBe(info.includes(r.id) ? 'info' : 'warning');
    for (const r of planRules) {
      expect(r.description.length).toBeGreaterThan(10);
      expect(Object.isFrozen(r)).toBe(true);
    }
  });
});

describe('plan/appspec-invalid', () => {
  const lintWith =
    (errors: number, model: AppSpec | undefined, platform: 'server' | 'unknown' | 'not-an-appspec' = 'server') =>
    () => ({
      platform,
      platformSource: 'inferred' as const,
      ...(model ? { appSpec: model } : {}),
      diagnostics: Array.from({ length: errors }, (_, i) => ({
        ruleId: `ec2/x${i}`,
        severity: 'error' as const,
        message: `bad ${i}`,
        range: FULL_SERVER.hookRanges.BeforeInstall!,
      })),
      verdict: { outcome: 'reject' as const, basis: 'agent-1.x' as const },
    });

  it('warns once per input with lint errors, pointing at the first error of the current one', () => {
    const p = planWith('x', { previousAppSpec: null }, lintWith(2, FULL_SERVER));
    const [d] = found(p, 'plan/appspec-invalid');
    expect(d?.severity).toBe('warning');
    expect(d?.message).toContain('2 lint errors (first: ec2/x0: bad 0)');
    expect(d?.range).toEqual(FULL_SERVER.hookRanges.BeforeInstall);
    expect(p.phases.length).toBe(1);
  });

  it('is an error, with the reason, when there is no model', () => {
    const unknown = planWith('x', {}, lintWith(0, undefined, 'unknown'));
    expect(found(unknown, 'plan/appspec-invalid')[0]?.message).toContain('compute platform cannot be told');
    const other = planWith('x', {}, lintWith(0, undefined, 'not-an-appspec'));
    expect(found(other, 'plan/appspec-invalid')[0]?.message).toContain('not an AppSpec');
    expect(found(other, 'plan/appspec-invalid')[0]?.severity).toBe('error');
    expect(other.diagnostics.map((d) => d.ruleId)).toEqual(['plan/appspec-invalid']);
  });

  it('stays quiet for clean inputs', () => {
    expect(found(planWith('x', { previousAppSpec: null }, lintWith(0, FULL_SERVER)), 'plan/appspec-invalid')).toEqual(
      [],
    );
  });
});

describe('plan/first-deployment-noop', () => {
  it('points at the hook of each step made a no-op', () => {
    const app = server({ ApplicationStop: ['a.sh'], AfterInstall: ['b.sh'] });
    const [d, ...rest] = found(plan(app, { firstDeployment: true }), 'plan/first-deployment-noop');
    expect(rest).toEqual([]);
    expect(d?.range.start.line).toBe(hookLine(['ApplicationStop', 'AfterInstall'], 'ApplicationStop'));
    expect(d?.message).toContain('first deployment');
    expect(d?.severity).toBe('info');
  });

  it('fires for events without hooks too (the step still does nothing)', () => {
    const d = found(plan(server({ AfterInstall: ['b.sh'] }), { firstDeployment: true }), 'plan/first-deployment-noop');
    expect(d.map((x) => x.range.start.line)).toEqual([1]);
  });

  it('is silent when a previous revision exists', () => {
    expect(found(plan(FULL_SERVER, { previousAppSpec: PREVIOUS_SERVER }), 'plan/first-deployment-noop')).toEqual([]);
  });
});

describe('plan/previous-revision-scripts', () => {
  it('fires when the previous scripts differ, naming the source', () => {
    const [d] = found(plan(FULL_SERVER, { previousAppSpec: PREVIOUS_SERVER }), 'plan/previous-revision-scripts');
    expect(d?.data).toEqual({ event: 'ApplicationStop', source: 'last-successful', known: true });
    expect(d?.range).toEqual(FULL_SERVER.hookRanges.ApplicationStop);
  });

  it('is silent when the previous revision has the same scripts or the current has none', () => {
    expect(found(plan(FULL_SERVER, { previousAppSpec: FULL_SERVER }), 'plan/previous-revision-scripts')).toEqual([]);
    const noStop = server({ AfterInstall: ['a.sh'] });
    expect(found(plan(noStop, { previousAppSpec: PREVIOUS_SERVER }), 'plan/previous-revision-scripts')).toEqual([]);
  });

  it('compares timeout, runas and sudo too', () => {
    const a = server({ ApplicationStop: [{ location: 's.sh', timeout: 10 }] });
    for (const b of [
      server({ ApplicationStop: [{ location: 's.sh', timeout: 20 }] }),
      server({ ApplicationStop: [{ location: 's.sh', timeout: 10, runas: 'x' }] }),
      server({ ApplicationStop: [{ location: 's.sh', timeout: 10, sudo: true }] }),
      server({ ApplicationStop: [{ location: 's.sh', timeout: 10 }, 't.sh'] }),
    ]) {
      expect(found(plan(a, { previousAppSpec: b }), 'plan/previous-revision-scripts')).toHaveLength(1);
    }
  });

  it('covers the failed revision of a blue/green rollback', () => {
    const failed = server({ BeforeBlockTraffic: ['new.sh'] });
    const current = server({ BeforeBlockTraffic: ['restored.sh'] });
    const p = plan(current, { deploymentType: 'blue-green', rollback: true, mostRecentAppSpec: failed });
    expect(found(p, 'plan/previous-revision-scripts')[0]?.data?.source).toBe('most-recent');
  });

  it('reports an ECS AppSpec never', () => {
    expect(found(plan(ecs([['BeforeInstall', 'f']])), 'plan/previous-revision-scripts')).toEqual([]);
  });
});

describe('plan/previous-appspec-unknown', () => {
  it('fires per step that needs the unknown revision', () => {
    const d = found(plan(FULL_SERVER, { loadBalancer: true }), 'plan/previous-appspec-unknown');
    expect(d.map((x) => x.data?.event)).toEqual(['ApplicationStop', 'BeforeBlockTraffic', 'AfterBlockTraffic']);
    expect(d[0]?.help).toContain('--previous');
  });

  it('is silent once the revision is given, or absent', () => {
    expect(found(plan(FULL_SERVER, { previousAppSpec: PREVIOUS_SERVER }), 'plan/previous-appspec-unknown')).toEqual([]);
    expect(found(plan(FULL_SERVER, { previousAppSpec: null }), 'plan/previous-appspec-unknown')).toEqual([]);
  });
});

describe('plan/rollback-runs-failed-revision', () => {
  it('fires for an in-place rollback only', () => {
    expect(
      found(
        plan(FULL_SERVER, { rollback: true, previousAppSpec: PREVIOUS_SERVER }),
        'plan/rollback-runs-failed-revision',
      ),
    ).toHaveLength(1);
    expect(
      found(plan(FULL_SERVER, { previousAppSpec: PREVIOUS_SERVER }), 'plan/rollback-runs-failed-revision'),
    ).toEqual([]);
    expect(
      found(plan(FULL_SERVER, { rollback: true, deploymentType: 'blue-green' }), 'plan/rollback-runs-failed-revision'),
    ).toEqual([]);
  });

  it('is silent when there was no previous revision', () => {
    expect(
      found(plan(FULL_SERVER, { rollback: true, firstDeployment: true }), 'plan/rollback-runs-failed-revision'),
    ).toEqual([]);
  });
});

describe('plan/traffic-hooks-without-lb', () => {
  it('fires for each traffic hook without a load balancer, at its key', () => {
    const app = server({ AfterInstall: ['a.sh'], AfterAllowTraffic: ['b.sh'] });
    const [d, ...rest] = found(plan(app, { previousAppSpec: null }), 'plan/traffic-hooks-without-lb');
    expect(rest).toEqual([]);
    expect(d?.range).toEqual(app.hookRanges.AfterAllowTraffic);
    expect(found(plan(app, { previousAppSpec: null }), 'plan/hook-never-runs')).toEqual([]);
  });

  it('is silent with a load balancer and in blue/green', () => {
    expect(found(plan(FULL_SERVER, { loadBalancer: true }), 'plan/traffic-hooks-without-lb')).toEqual([]);
    expect(found(plan(FULL_SERVER, { deploymentType: 'blue-green' }), 'plan/traffic-hooks-without-lb')).toEqual([]);
  });
});

describe('plan/test-traffic-hook-without-listener', () => {
  const app = ecs([['AfterAllowTestTraffic', 'T']]);
  it('fires without a test listener only', () => {
    expect(found(plan(app), 'plan/test-traffic-hook-without-listener')).toHaveLength(1);
    expect(found(plan(app, { testListener: true }), 'plan/test-traffic-hook-without-listener')).toEqual([]);
    expect(found(plan(ecs([['AfterInstall', 'T']])), 'plan/test-traffic-hook-without-listener')).toEqual([]);
  });
});

describe('plan/hook-never-runs', () => {
  it('names reserved, misspelled and ECS-only events of a server AppSpec', () => {
    const app = server({
      Install: ['a.sh'],
      AfterInstal: ['b.sh'],
      AfterAllowTestTraffic: ['c.sh'],
      Whatever: ['d.sh'],
    });
    const d = found(plan(app, { previousAppSpec: null, loadBalancer: true }), 'plan/hook-never-runs');
    expect(d.map((x) => x.data?.event)).toEqual(['Install', 'AfterInstal', 'AfterAllowTestTraffic', 'Whatever']);
    expect(d[0]?.message).toContain('reserved');
    expect(d[1]?.suggestions).toEqual(['AfterInstall']);
    expect(d[1]?.message).toContain('Did you mean AfterInstall?');
    expect(d[2]?.message).toContain('is an event of ECS, not of EC2/On-Premises');
    expect(d[3]?.suggestions).toBeUndefined();
    expect(d[0]?.range).toEqual(app.hookRanges.Install);
  });

  it('names server events in ECS and Lambda AppSpecs', () => {
    const e = found(
      plan(
        ecs([
          ['ApplicationStart', 'f'],
          ['AllowTraffic', 'g'],
        ]),
      ),
      'plan/hook-never-runs',
    );
    expect(e.map((x) => x.message)).toEqual([
      'The ApplicationStart hook never runs: ApplicationStart is an event of EC2/On-Premises, not of ECS.',
      'The AllowTraffic hook never runs: AllowTraffic is reserved: the agent or the service does its work, and no hook runs for it.',
    ]);
    const l = found(
      plan(
        lambda([
          ['AfterInstall', 'f'],
          ['BeforeAlowTraffic', 'g'],
        ]),
      ),
      'plan/hook-never-runs',
    );
    expect(l[0]?.message).toContain('is an event of EC2/On-Premises and ECS, not of Lambda');
    expect(l[1]?.suggestions).toEqual(['BeforeAllowTraffic']);
  });

  it('names the other kind of deployment for real events', () => {
    const p = plan(FULL_SERVER, { deploymentType: 'blue-green', rollback: true });
    expect(found(p, 'plan/hook-never-runs')[0]?.message).toContain('is not part of a blue/green rollback.');
    const role = plan(FULL_SERVER, { deploymentType: 'blue-green', instanceRole: 'original', previousAppSpec: null });
    expect(found(role, 'plan/hook-never-runs')[0]?.message).toContain(
      'on the original instances, the only ones planned',
    );
  });

  it('is silent for an ECS rollback', () => {
    expect(found(plan(ecs([['BeforeInstall', 'f']]), { rollback: true }), 'plan/hook-never-runs')).toEqual([]);
  });
});

describe('plan/event-budget-exceeded', () => {
  it('fires when the sum of timeouts passes 3600 s', () => {
    const app = server({
      AfterInstall: [
        { location: 'a.sh', timeout: 3000 },
        { location: 'b.sh', timeout: 601 },
      ],
    });
    const [d] = found(plan(app, { previousAppSpec: null }), 'plan/event-budget-exceeded');
    expect(d?.data).toMatchObject({ event: 'AfterInstall', uncappedSeconds: 3601, limitSeconds: 3600 });
    expect(d?.range).toEqual(app.hookRanges.AfterInstall);
  });

  it('is silent at exactly 3600 s and mentions the previous revision when its scripts are the long ones', () => {
    const ok = server({
      AfterInstall: [
        { location: 'a.sh', timeout: 3000 },
        { location: 'b.sh', timeout: 600 },
      ],
    });
    expect(found(plan(ok, { previousAppSpec: null }), 'plan/event-budget-exceeded')).toEqual([]);
    const old = server({ ApplicationStop: ['x.sh', 'y.sh'] });
    const [d] = found(plan(ok, { previousAppSpec: old }), 'plan/event-budget-exceeded');
    expect(d?.message).toContain('(scripts of the last successful revision)');
  });
});

describe('plan/exceeds-deployment-limit', () => {
  const long = server({ AfterInstall: [{ location: 'a.sh', timeout: 3600 }] });
  it('fires when batches × budget pass 8 hours in place', () => {
    expect(found(plan(long, { previousAppSpec: null, instanceCount: 8 }), 'plan/exceeds-deployment-limit')).toEqual([]);
    const [d] = found(plan(long, { previousAppSpec: null, instanceCount: 9 }), 'plan/exceeds-deployment-limit');
    expect(d?.data).toEqual({ deploymentWorstCaseSeconds: 9 * 3600, limitSeconds: 8 * 3600, batches: 9 });
  });

  it('fires when a Lambda shift takes more than 2880 minutes', () => {
    const app = lambda([['BeforeAllowTraffic', 'f']]);
    const slow = plan(app, { deploymentConfig: { kind: 'linear', percentage: 1, intervalMinutes: 30 } });
    expect(found(slow, 'plan/exceeds-deployment-limit')[0]?.data).toEqual({ shiftMinutes: 2970, limitMinutes: 2880 });
    const fine = plan(app, { deploymentConfig: { kind: 'linear', percentage: 1, intervalMinutes: 29 } });
    expect(found(fine, 'plan/exceeds-deployment-limit')).toEqual([]);
    expect(
      found(
        plan(ecs(), { deploymentConfig: { kind: 'linear', percentage: 1, intervalMinutes: 60 } }),
        'plan/exceeds-deployment-limit',
      ),
    ).toEqual([]);
  });
});

describe('plan/sequence-undocumented', () => {
  it('fires for ECS rollbacks only', () => {
    expect(found(plan(ecs(), { rollback: true }), 'plan/sequence-undocumented')).toHaveLength(1);
    expect(found(plan(ecs()), 'plan/sequence-undocumented')).toEqual([]);
  });
});

describe('plan/runas-ignored-windows', () => {
  it('points at each Windows script with runas or sudo', () => {
    const app = server(
      { AfterInstall: [{ location: 'a.ps1', runas: 'x' }, 'b.ps1', { location: 'c.ps1', sudo: true }] },
      'windows',
    );
    const d = found(plan(app, { previousAppSpec: null }), 'plan/runas-ignored-windows');
    expect(d.map((x) => x.range)).toEqual([app.hooks.AfterInstall?.[0]?.range, app.hooks.AfterInstall?.[2]?.range]);
    expect(d[1]?.message).toContain('sudo of c.ps1');
  });

  it('points at the current hook for previous-revision scripts, and is silent on Linux', () => {
    const app = server({ ApplicationStop: ['s.ps1'] }, 'windows');
    const old = server({ ApplicationStop: [{ location: 'old.ps1', runas: 'x', sudo: true }] }, 'windows');
    const [d] = found(plan(app, { previousAppSpec: old }), 'plan/runas-ignored-windows');
    expect(d?.range).toEqual(app.hookRanges.ApplicationStop);
    expect(d?.message).toContain('runas and sudo');
    expect(found(plan(old, { previousAppSpec: null, instanceOs: 'linux' }), 'plan/runas-ignored-windows')).toEqual([]);
  });
});

describe('plan/empty', () => {
  it('fires when no hook step runs', () => {
    const [d] = found(plan(server({}), { previousAppSpec: null }), 'plan/empty');
    expect(d?.severity).toBe('warning');
    expect(found(plan(lambda()), 'plan/empty')[0]?.message).toContain('No hook function runs');
    const misplaced = plan(server({ AfterAllowTraffic: ['a.sh'] }), { previousAppSpec: null });
    expect(misplaced.diagnostics.map((x) => x.ruleId).sort()).toEqual([
      'plan/empty',
      'plan/first-deployment-noop',
      'plan/traffic-hooks-without-lb',
    ]);
  });

  it('is silent when a hook runs, when the previous revision may run one, and for ECS rollbacks', () => {
    expect(found(plan(FULL_SERVER, { previousAppSpec: null }), 'plan/empty')).toEqual([]);
    expect(found(plan(server({}), {}), 'plan/empty')).toEqual([]);
    expect(found(plan(ecs(), { rollback: true }), 'plan/empty')).toEqual([]);
  });
});

describe('plan/config-unknown', () => {
  it('suggests predefined names of the platform', () => {
    const [d] = found(
      plan(FULL_SERVER, { previousAppSpec: null, deploymentConfig: 'CodeDeployDefault.HalfAtATme' }),
      'plan/config-unknown',
    );
    expect(d?.suggestions).toEqual(['CodeDeployDefault.HalfAtATime']);
    expect(d?.message).toContain('Did you mean CodeDeployDefault.HalfAtATime?');
    const lower = found(plan(lambda(), { deploymentConfig: 'lambdaallatonce' }), 'plan/config-unknown');
    expect(lower[0]?.suggestions).toEqual(['CodeDeployDefault.LambdaAllAtOnce']);
  });

  it('leaves out batches and traffic, and clips long names', () => {
    const p = plan(FULL_SERVER, { previousAppSpec: null, instanceCount: 3, deploymentConfig: 'x'.repeat(500) });
    expect(p.batches).toBeUndefined();
    expect(p.deploymentConfig).toBeUndefined();
    const [d] = found(p, 'plan/config-unknown');
    expect(d?.suggestions).toBeUndefined();
    expect(d?.message.length).toBeLessThan(200);
    expect(plan(ecs(), { deploymentConfig: 'MyOwnConfig' }).traffic).toBeUndefined();
  });
});

describe('plan/config-invalid', () => {
  it('rejects a configuration of another platform', () => {
    const [d] = found(plan(lambda(), { deploymentConfig: 'CodeDeployDefault.ECSAllAtOnce' }), 'plan/config-invalid');
    expect(d?.severity).toBe('error');
    expect(d?.message).toContain('ECS compute platform; this is a Lambda deployment');
    expect(d?.suggestions).toContain('CodeDeployDefault.LambdaAllAtOnce');
    expect(
      found(plan(FULL_SERVER, { previousAppSpec: null, deploymentConfig: 'LambdaAllAtOnce' }), 'plan/config-invalid')[0]
        ?.message,
    ).toContain('an EC2/On-Premises deployment');
  });

  it('rejects custom configurations that cannot apply', () => {
    const bad: [AppSpec, unknown, string][] = [
      [FULL_SERVER, { kind: 'canary', percentage: 10, intervalMinutes: 5 }, 'applies only to ECS and Lambda'],
      [lambda(), { kind: 'minimum-healthy-hosts', type: 'HOST_COUNT', value: 1 }, 'only to EC2/On-Premises'],
      [lambda(), { kind: 'linear', percentage: 0, intervalMinutes: 5 }, 'percentage'],
      [lambda(), { kind: 'canary', percentage: 10, intervalMinutes: 0.5 }, 'interval'],
      [FULL_SERVER, { kind: 'minimum-healthy-hosts', type: 'HOST_COUNT', value: -1 }, 'HOST_COUNT'],
      [FULL_SERVER, { kind: 'minimum-healthy-hosts', type: 'FLEET_PERCENT', value: 100 }, 'FLEET_PERCENT'],
      [FULL_SERVER, { kind: 'minimum-healthy-hosts', type: 'HOSTS', value: 1 }, 'type must be'],
      [FULL_SERVER, { kind: 'bluegreen' }, "kind must be 'canary'"],
      [FULL_SERVER, null, "kind must be 'canary'"],
    ];
    for (const [app, config, text] of bad) {
      const [d] = found(plan(app, { previousAppSpec: null, deploymentConfig: config as never }), 'plan/config-invalid');
      expect(d?.message).toContain(text);
    }
  });
});

describe('plan/platform-mismatch and plan/option-invalid', () => {
  it('report requested platforms and previous AppSpecs that do not fit', () => {
    expect(found(plan(lambda(), { platform: 'ecs' }), 'plan/platform-mismatch')).toHaveLength(1);
    expect(found(plan(lambda(), { platform: 'lambda' }), 'plan/platform-mismatch')).toEqual([]);
    const p = plan(FULL_SERVER, { deploymentType: 'blue-green', rollback: true, mostRecentAppSpec: lambda() });
    expect(found(p, 'plan/platform-mismatch')[0]?.message).toContain('most recent AppSpec');
  });

  it('report ignored options', () => {
    const [d] = found(plan(lambda(), { deploymentType: 'in-place' }), 'plan/option-invalid');
    expect(d?.message).toContain('Option deploymentType');
    expect(found(plan(FULL_SERVER, { previousAppSpec: null, instanceCount: 1.5 }), 'plan/option-invalid')).toHaveLength(
      1,
    );
    expect(found(plan(FULL_SERVER, { previousAppSpec: null, instanceCount: 1e9 }), 'plan/option-invalid')).toHaveLength(
      1,
    );
  });
});

describe('hostile sizes', () => {
  it('stays linear with many hooks', () => {
    const hooks = Array.from({ length: 20_000 }, (_, i) => [`Event${i}`, `fn${i}`] as const);
    const started = performance.now();
    const p = plan(ecs(hooks), { testListener: true });
    expect(found(p, 'plan/hook-never-runs')).toHaveLength(20_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

import { describe, expect, it } from 'vitest';
import { planDeployment } from '../../../src/appspec/plan/plan.js';
import { planToMermaid } from '../../../src/appspec/plan/mermaid.js';
import { EMPTY_PLAN, planOrEmpty } from '../../../src/appspec/plan/shape.js';
import { planToText } from '../../../src/appspec/plan/text.js';
import { ecs, FULL_SERVER, lambda, PREVIOUS_SERVER, server } from './fixtures.js';

describe('planToText', () => {
  it('prints a header, one row per step and continuation rows for more scripts', () => {
    const app = server({
      ApplicationStop: ['stop.sh'],
      AfterInstall: [
        { location: 'a.sh', timeout: 5 },
        { location: 'b.sh', runas: 'app', sudo: true },
      ],
    });
    const text = planToText(
      planDeployment(app, { previousAppSpec: PREVIOUS_SERVER, ignoreApplicationStopFailures: true }),
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('EC2/On-Premises in-place deployment, no load balancer');
    expect(lines[2]).toMatch(/^#\s+Target\s+Event\s+Source\s+Status\s+Budget\s+Scripts \/ functions$/);
    expect(lines[3]).toMatch(/^-+( +-+){6}$/);
    const stop = lines.find((l) => l.includes(' ApplicationStop ')) ?? '';
    expect(stop).toMatch(/last successful\s+runs \(failure ignored\)\s+30 s\s+bin\/stop-old\.sh \(30 s\)$/);
    const after = lines.findIndex((l) => l.includes(' AfterInstall '));
    expect(lines[after]).toContain('a.sh (5 s)');
    expect(lines[after + 1]?.trim()).toBe('b.sh (3600 s, as app, sudo)');
    expect(text).toContain('* reserved event');
    expect(text).toContain('Budget: 3630 s of hooks');
    expect(text).toContain('Configuration: CodeDeployDefault.OneAtATime');
    expect(text).toContain('Environment: LIFECYCLE_EVENT, DEPLOYMENT_ID');
  });

  it('lists findings unless asked not to', () => {
    const plan = planDeployment(FULL_SERVER, {});
    expect(planToText(plan)).toMatch(/\nFindings:\n {2}\d+:\d+ {2}warning {2}.+ {2}plan\/previous-appspec-unknown\n/);
    expect(planToText(plan, { diagnostics: false })).not.toContain('Findings:');
  });

  it('prints batches, worst case, traffic and no-op reasons', () => {
    const batches = planToText(
      planDeployment(FULL_SERVER, { previousAppSpec: null, instanceCount: 3, deploymentConfig: 'HalfAtATime' }),
    );
    expect(batches).toContain('Batches: 1, 1, 1');
    expect(batches).toContain('Worst case for the whole deployment:');
    expect(batches).toContain('no-op (first-deployment)');
    const many = planToText(
      planDeployment(FULL_SERVER, {
        previousAppSpec: null,
        instanceCount: 25,
        deploymentConfig: { kind: 'minimum-healthy-hosts', type: 'FLEET_PERCENT', value: 90 },
      }),
    );
    expect(many).toContain('Batches: 13 batches (12 × 2, 1 × 1 instances)');
    const traffic = planToText(
      planDeployment(ecs([['BeforeInstall', 'F']]), { deploymentConfig: 'ECSCanary10Percent15Minutes' }),
    );
    expect(traffic).toContain('Traffic: 10% at 0 min -> 100% at 15 min');
    expect(traffic).toContain('Amazon ECS blue/green deployment');
    expect(traffic).toContain('skipped (no-test-listener)');
    expect(traffic).not.toContain('Environment:');
  });

  it('marks rollbacks and keeps control characters out of the table', () => {
    const text = planToText(planDeployment(lambda([['BeforeAllowTraffic', 'evil\nname\u0007']]), { rollback: true }));
    expect(text.split('\n')[0]).toBe('AWS Lambda deployment (rollback)');
    expect(text).toContain('evil name\n');
    expect(text).not.toContain('\u0007');
  });

  it('says so when nothing could be planned', () => {
    const text = planToText(planDeployment('', { platform: 'ecs' }));
    expect(text).toContain('No steps: the AppSpec could not be read.');
  });
});

describe('planToText and planToMermaid of values that are not plans', () => {
  it('render an empty plan', () => {
    const text = planToText as (plan: unknown, options?: unknown) => string;
    const mermaid = planToMermaid as (plan: unknown) => string;
    const empty = text(EMPTY_PLAN);
    expect(empty).toContain('No steps');
    for (const v of [undefined, null, {}, 0, { kind: 'lambda', phases: [null] }, { ...EMPTY_PLAN, diagnostics: [1] }]) {
      expect(text(v)).toBe(empty);
      expect(text(v, null)).toBe(empty);
      expect(mermaid(v)).toBe(mermaid(EMPTY_PLAN));
    }
    expect(mermaid({})).toContain('No plan');
  });

  it('renders a real plan as before', () => {
    const plan = planDeployment(ecs([['BeforeInstall', 'f']]), {});
    expect(planOrEmpty(plan)).toBe(plan);
    expect(planToText(plan)).toContain('BeforeInstall');
  });
});

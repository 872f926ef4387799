/**
 * Keeps docs/planner.md honest: every generated block in it must equal what the planner and the
 * Mermaid formatter produce now. Regenerate with
 * `UPDATE_PLANNER_DOCS=1 npx vitest run test/appspec/plan/docs.test.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planToMermaid } from '../../../src/appspec/plan/mermaid.js';
import { planDeployment } from '../../../src/appspec/plan/plan.js';
import type { PlanOptions } from '../../../src/appspec/plan/types.js';

const DOC = new URL('../../../docs/planner.md', import.meta.url);

const SERVER = `version: 0.0
os: linux
files:
  - source: /
    destination: /srv/app
hooks:
  ApplicationStop:
    - location: scripts/stop.sh
      timeout: 60
  BeforeInstall:
    - location: scripts/clean.sh
  AfterInstall:
    - location: scripts/configure.sh
      timeout: 300
      runas: app
  ApplicationStart:
    - location: scripts/start.sh
      timeout: 120
  ValidateService:
    - location: scripts/health.sh
      timeout: 300
  BeforeBlockTraffic:
    - location: scripts/drain.sh
      timeout: 60
  AfterAllowTraffic:
    - location: scripts/smoke.sh
      timeout: 120
`;

const ECS = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: arn:aws:ecs:us-east-1:111122223333:task-definition/web:7
        LoadBalancerInfo:
          ContainerName: web
          ContainerPort: 8080
Hooks:
  - BeforeInstall: CheckMigrations
  - AfterAllowTestTraffic: RunIntegrationTests
  - AfterAllowTraffic: CheckErrorRates
`;

const LAMBDA = `version: 0.0
Resources:
  - api:
      Type: AWS::Lambda::Function
      Properties:
        Name: orders-api
        Alias: live
        CurrentVersion: 11
        TargetVersion: 12
Hooks:
  - BeforeAllowTraffic: PreTrafficCheck
  - AfterAllowTraffic: PostTrafficCheck
`;

interface Example {
  readonly id: string;
  readonly file: string;
  readonly text: string;
  readonly args: string;
  readonly options: PlanOptions;
}

const EXAMPLES: readonly Example[] = [
  {
    id: 'server-in-place',
    file: 'appspec.yml',
    text: SERVER,
    args: '--previous appspec.yml',
    options: { previousAppSpec: SERVER },
  },
  {
    id: 'server-in-place-lb',
    file: 'appspec.yml',
    text: SERVER,
    args: '--load-balancer --previous appspec.yml',
    options: { loadBalancer: true, previousAppSpec: SERVER },
  },
  { id: 'server-first', file: 'appspec.yml', text: SERVER, args: '--first', options: { firstDeployment: true } },
  {
    id: 'server-in-place-rollback',
    file: 'appspec.yml',
    text: SERVER,
    args: '--rollback --load-balancer --previous appspec.yml',
    options: { rollback: true, loadBalancer: true, previousAppSpec: SERVER },
  },
  {
    id: 'server-blue-green',
    file: 'appspec.yml',
    text: SERVER,
    args: '--type blue-green --previous appspec.yml',
    options: { deploymentType: 'blue-green', previousAppSpec: SERVER },
  },
  {
    id: 'server-blue-green-rollback',
    file: 'appspec.yml',
    text: SERVER,
    args: '--type blue-green --rollback --most-recent appspec.yml',
    options: { deploymentType: 'blue-green', rollback: true, mostRecentAppSpec: SERVER },
  },
  { id: 'ecs-test-listener', file: 'ecs.yaml', text: ECS, args: '--test-listener', options: { testListener: true } },
  { id: 'ecs', file: 'ecs.yaml', text: ECS, args: '', options: {} },
  { id: 'ecs-rollback', file: 'ecs.yaml', text: ECS, args: '--rollback', options: { rollback: true } },
  {
    id: 'lambda',
    file: 'lambda.yaml',
    text: LAMBDA,
    args: '--config CodeDeployDefault.LambdaCanary10Percent5Minutes',
    options: { deploymentConfig: 'CodeDeployDefault.LambdaCanary10Percent5Minutes' },
  },
];

const APPSPECS: Readonly<Record<string, string>> = { server: SERVER, ecs: ECS, lambda: LAMBDA };

function render(e: Example): string {
  const args = e.args ? ` ${e.args}` : '';
  const plan = planDeployment(e.text, e.options);
  return `\`iamspec plan ${e.file}${args} --format mermaid\`\n\n\`\`\`mermaid\n${planToMermaid(plan)}\`\`\``;
}

function renderAppSpec(text: string): string {
  return `\`\`\`yaml\n${text}\`\`\``;
}

const BLOCK = /<!-- BEGIN GENERATED ([a-z:-]+) -->\n([\s\S]*?)\n?<!-- END GENERATED \1 -->/g;

function expected(id: string): string | undefined {
  if (id.startsWith('appspec:')) {
    const text = APPSPECS[id.slice('appspec:'.length)];
    return text === undefined ? undefined : renderAppSpec(text);
  }
  const e = EXAMPLES.find((x) => `plan:${x.id}` === id);
  return e ? render(e) : undefined;
}

function blocks(doc: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of doc.matchAll(BLOCK)) out.set(m[1] as string, m[2] as string);
  return out;
}

if (process.env.UPDATE_PLANNER_DOCS) {
  const doc = readFileSync(DOC, 'utf8');
  writeFileSync(
    DOC,
    doc.replace(
      BLOCK,
      (_, id: string) => `<!-- BEGIN GENERATED ${id} -->\n${expected(id) ?? ''}\n<!-- END GENERATED ${id} -->`,
    ),
  );
}

describe('docs/planner.md', () => {
  const doc = readFileSync(DOC, 'utf8');
  const found = blocks(doc);

  it('has a generated diagram for every example and every AppSpec', () => {
    const ids = [...EXAMPLES.map((e) => `plan:${e.id}`), ...Object.keys(APPSPECS).map((k) => `appspec:${k}`)];
    expect([...found.keys()].sort()).toEqual(ids.sort());
  });

  for (const id of blocks(readFileSync(DOC, 'utf8')).keys()) {
    it(`block ${id} equals what the planner produces now`, () => {
      expect(found.get(id)).toBe(expected(id));
    });
  }

  it('plans every example without errors', () => {
    for (const e of EXAMPLES) {
      const plan = planDeployment(e.text, e.options);
      expect(plan.phases.length, e.id).toBeGreaterThan(0);
      expect(
        plan.diagnostics.filter((d) => d.severity === 'error' || d.ruleId === 'plan/appspec-invalid'),
        e.id,
      ).toEqual([]);
    }
  });
});

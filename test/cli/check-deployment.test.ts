import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/check-deployment.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { UsageError } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';
import { scenarioInput, SERVER_APPSPEC } from '../deploy/fixtures.js';
import { fakeIO } from './fake-io.js';

const EXAMPLE = 'examples/deployment';
const KMS = 'arn:aws:kms:us-east-1:111122223333:key/0f9e8d7c-6b5a-4c3d-2e1f-0a9b8c7d6e5f';

async function run(args: string[], files: Record<string, string> = {}) {
  // In-memory files first, then the repository's files (read-only).
  const io = fakeIO(files, { disk: true });
  const code = await runCli(['check-deployment', ...args], io);
  return { code, stdout: io.out, stderr: io.err };
}

/** The command of examples/deployment/README.md, without `npx iamspec`. */
const README_ARGS = [
  '--account',
  `${EXAMPLE}/authorization-details.json`,
  '--resources',
  `${EXAMPLE}/resources.json`,
  '--appspec',
  `${EXAMPLE}/appspec.yml`,
  '--service-role',
  'CodeDeployServiceRole',
  '--instance-profile',
  'web',
  '--bucket',
  'example-deployments',
  '--key',
  'web/app-1.4.2.zip',
  '--versioned',
  '--kms-key',
  KMS,
];

/** The example's account and resources with another AppSpec file and the example's service role. */
const withAppSpec = (appspec: string): string[] => [
  ...README_ARGS.slice(0, 4),
  '--appspec',
  appspec,
  '--service-role',
  'CodeDeployServiceRole',
];

/** A model file, a resources file, `a.yml` and the example's service role. */
const MODEL_ARGS = [
  '--account',
  'model.json',
  '--resources',
  'res.json',
  '--appspec',
  'a.yml',
  '--service-role',
  'CodeDeployServiceRole',
];

describe('iamspec check-deployment', () => {
  it('is registered', async () => {
    const load = COMMANDS['check-deployment'];
    expect(load).toBeDefined();
    expect((await (load as () => Promise<typeof command>)()).name).toBe('check-deployment');
  });

  it('the README command of examples/deployment reports READY with a checklist (exit 0)', async () => {
    const readme = await readFile(`${EXAMPLE}/README.md`, 'utf8');
    const cmd = readme.match(/npx iamspec check-deployment ([^`]+?)\n```/)?.[1] ?? '';
    expect(
      cmd
        .replace(/\\\n\s*/g, '')
        .split(/\s+/)
        .filter(Boolean),
    ).toEqual(README_ARGS);
    const r = await run(README_ARGS);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Deployment readiness (server, in-place): READY');
    expect(r.stdout).toContain('✓ Instance role web-app trusts ec2.amazonaws.com');
    expect(r.stdout).toContain(
      '✓ Instance role web-app may read versions of s3://example-deployments/web/app-1.4.2.zip',
    );
    expect(r.stdout).not.toContain('✗');
  });

  it('the blue/green variant of the example is NOT READY (exit 1) and prints each fix statement once', async () => {
    const r = await run([...README_ARGS, '--type', 'blue-green']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('NOT READY');
    expect(r.stdout).toContain('✗ Service role CodeDeployServiceRole may do what server deployments need');
    expect(r.stdout).toContain('error deploy/service-role-permission');
    expect(r.stdout).toContain('"ec2:RunInstances"');
    expect(r.stdout).toContain('fix: the statement above');
    expect(r.stdout).toContain('"iam:PassedToService": "ec2.amazonaws.com"');
  });

  it('prints AppSpec findings at the AppSpec file and line', async () => {
    const bad = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/a.sh\n      timeout: soon\n';
    const r = await run(withAppSpec('bad.yml'), { 'bad.yml': bad });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad\.yml:6:\d+: error deploy\/appspec-invalid: AppSpec: /);
    expect(r.stdout).toContain('- Instance profile (not given)');
    expect(r.stdout).toContain('warning deploy/instance-side-unchecked');
  });

  it('prints statement lines of IAM findings at their source', async () => {
    const details = {
      RoleDetailList: [
        {
          RoleName: 'svc',
          Path: '/',
          Arn: 'arn:aws:iam::111122223333:role/svc',
          AssumeRolePolicyDocument:
            '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole" }\n  ]\n}',
          RolePolicyList: [],
          AttachedManagedPolicies: [],
        },
      ],
    };
    const r = await run(['--account', 'd.json', '--appspec', 'a.yml', '--service-role', 'svc', '--github', 'o/r'], {
      'd.json': JSON.stringify(details),
      'a.yml': SERVER_APPSPEC,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('arn:aws:iam::111122223333:role/svc#trust:4:5: error deploy/service-role-trust');
    expect(r.stdout).not.toContain('note: the account model');
    const dangling = {
      ...details,
      RoleDetailList: [
        {
          ...details.RoleDetailList[0],
          AttachedManagedPolicies: [{ PolicyArn: 'arn:aws:iam::111122223333:policy/Gone' }],
        },
      ],
    };
    const r2 = await run(['--account', 'd.json', '--appspec', 'a.yml', '--service-role', 'svc'], {
      'd.json': JSON.stringify(dangling),
      'a.yml': SERVER_APPSPEC,
    });
    expect(r2.stdout).toMatch(/note: the account model has \d+ error\(s\); the first: /);
    expect(r.stdout).toContain('info deploy/revision-not-checked');
  });

  it('accepts a model JSON with "accounts" and merges --resources into it', async () => {
    const input = scenarioInput();
    const { resources, ...withoutResources } = input;
    const r = await run(
      [
        ...MODEL_ARGS,
        '--instance-profile',
        'web',
        '--bucket',
        'example-deployments',
        '--key',
        'web/x.zip',
        '--platform',
        'server',
        '--format',
        'json',
        '--load-balancer',
        '--config',
        'CodeDeployDefault.OneAtATime',
        '--region',
        'us-east-1',
      ],
      {
        'model.json': JSON.stringify(withoutResources),
        'res.json': JSON.stringify(resources),
        'a.yml': SERVER_APPSPEC,
      },
    );
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json.ready).toBe(true);
    expect(json.plan.kind).toBe('server-in-place-lb');
    expect(json.plan.deploymentConfig).toBe('CodeDeployDefault.OneAtATime');
    expect(json.checks.length).toBeGreaterThan(5);
    expect(r.code).toBe(0);
    const merged = await run(MODEL_ARGS, {
      'model.json': JSON.stringify(input),
      'res.json': JSON.stringify({ resources: [] }),
      'a.yml': SERVER_APPSPEC,
    });
    expect(merged.code).toBe(0);
  });

  it('writes SARIF with the deploy rules, AppSpec findings at the AppSpec file', async () => {
    const r = await run([
      ...README_ARGS,
      '--type',
      'blue-green',
      '--config',
      'CodeDeployDefault.ECSAllAtOnce',
      '--format',
      'sarif',
    ]);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const run0 = log.runs[0];
    const uris = new Set(
      run0.results.map(
        (x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          x.locations[0]?.physicalLocation.artifactLocation.uri,
      ),
    );
    expect(uris).toEqual(new Set([`${EXAMPLE}/appspec.yml`, `${EXAMPLE}/authorization-details.json`]));
    expect(run0.tool.driver.rules.map((x: { id: string }) => x.id)).toContain('deploy/service-role-permission');
    const perm = run0.results.find((x: { ruleId: string }) => x.ruleId === 'deploy/service-role-permission');
    expect(perm.locations[0].physicalLocation.region.startLine).toBe(1);
  });

  it('infers the platform from the AppSpec', async () => {
    const ecs = `version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: arn:aws:ecs:us-east-1:111122223333:task-definition/web:3\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 80\n`;
    const r = await run(withAppSpec('ecs.yml'), { 'ecs.yml': ecs });
    expect(r.stdout).toContain('Deployment readiness (ecs)');
    const unknown = await run(withAppSpec('x.yml'), { 'x.yml': '- a\n' });
    expect(unknown.stdout).toContain('(server, in-place)');
  });

  it('prints help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('usage: iamspec check-deployment');
  });

  const usage = ['--account', 'a', '--appspec', 'b', '--service-role', 'c'];
  it.each<[string[], string]>([
    [[], '--account is required'],
    [['--account', 'a'], '--appspec is required'],
    [['--account', 'a', '--appspec', 'b'], '--service-role is required'],
    [[...usage, '--format', 'xml'], '--format must be one of'],
    [[...usage, '--platform', 'vm'], '--platform must be one of'],
    [[...usage, '--bucket', 'b'], '--bucket and --key go together'],
    [[...usage, '--bucket', 'b', '--key', 'k', '--github', 'o/r'], 'not both'],
    [[...usage, '--versioned'], 'need --bucket'],
    [[...usage, '--nope'], 'nope'],
  ])('exits 2 on usage errors: %j', async (args, message) => {
    const r = await run(args);
    expect(r.code, args.join(' ')).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('throws a UsageError when run directly with bad usage', async () => {
    await expect(command.run(['--account'], fakeIO())).rejects.toBeInstanceOf(UsageError);
  });

  const inputs = {
    'a.yml': SERVER_APPSPEC,
    'bad.json': '{',
    'list.json': '[]',
    'obj.json': '{"x":1}',
    'str.json': '"text"',
  };
  const rest = ['--appspec', 'a.yml', '--service-role', 'svc'];
  it.each<[string[], string]>([
    [['--account', 'missing.json', ...rest], 'cannot read missing.json'],
    [['--account', 'bad.json', ...rest], 'bad.json is not JSON'],
    [['--account', 'obj.json', '--resources', 'missing.json', ...rest], 'cannot read missing.json'],
    [['--account', 'obj.json', '--resources', 'obj.json', ...rest], 'must be a list of resources'],
    [['--account', 'obj.json', '--appspec', 'nope.yml', '--service-role', 'svc'], 'cannot read nope.yml'],
    [['--account', 'obj.json', ...rest], 'obj.json is not a usable account'],
    [['--account', 'str.json', '--resources', 'list.json', ...rest], 'str.json is not a usable account'],
  ])('exits 2 on unreadable or unusable inputs: %j', async (args, message) => {
    const r = await run(args, inputs);
    expect(r.code, args.join(' ')).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

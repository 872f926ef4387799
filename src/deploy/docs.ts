/**
 * Renders docs/deployment-readiness.md from the service-role table and the rule metadata, so
 * the document cannot drift from the code (a test compares the committed file with this output).
 *
 * @module
 */
import type { Platform } from '../appspec/model.js';
import type { RuleMeta } from '../diagnostics/types.js';
import {
  type ManagedPolicySource,
  SERVICE_ROLE_ACTIONS,
  SERVICE_ROLE_POLICIES,
  type ServiceRoleAction,
} from './service-role-actions.js';

const TITLES: Readonly<Record<Platform, string>> = {
  server: 'EC2/On-Premises (`server`)',
  ecs: 'Amazon ECS (`ecs`)',
  lambda: 'AWS Lambda (`lambda`)',
};

const WHEN: Readonly<Record<ServiceRoleAction['when'], string>> = {
  always: 'always',
  'blue-green': 'blue/green',
  'load-balancer': 'load balancer',
  hooks: 'per hook function',
  's3-revision': 'S3 revision',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function policyLine(p: ManagedPolicySource): string {
  return `[\`${p.name}\`](${p.url}) ${p.version} (edited ${p.edited}), \`${p.arn}\``;
}

function table(platform: Platform): string[] {
  const lines = ['| Action | Resource checked | When | Needed | Why | From |', '| --- | --- | --- | --- | --- | --- |'];
  for (const row of SERVICE_ROLE_ACTIONS[platform]) {
    const context = row.context
      ? ` (${Object.entries(row.context)
          .map(([k, v]) => `\`${k}\` = \`${v}\``)
          .join(', ')})`
      : '';
    lines.push(
      `| \`${row.action}\` | \`${row.resource}\`${context} | ${WHEN[row.when]} | ${row.required ? 'required' : 'optional'} | ${cell(row.reason)} | ${row.source === 'user-guide' ? 'User Guide' : row.source} |`,
    );
  }
  return lines;
}

/** The full text of docs/deployment-readiness.md. */
export function renderDeploymentReadinessDocs(rules: readonly RuleMeta[]): string {
  const out: string[] = [
    '<!-- Generated from src/deploy/service-role-actions.ts and src/deploy/rules.ts by renderDeploymentReadinessDocs;',
    '     regenerate with `UPDATE_DEPLOY_DOCS=1 npx vitest run test/deploy/docs.test.ts`. -->',
    '',
    '# Deployment readiness',
    '',
    '`checkDeployment` (and `iamspec check-deployment`) answers one question: will CodeDeploy be able to deploy',
    'this AppSpec with this IAM setup? It composes the AppSpec linter, the lifecycle planner and the IAM account',
    'model:',
    '',
    '1. **AppSpec**: the file lints without errors for the platform of the deployment, and the lifecycle plan',
    '   (deployment type, load balancer, deployment configuration) has no error. Lint errors become',
    '   `deploy/appspec-invalid` and keep their AppSpec range; plan errors become `deploy/plan-blocked`, plan',
    '   warnings `deploy/plan-warning` (the original rule id is in `data.cause`). `plan/previous-appspec-unknown`',
    '   is left out: the check takes no previous AppSpec, so it would attach to every EC2 plan.',
    '2. **Instance side** (EC2/On-Premises): the instance profile exists and holds exactly one role; the role’s',
    '   trust policy lets `ec2.amazonaws.com` call `sts:AssumeRole`; a session of the role (as EC2 delivers it',
    '   through the profile) may `s3:GetObject` the revision object, `s3:GetObjectVersion` when the bucket is',
    '   versioned, and `kms:Decrypt` with the key of an SSE-KMS revision. Bucket policies and key policies',
    '   attached by ARN in the model take part; a key policy must allow explicitly. GitHub revisions are not',
    '   checked against S3.',
    '3. **Service side**: the service role exists, its trust policy lets `codedeploy.amazonaws.com` assume it',
    '   (with `aws:SourceAccount` set to the role’s account), and it may perform the actions below. On ECS and',
    '   Lambda the service role also reads the revision from S3.',
    '',
    'Every finding names the principal, the action and the resource (also in `data`), and the evaluator’s',
    'explanation: the deciding Deny statements with policy id and line, or that no statement allowed it, and the',
    'context keys the request lacked. Where it can, it suggests the statement that fixes it (`suggestions`).',
    'The deployment is ready when no finding is an error.',
    '',
    'With the scenario of examples/deployment (an account from `aws iam get-account-authorization-details`, the',
    'bucket and key policies by ARN, and an AppSpec):',
    '',
    '```sh',
    'npx iamspec check-deployment --account examples/deployment/authorization-details.json --resources examples/deployment/resources.json --appspec examples/deployment/appspec.yml --service-role CodeDeployServiceRole --instance-profile web --bucket example-deployments --key web/app-1.4.2.zip --versioned',
    'npx iamspec check-deployment --account examples/deployment/authorization-details.json --resources examples/deployment/resources.json --appspec examples/deployment/appspec.yml --service-role CodeDeployServiceRole --instance-profile web --bucket example-deployments --key web/app-1.4.2.zip --type blue-green --format json',
    '```',
    '',
    'Exit code 0 when ready, 1 when not, 2 for usage errors. `--format json` and `--format sarif` are available.',
    'The library call is the same check:',
    '',
    '```ts',
    "import { checkDeployment, createModel } from 'iamspec';",
    '',
    'const { model } = createModel({',
    '  accounts: [',
    '    {',
    "      id: '111122223333',",
    '      roles: [',
    '        {',
    "          name: 'CodeDeployServiceRole',",
    "          trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'codedeploy.amazonaws.com' }, Action: 'sts:AssumeRole' }] },",
    "          managedPolicies: ['arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole'],",
    '        },',
    '      ],',
    '    },',
    '  ],',
    '});',
    'if (model) {',
    "  const appSpec = 'version: 0.0\\nos: linux\\n';",
    "  const result = checkDeployment({ model, appSpec, deployment: { platform: 'server', serviceRole: 'CodeDeployServiceRole' } });",
    '  // result.ready is false here: the AWSCodeDeployRole policy is not in the model, so the',
    '  // permission checks fail; each finding says why and what to add.',
    "  const report = result.findings.map((f) => [f.ruleId, f.message, f.suggestions?.[0] ?? ''].join(' '));",
    "  const verdict = result.ready ? 'ready' : 'not ready';",
    '}',
    '```',
    '',
    '## What the service role needs',
    '',
    'The tables are derived from the AWS managed service-role policies, in the versions below (AWS Managed Policy',
    'Reference), and from the CodeDeploy User Guide (“Step 2: Create a service role for CodeDeploy”), which asks',
    'for `ec2:RunInstances`, `ec2:CreateTags` and `iam:PassRole` when the Auto Scaling group of a blue/green',
    'deployment uses a launch template. *Optional* actions are needed only with a feature the check cannot see',
    '(triggers, alarms, Auto Scaling groups, ECS task roles): a denial is a warning, not an error.',
    '',
  ];
  for (const platform of ['server', 'ecs', 'lambda'] as const)
    out.push(`- ${policyLine(SERVICE_ROLE_POLICIES[platform])}`);
  out.push(
    '',
    'Resources in braces are filled in per deployment: `{instanceRoleArn}` is the role of the instance profile,',
    '`{hookFunction}` each hook function of the AppSpec (`arn:aws:lambda:<region>:<account>:function:<name>`),',
    '`{lambdaAlias}` the alias of the Lambda AppSpec, `{revisionObject}` the S3 object of the revision. The region',
    'is the deployment’s `region`, else `*`. Each falls back to `*` when unknown.',
  );
  for (const platform of ['server', 'ecs', 'lambda'] as const) {
    out.push('', `### ${TITLES[platform]}`, '', ...table(platform));
  }
  out.push('', '## Findings', '', '| Rule | Severity | What it finds |', '| --- | --- | --- |');
  for (const r of rules) out.push(`| \`${r.id}\` | ${r.defaultSeverity} | ${cell(r.description)} |`);
  out.push('');
  return out.join('\n');
}

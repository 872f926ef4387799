import type { Platform } from '../../appspec/model.js';
import { inferPlatform } from '../../appspec/parse/index.js';
import { checkDeployment } from '../../deploy/check.js';
import { deploymentRules } from '../../deploy/rules.js';
import type { DeploymentInput, DeploymentReadiness, RevisionInput } from '../../deploy/types.js';
import { formatSarif } from '../../diagnostics/format/index.js';
import { START_RANGE } from '../../diagnostics/line-index.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { fromAuthorizationDetails } from '../../iam/model/details.js';
import { createModel } from '../../iam/model/model.js';
import type { CreateModelResult, ModelInput, ResourcePolicyInput } from '../../iam/model/types.js';
import { isJsonObject, jsonOutput, oneOf, parseFlags, printHelp, readJsonFile, readTextFile } from '../args.js';
import { type CliIO, type Command, UsageError } from '../io.js';

const USAGE =
  'iamspec check-deployment --account <details.json> [--resources <resources.json>] --appspec <appspec.yml> ' +
  '--service-role NAME [--instance-profile NAME] [--platform server|ecs|lambda] ' +
  '[--bucket B --key K [--versioned] [--kms-key ARN]] [--github owner/repo] [--type in-place|blue-green] ' +
  '[--load-balancer] [--config NAME] [--region R] [--format text|json|sarif]';

const HELP = `usage: ${USAGE}

Checks whether CodeDeploy can deploy <appspec.yml> with the IAM setup of an account: the AppSpec
lints clean and plans without blockers, the service role exists, trusts codedeploy.amazonaws.com
and has the permissions the platform needs, and (EC2) the instance profile holds one role that
trusts ec2.amazonaws.com and may read (and decrypt) the revision.

  --account FILE          output of 'aws iam get-account-authorization-details' (or a model JSON with "accounts")
  --resources FILE        resource policies by ARN: { "resources": [{ "arn", "policy", … }] } (bucket and key policies)
  --appspec FILE          the AppSpec file of the revision
  --service-role NAME     the CodeDeploy service role (name or ARN)
  --instance-profile NAME instance profile of the target instances (EC2/On-Premises)
  --platform P            server, ecs or lambda (default: from the AppSpec)
  --bucket B --key K      the revision in S3
  --versioned             the bucket is versioned (checks s3:GetObjectVersion)
  --kms-key ARN           the revision is encrypted with this KMS key (SSE-KMS)
  --github owner/repo     the revision comes from GitHub (no S3 checks)
  --type T                in-place (default) or blue-green
  --load-balancer         the deployment group has a load balancer
  --config NAME           deployment configuration, e.g. CodeDeployDefault.OneAtATime
  --region R              region of the deployment (used in Lambda ARNs)
  --format F              text (default), json or sarif

Exit codes: 0 ready, 1 not ready, 2 usage error or unreadable input.
`;

function parse(argv: readonly string[]) {
  return parseFlags(argv, {
    allowPositionals: false,
    strict: true,
    options: {
      account: { type: 'string' },
      resources: { type: 'string' },
      appspec: { type: 'string' },
      'service-role': { type: 'string' },
      'instance-profile': { type: 'string' },
      platform: { type: 'string' },
      bucket: { type: 'string' },
      key: { type: 'string' },
      versioned: { type: 'boolean' },
      'kms-key': { type: 'string' },
      github: { type: 'string' },
      type: { type: 'string' },
      'load-balancer': { type: 'boolean' },
      config: { type: 'string' },
      region: { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

type Values = ReturnType<typeof parse>['values'];

function revisionOf(values: Values): RevisionInput | undefined {
  const { bucket, key, github } = values;
  if (github !== undefined && (bucket !== undefined || key !== undefined)) {
    throw new UsageError('give either --bucket/--key or --github, not both');
  }
  if ((bucket === undefined) !== (key === undefined)) throw new UsageError('--bucket and --key go together');
  if (bucket === undefined && (values.versioned || values['kms-key'] !== undefined)) {
    throw new UsageError('--versioned and --kms-key need --bucket and --key');
  }
  if (github !== undefined) return { github: { repository: github } };
  if (bucket === undefined || key === undefined) return undefined;
  return {
    s3: {
      bucket,
      key,
      ...(values.versioned ? { versioned: true } : {}),
      ...(values['kms-key'] !== undefined ? { kmsKeyArn: values['kms-key'] } : {}),
    },
  };
}

function resourcesOf(value: unknown): ResourcePolicyInput[] | undefined {
  if (Array.isArray(value)) return value as ResourcePolicyInput[];
  if (isJsonObject(value) && Array.isArray(value.resources)) return value.resources as ResourcePolicyInput[];
  return undefined;
}

function buildModel(account: unknown, resources: ResourcePolicyInput[] | undefined): CreateModelResult {
  if (isJsonObject(account) && Array.isArray(account.accounts)) {
    const input = account as unknown as ModelInput;
    const all = [...(input.resources ?? []), ...(resources ?? [])];
    return createModel(all.length > 0 ? { ...input, resources: all } : input);
  }
  return fromAuthorizationDetails(isJsonObject(account) ? account : {}, resources ? { resources } : {});
}

const MARK = { pass: '✓', fail: '✗', warn: '!', skip: '-' } as const;

function location(d: Diagnostic, appspecPath: string): string {
  const source = typeof d.data?.source === 'string' ? d.data.source : '';
  if (source === 'appspec' || source === 'plan') {
    return `${appspecPath}:${d.range.start.line}:${d.range.start.column}`;
  }
  return d.range.start.offset > 0 ? `${source}:${d.range.start.line}:${d.range.start.column}` : source;
}

function textReport(
  r: DeploymentReadiness,
  appspecPath: string,
  d: DeploymentInput,
  modelProblems: readonly Diagnostic[],
): string {
  const kind = d.platform === 'server' ? `${d.platform}, ${d.deploymentType ?? 'in-place'}` : d.platform;
  const lines = [`Deployment readiness (${kind}): ${r.ready ? 'READY' : 'NOT READY'}`, ''];
  const first = modelProblems[0];
  if (first) {
    // Dangling references and unparsable policies can explain a surprising result below.
    lines.push(`  note: the account model has ${modelProblems.length} error(s); the first: ${first.message}`, '');
  }
  for (const c of r.checks) lines.push(`  ${MARK[c.status]} ${c.title}`);
  if (r.findings.length > 0) {
    lines.push('', 'Findings:');
    const shown = new Set<string>();
    for (const f of r.findings) {
      lines.push(`${location(f, appspecPath)}: ${f.severity} ${f.ruleId}: ${f.message}`);
      if (f.help) lines.push(`  help: ${f.help}`);
      for (const s of f.suggestions ?? []) {
        // Denied actions on one resource share one statement: print it once.
        if (shown.has(s)) {
          lines.push('  fix: the statement above');
          continue;
        }
        shown.add(s);
        lines.push('  fix:');
        for (const l of s.split('\n')) lines.push(`    ${l}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

function sarifReport(r: DeploymentReadiness, appspecPath: string, accountPath: string): string {
  const appspec: Diagnostic[] = [];
  const account: Diagnostic[] = [];
  for (const f of r.findings) {
    const source = f.data?.source;
    if (source === 'appspec' || source === 'plan') appspec.push(f);
    // Statement ranges point into a policy document, not into the account file.
    else account.push({ ...f, range: START_RANGE });
  }
  return formatSarif(
    [
      { path: appspecPath, diagnostics: appspec },
      { path: accountPath, diagnostics: account },
    ],
    { rules: deploymentRules },
  );
}

/** `iamspec check-deployment`: will CodeDeploy be able to deploy this AppSpec with this IAM setup? */
export const command: Command = {
  name: 'check-deployment',
  summary: 'Check that CodeDeploy can deploy an AppSpec with an account’s IAM roles and policies',
  usage: USAGE,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const { values } = parse(argv);
    if (values.help) return printHelp(io, HELP);
    const accountPath = values.account;
    const appspecPath = values.appspec;
    const serviceRole = values['service-role'];
    if (accountPath === undefined) throw new UsageError('--account is required');
    if (appspecPath === undefined) throw new UsageError('--appspec is required');
    if (serviceRole === undefined || serviceRole === '') throw new UsageError('--service-role is required');
    const format = oneOf('format', values.format, ['text', 'json', 'sarif'] as const) ?? 'text';
    const platformFlag = oneOf<Platform>('platform', values.platform, ['server', 'ecs', 'lambda']);
    const deploymentType = oneOf('type', values.type, ['in-place', 'blue-green'] as const);
    const revision = revisionOf(values);

    const fail = (message: string): number => {
      io.stderr(`iamspec check-deployment: ${message}\n`);
      return 2;
    };
    const account = await readJsonFile(io, accountPath);
    if ('error' in account) return fail(account.error);
    let resources: ResourcePolicyInput[] | undefined;
    if (values.resources !== undefined) {
      const read = await readJsonFile(io, values.resources);
      if ('error' in read) return fail(read.error);
      resources = resourcesOf(read.value);
      if (!resources) return fail(`${values.resources} must be a list of resources or { "resources": [...] }`);
    }
    const appspecRead = await readTextFile(io, appspecPath);
    if ('error' in appspecRead) return fail(appspecRead.error);
    const appspecText = appspecRead.text;
    const built = buildModel(account.value, resources);
    if (!built.model) {
      const first = built.diagnostics.find((d) => d.severity === 'error');
      return fail(`${accountPath} is not a usable account: ${first ? first.message : 'no accounts'}`);
    }

    const inferred = inferPlatform(appspecText);
    const platform: Platform =
      platformFlag ?? (inferred === 'server' || inferred === 'ecs' || inferred === 'lambda' ? inferred : 'server');
    const deployment: DeploymentInput = {
      platform,
      serviceRole,
      ...(values['instance-profile'] !== undefined ? { instanceProfile: values['instance-profile'] } : {}),
      ...(revision ? { revision } : {}),
      ...(deploymentType ? { deploymentType } : {}),
      ...(values['load-balancer'] ? { loadBalancer: true } : {}),
      ...(values.config !== undefined ? { deploymentConfig: values.config } : {}),
      ...(values.region !== undefined ? { region: values.region } : {}),
    };
    const result = checkDeployment({ model: built.model, appSpec: appspecText, deployment });
    if (format === 'json') {
      io.stdout(
        jsonOutput({ ready: result.ready, checks: result.checks, findings: result.findings, plan: result.plan }),
      );
    } else if (format === 'sarif') io.stdout(sarifReport(result, appspecPath, accountPath));
    else {
      const problems = built.diagnostics.filter((x) => x.severity === 'error');
      io.stdout(textReport(result, appspecPath, deployment, problems));
    }
    return result.ready ? 0 : 1;
  },
};

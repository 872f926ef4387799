import { planDeployment } from '../../appspec/plan/plan.js';
import { planToMermaid } from '../../appspec/plan/mermaid.js';
import { planToText } from '../../appspec/plan/text.js';
import type { DeploymentPlan, InstanceRole, PlanOptions, RevisionSource } from '../../appspec/plan/types.js';
import type { Platform } from '../../appspec/model.js';
import { hasErrors } from '../../diagnostics/rules.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { diagnosticLine, jsonOutput, oneOf, parseFlags, printHelp, readTextFile, wholeNumberFlag } from '../args.js';
import { type CliIO, type Command, UsageError } from '../io.js';

const USAGE =
  'iamspec plan <appspec> [--type in-place|blue-green] [--load-balancer] [--rollback] [--first] [--instances N] ' +
  '[--config NAME] [--test-listener] [--platform server|ecs|lambda] [--previous <appspec file>] ' +
  '[--most-recent <appspec file>] [--role replacement|original|both] [--os linux|windows] ' +
  '[--source s3|s3-versioned|github|local] [--ignore-stop-failures] [--format text|json|mermaid]';

const HELP = `usage: ${USAGE}

Plans the lifecycle events of a CodeDeploy deployment of <appspec>: the order of the events, which
revision's scripts (or which functions) each one runs, time budgets, batches and traffic shifts.

  --type T               in-place (default) or blue-green; EC2/On-Premises only
  --load-balancer        the in-place deployment group has a load balancer (adds the traffic events)
  --rollback             plan the rollback deployment
  --first                first deployment to the instances: no previous revision
  --instances N          number of instances: prints the batches of the configuration
  --config NAME          deployment configuration, e.g. CodeDeployDefault.HalfAtATime
  --test-listener        the ECS deployment group has a test listener
  --platform P           server, ecs or lambda (default: from the file)
  --previous FILE        AppSpec of the last successful revision on the instances
  --most-recent FILE     AppSpec of the most recently downloaded revision (blue/green rollback)
  --role R               blue/green instances to plan: replacement, original or both (default)
  --os OS                instance OS: linux or windows (default: the AppSpec's os)
  --source S             revision source for the BUNDLE_* variables: s3, s3-versioned, github, local
  --ignore-stop-failures the deployment ignores ApplicationStop failures
  --format F             text (default), json or mermaid

Exit codes: 0 planned, 1 the plan has errors, 2 usage error or unreadable file.
`;

async function readText(io: CliIO, path: string): Promise<string | undefined> {
  const read = await readTextFile(io, path);
  if ('text' in read) return read.text;
  io.stderr(`iamspec plan: ${read.error}\n`);
  return undefined;
}

function diagnosticLines(path: string, diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${diagnosticLine(path, d)}\n`).join('');
}

/** `iamspec plan`: the lifecycle plan of a deployment, as a table, JSON or a Mermaid flowchart. */
export const command: Command = {
  name: 'plan',
  summary: 'Plan the lifecycle events, scripts and time budget of a CodeDeploy deployment',
  usage: USAGE,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const { values, positionals } = parse(argv);
    if (values.help) return printHelp(io, HELP);
    if (positionals.length !== 1) throw new UsageError('give exactly one AppSpec file');
    const format = oneOf('format', values.format, ['text', 'json', 'mermaid'] as const) ?? 'text';
    const deploymentType = oneOf('type', values.type, ['in-place', 'blue-green'] as const);
    const platform = oneOf<Platform>('platform', values.platform, ['server', 'ecs', 'lambda']);
    const instanceRole = oneOf<InstanceRole>('role', values.role, ['replacement', 'original', 'both']);
    const instanceOs = oneOf('os', values.os, ['linux', 'windows'] as const);
    const revisionSource = oneOf<RevisionSource>('source', values.source, ['s3', 's3-versioned', 'github', 'local']);
    const instanceCount = wholeNumberFlag('instances', values.instances, { min: 1, maxDigits: 9 });

    const path = positionals[0] as string;
    const text = await readText(io, path);
    if (text === undefined) return 2;
    let previousAppSpec: string | undefined;
    if (values.previous !== undefined) {
      previousAppSpec = await readText(io, values.previous);
      if (previousAppSpec === undefined) return 2;
    }
    let mostRecentAppSpec: string | undefined;
    if (values['most-recent'] !== undefined) {
      mostRecentAppSpec = await readText(io, values['most-recent']);
      if (mostRecentAppSpec === undefined) return 2;
    }

    const options: PlanOptions = {
      ...(platform ? { platform } : {}),
      ...(deploymentType ? { deploymentType } : {}),
      ...(values['load-balancer'] ? { loadBalancer: true } : {}),
      ...(values.rollback ? { rollback: true } : {}),
      ...(values.first ? { firstDeployment: true } : {}),
      ...(values['test-listener'] ? { testListener: true } : {}),
      ...(previousAppSpec !== undefined ? { previousAppSpec } : {}),
      ...(mostRecentAppSpec !== undefined ? { mostRecentAppSpec } : {}),
      ...(values.config !== undefined ? { deploymentConfig: values.config } : {}),
      ...(instanceCount !== undefined ? { instanceCount } : {}),
      ...(instanceRole ? { instanceRole } : {}),
      ...(instanceOs ? { instanceOs } : {}),
      ...(revisionSource ? { revisionSource } : {}),
      ...(values['ignore-stop-failures'] ? { ignoreApplicationStopFailures: true } : {}),
    };
    const plan: DeploymentPlan = planDeployment(text, options);
    if (format === 'json') io.stdout(jsonOutput(plan));
    else if (format === 'mermaid') {
      io.stdout(planToMermaid(plan));
      io.stderr(diagnosticLines(path, plan.diagnostics));
    } else {
      io.stdout(planToText(plan, { diagnostics: false }));
      if (plan.diagnostics.length > 0) io.stdout(`\n${diagnosticLines(path, plan.diagnostics)}`);
    }
    return hasErrors(plan.diagnostics) ? 1 : 0;
  },
};

function parse(argv: readonly string[]) {
  return parseFlags(argv, {
    allowPositionals: true,
    strict: true,
    options: {
      type: { type: 'string' },
      'load-balancer': { type: 'boolean' },
      rollback: { type: 'boolean' },
      first: { type: 'boolean' },
      instances: { type: 'string' },
      config: { type: 'string' },
      'test-listener': { type: 'boolean' },
      platform: { type: 'string' },
      previous: { type: 'string' },
      'most-recent': { type: 'string' },
      role: { type: 'string' },
      os: { type: 'string' },
      source: { type: 'string' },
      'ignore-stop-failures': { type: 'boolean' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

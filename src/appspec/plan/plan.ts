/**
 * The lifecycle planner (spec §6): which events run in which order, which revision's scripts or
 * which functions they run, how long they may take, and how the deployment configuration splits
 * the instances or shifts the traffic.
 *
 * @module
 */
import { lintAppSpec } from '../lint.js';
import type { AppSpec, Ec2Script, Platform } from '../model.js';
import { batchSizes, MAX_INSTANCE_COUNT, resolveConfig, trafficSchedule } from './configs.js';
import type { InputRole, NoPreviousCause, OptionIssue, PlanContext, PlanInput, StepInfo } from './context.js';
import { environmentVariables, stepEnvironment } from './environment.js';
import { type LintFunction, readInput } from './inputs.js';
import { runPlanRules } from './rules.js';
import { EC2_PREVIOUS_REVISION_EVENTS, ec2ScriptSource, isReservedEvent, sequenceFor } from './sequences.js';
import type {
  DeploymentPlan,
  DeploymentType,
  InstanceRole,
  Phase,
  PhaseTarget,
  PlannedScript,
  PlanKind,
  PlanOptions,
  RevisionSource,
  Step,
} from './types.js';

/** Every lifecycle event fails after one hour. */
export const EVENT_LIMIT_SECONDS = 3600;

const PLATFORMS: readonly string[] = ['server', 'ecs', 'lambda'];
const DEPLOYMENT_TYPES: readonly string[] = ['in-place', 'blue-green'];
const ROLES: readonly string[] = ['replacement', 'original', 'both'];
const REVISION_SOURCES: readonly string[] = ['s3', 's3-versioned', 'github', 'local'];

/** A previous-revision input: a usable model, none (`null`), or not known. */
type Previous =
  | { readonly kind: 'model'; readonly appSpec: AppSpec }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown' };

/** The display command the agent runs for a script (spec §6.4). */
export function scriptCommand(script: Ec2Script, os: 'linux' | 'windows'): string {
  const path = `{bundle}/${script.location}`;
  if (os === 'windows') {
    return script.location.toLowerCase().endsWith('.ps1')
      ? `powershell.exe -ExecutionPolicy Bypass -File ${path}`
      : path;
  }
  let command = script.runas !== null ? `su ${script.runas} -c ${path}`.replace('su  -c', 'su -c') : path;
  if (script.sudo) command = `sudo ${command}`;
  return command;
}

function plannedScript(script: Ec2Script, os: 'linux' | 'windows'): PlannedScript {
  const keepUser = os === 'linux';
  return Object.freeze({
    location: script.location,
    timeout: script.timeoutSeconds,
    timeoutExplicit: script.timeoutExplicit,
    ...(keepUser && script.runas !== null ? { runas: script.runas } : {}),
    sudo: keepUser && script.sudo,
    command: scriptCommand(script, os),
  });
}

function kindOf(platform: Platform, type: DeploymentType, loadBalancer: boolean, rollback: boolean): PlanKind {
  if (platform === 'lambda') return 'lambda';
  if (platform === 'ecs') return rollback ? 'ecs-rollback' : 'ecs-blue-green';
  if (type === 'blue-green') return rollback ? 'server-blue-green-rollback' : 'server-blue-green';
  return loadBalancer ? 'server-in-place-lb' : 'server-in-place';
}

function readPrevious(
  value: AppSpec | string | null | undefined,
  role: InputRole,
  lint: LintFunction,
  instanceOs: 'linux' | 'windows' | undefined,
  inputs: PlanInput[],
): Previous {
  if (value === undefined) return { kind: 'unknown' };
  if (value === null) return { kind: 'none' };
  const input = readInput(value, role, lint, { platform: 'server', ...(instanceOs ? { instanceOs } : {}) }, 'server');
  inputs.push(input);
  return input.appSpec ? { kind: 'model', appSpec: input.appSpec } : { kind: 'unknown' };
}

/** Plans a deployment with `lint` reading text inputs. {@link planDeployment} passes the real linter. */
export function planWith(appSpec: AppSpec | string, options: PlanOptions, lint: LintFunction): DeploymentPlan {
  const issues: OptionIssue[] = [];
  const requested =
    options.platform !== undefined && PLATFORMS.includes(options.platform) ? options.platform : undefined;
  if (options.platform !== undefined && requested === undefined) {
    issues.push({ option: 'platform', message: "must be 'server', 'ecs' or 'lambda'; ignored." });
  }
  const osOption = options.instanceOs === 'linux' || options.instanceOs === 'windows' ? options.instanceOs : undefined;
  const current = readInput(appSpec, 'current', lint, {
    ...(requested ? { platform: requested } : {}),
    ...(osOption ? { instanceOs: osOption } : {}),
  });
  const inputs: PlanInput[] = [current];
  const model = current.appSpec;
  const platform: Platform = model?.platform ?? requested ?? 'server';
  const rollback = options.rollback === true;

  let deploymentType: DeploymentType = 'in-place';
  if (options.deploymentType !== undefined && !DEPLOYMENT_TYPES.includes(options.deploymentType)) {
    issues.push({ option: 'deploymentType', message: "must be 'in-place' or 'blue-green'; ignored." });
  } else if (platform !== 'server') {
    deploymentType = 'blue-green';
    if (options.deploymentType === 'in-place') {
      issues.push({
        option: 'deploymentType',
        message: 'ECS and Lambda deployments always shift traffic (blue/green); in-place is ignored.',
      });
    }
  } else if (options.deploymentType !== undefined) deploymentType = options.deploymentType;

  const blueGreen = deploymentType === 'blue-green';
  if (platform === 'server' && blueGreen && options.loadBalancer === false) {
    issues.push({
      option: 'loadBalancer',
      message: 'a blue/green deployment always uses a load balancer; false is ignored.',
    });
  }
  const loadBalancer = blueGreen || options.loadBalancer === true;
  let instanceRole: InstanceRole = 'both';
  if (options.instanceRole !== undefined) {
    if (ROLES.includes(options.instanceRole)) instanceRole = options.instanceRole;
    else issues.push({ option: 'instanceRole', message: "must be 'replacement', 'original' or 'both'; ignored." });
  }
  let revisionSource: RevisionSource | undefined;
  if (options.revisionSource !== undefined) {
    if (REVISION_SOURCES.includes(options.revisionSource)) revisionSource = options.revisionSource;
    else
      issues.push({ option: 'revisionSource', message: "must be 's3', 's3-versioned', 'github' or 'local'; ignored." });
  }
  if (options.instanceOs !== undefined && osOption === undefined) {
    issues.push({ option: 'instanceOs', message: "must be 'linux' or 'windows'; ignored." });
  }
  let instanceCount: number | undefined;
  if (options.instanceCount !== undefined && platform === 'server') {
    const n = options.instanceCount;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_INSTANCE_COUNT) instanceCount = n;
    else {
      issues.push({
        option: 'instanceCount',
        message: `must be an integer from 1 to ${MAX_INSTANCE_COUNT}; no batches are planned.`,
      });
    }
  }
  const os: 'linux' | 'windows' =
    osOption ?? (model?.platform === 'server' && model.os === 'windows' ? 'windows' : 'linux');
  const testListener = options.testListener === true;
  const kind = kindOf(platform, deploymentType, loadBalancer, rollback);
  const bgRollback = kind === 'server-blue-green-rollback';

  let previous: Previous = { kind: 'unknown' };
  let mostRecent: Previous = { kind: 'unknown' };
  if (platform === 'server') {
    previous = readPrevious(options.previousAppSpec, 'previous', lint, osOption, inputs);
    if (bgRollback) {
      mostRecent = readPrevious(options.mostRecentAppSpec, 'most-recent', lint, osOption, inputs);
      // The original instances' last successful revision is the one a blue/green rollback restores.
      if (options.previousAppSpec === undefined && model) previous = { kind: 'model', appSpec: model };
    }
  }

  const steps: StepInfo[] = [];
  const phases: Phase[] = [];
  if (model) {
    const sequence = sequenceFor({ platform, deploymentType, loadBalancer, rollback, instanceRole });
    const boundaries = options.includeBoundaryEvents !== false;
    sequence.forEach((phase, i) => {
      const infos: StepInfo[] = phase.events.map((event) =>
        planStep(event, phase.target, {
          model,
          os,
          testListener,
          rollback,
          bgRollback,
          firstDeployment: options.firstDeployment === true,
          ignoreStopFailures: options.ignoreApplicationStopFailures === true,
          revisionSource,
          previous,
          mostRecent,
        }),
      );
      if (boundaries && i === 0) infos.unshift(reservedStep('Start', phase.target));
      if (boundaries && i === sequence.length - 1) infos.push(reservedStep('End', phase.target));
      steps.push(...infos);
      phases.push(Object.freeze({ target: phase.target, steps: Object.freeze(infos.map((s) => s.step)) }));
    });
  }

  const budgetSeconds = steps.reduce((sum, s) => sum + s.step.budgetSeconds, 0);
  const config = resolveConfig(options.deploymentConfig, platform);
  const batches =
    platform === 'server' && instanceCount !== undefined && config.config
      ? Object.freeze(batchSizes(config.config, instanceCount))
      : undefined;
  const traffic =
    platform !== 'server' && kind !== 'ecs-rollback' && config.config
      ? Object.freeze(trafficSchedule(config.config))
      : undefined;
  const deploymentWorstCaseSeconds =
    platform === 'server' && deploymentType === 'in-place' ? budgetSeconds * (batches?.length ?? 1) : budgetSeconds;

  const ctx: PlanContext = {
    platform,
    kind,
    rollback,
    deploymentType,
    loadBalancer,
    testListener,
    instanceRole,
    os,
    current: model,
    inputs,
    ...(requested !== undefined && model && requested !== model.platform ? { requestedPlatform: requested } : {}),
    phases,
    steps,
    config,
    optionIssues: issues,
    budgetSeconds,
    ...(batches ? { batches } : {}),
    deploymentWorstCaseSeconds,
    ...(traffic ? { traffic } : {}),
  };
  const diagnostics = runPlanRules(ctx, options.rules);
  return Object.freeze({
    kind,
    platform,
    rollback,
    phases: Object.freeze(phases),
    diagnostics: Object.freeze(diagnostics),
    budgetSeconds,
    deploymentWorstCaseSeconds,
    ...(config.name !== undefined ? { deploymentConfig: config.name } : {}),
    ...(batches ? { batches } : {}),
    ...(traffic ? { traffic } : {}),
    environment: Object.freeze(platform === 'server' ? environmentVariables(revisionSource) : []),
  });
}

interface StepInputs {
  readonly model: AppSpec;
  readonly os: 'linux' | 'windows';
  readonly testListener: boolean;
  readonly rollback: boolean;
  readonly bgRollback: boolean;
  readonly firstDeployment: boolean;
  readonly ignoreStopFailures: boolean;
  readonly revisionSource: RevisionSource | undefined;
  readonly previous: Previous;
  readonly mostRecent: Previous;
}

function reservedStep(event: string, target: PhaseTarget, noTestListener = false): StepInfo {
  const step: Step = {
    event,
    reserved: true,
    source: 'none',
    status: noTestListener ? 'no-op' : 'runs',
    ...(noTestListener ? { statusReason: 'no-test-listener' as const } : {}),
    budgetSeconds: 0,
    limitSeconds: EVENT_LIMIT_SECONDS,
  };
  return { target, step: Object.freeze(step) };
}

function planStep(event: string, target: PhaseTarget, inp: StepInputs): StepInfo {
  if (isReservedEvent(event)) {
    return reservedStep(event, target, event === 'AllowTestTraffic' && !inp.testListener);
  }
  const model = inp.model;
  if (model.platform !== 'server') {
    const skipped = event === 'AfterAllowTestTraffic' && !inp.testListener;
    const fn = model.hooks.find((h) => h.event === event)?.functionName ?? null;
    const usable = fn !== null && fn.trim() !== '' && !skipped;
    const step: Step = {
      event,
      reserved: false,
      source: 'current',
      status: skipped ? 'skipped' : usable ? 'runs' : 'no-op',
      ...(skipped
        ? { statusReason: 'no-test-listener' as const }
        : usable
          ? {}
          : { statusReason: 'no-function' as const }),
      functions: Object.freeze(usable ? [fn] : []),
      budgetSeconds: usable ? EVENT_LIMIT_SECONDS : 0,
      limitSeconds: EVENT_LIMIT_SECONDS,
      ...(model.platform === 'ecs' ? { canTriggerRollback: event !== 'BeforeInstall' } : {}),
    };
    return { target, step: Object.freeze(step), origin: 'current' };
  }

  let source = ec2ScriptSource(event, inp.bgRollback);
  const common = {
    event,
    reserved: false,
    limitSeconds: EVENT_LIMIT_SECONDS,
    env: Object.freeze(stepEnvironment(event, inp.revisionSource)),
    ...(inp.ignoreStopFailures && EC2_PREVIOUS_REVISION_EVENTS.includes(event) ? { failureIgnored: true } : {}),
  } as const;
  let from: AppSpec | undefined = model;
  let origin: InputRole = 'current';
  if (source !== 'current') {
    const prev = source === 'most-recent' ? inp.mostRecent : inp.previous;
    origin = source === 'most-recent' ? 'most-recent' : 'previous';
    let cause: NoPreviousCause | undefined;
    if (target === 'replacement' && !inp.rollback) cause = 'fresh-instance';
    else if (inp.firstDeployment) cause = 'first-deployment';
    else if (prev.kind === 'none') cause = 'none-given';
    if (cause) {
      source = 'none';
      const step: Step = {
        ...common,
        source,
        status: 'no-op',
        statusReason: 'first-deployment',
        scripts: Object.freeze([]),
        budgetSeconds: 0,
        uncappedSeconds: 0,
      };
      return { target, step: Object.freeze(step), noPreviousCause: cause };
    }
    if (prev.kind !== 'model') {
      const step: Step = {
        ...common,
        source,
        status: 'no-op',
        statusReason: 'previous-appspec-unknown',
        scripts: Object.freeze([]),
        budgetSeconds: 0,
        uncappedSeconds: 0,
      };
      return { target, step: Object.freeze(step) };
    }
    from = prev.appSpec;
  }
  const raw: readonly Ec2Script[] =
    from.platform === 'server' && Object.hasOwn(from.hooks, event) ? (from.hooks[event] as readonly Ec2Script[]) : [];
  const uncapped = raw.reduce((sum, s) => sum + s.timeoutSeconds, 0);
  const step: Step = {
    ...common,
    source,
    status: raw.length > 0 ? 'runs' : 'no-op',
    ...(raw.length > 0 ? {} : { statusReason: 'no-scripts' as const }),
    scripts: Object.freeze(raw.map((s) => plannedScript(s, inp.os))),
    budgetSeconds: Math.min(uncapped, EVENT_LIMIT_SECONDS),
    uncappedSeconds: uncapped,
  };
  return { target, step: Object.freeze(step), origin, rawScripts: raw };
}

/**
 * Plans the lifecycle of a CodeDeploy deployment of `appSpec` (an AppSpec model, or its text,
 * which is linted first): ordered phases and steps, the scripts or functions each step runs and
 * from which revision, time budgets, batches or traffic shifts, and `plan/*` diagnostics.
 * Never throws for bad input.
 */
export function planDeployment(appSpec: AppSpec | string, options: PlanOptions = {}): DeploymentPlan {
  return planWith(appSpec, options ?? {}, lintAppSpec);
}

/**
 * `checkDeployment`: will CodeDeploy be able to deploy this AppSpec with this IAM setup? Composes
 * the AppSpec linter, the lifecycle planner and the IAM account model into one checklist.
 *
 * @module
 */
import { lintAppSpec } from '../appspec/lint.js';
import type { AppSpec, Platform } from '../appspec/model.js';
import { planDeployment } from '../appspec/plan/plan.js';
import { EMPTY_PLAN } from '../appspec/plan/shape.js';
import type { DeploymentPlan, PlanOptions, RevisionSource } from '../appspec/plan/types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { suggestNames } from '../diagnostics/suggest.js';
import type { EvaluationResult, RequestContext } from '../iam/evaluate/types.js';
import { splitArn } from '../iam/policy/arn.js';
import type { IamModel, ModelInstanceProfile, ModelRole, PrincipalRef } from '../iam/model/types.js';
import {
  accessFinding,
  allowStatement,
  keyPolicyStatement,
  plainFinding,
  resourcePolicyStatement,
  statementText,
  trustStatement,
} from './explain.js';
import { SERVICE_ROLE_POLICIES, type ServiceRoleAction, serviceRoleActionsFor } from './service-role-actions.js';
import type {
  CheckDeploymentInput,
  CheckStatus,
  DeploymentCheck,
  DeploymentInput,
  DeploymentReadiness,
  RevisionInput,
  S3RevisionInput,
} from './types.js';

const EC2_SERVICE = 'ec2.amazonaws.com';
const CODEDEPLOY_SERVICE = 'codedeploy.amazonaws.com';
const PLATFORMS: readonly string[] = ['server', 'ecs', 'lambda'];
const MAX_HOOK_CHECKS = 50;

/** Collects findings and the checklist as the checks run. */
class Checklist {
  readonly findings: Diagnostic[] = [];
  readonly checks: DeploymentCheck[] = [];

  /** Records one check with the findings it produced. */
  add(id: string, title: string, findings: readonly Diagnostic[]): void {
    this.findings.push(...findings);
    const status: CheckStatus = findings.some((f) => f.severity === 'error')
      ? 'fail'
      : findings.some((f) => f.severity === 'warning')
        ? 'warn'
        : 'pass';
    this.checks.push(
      Object.freeze({ id, title, status, ruleIds: Object.freeze([...new Set(findings.map((f) => f.ruleId))]) }),
    );
  }

  /** Records a check that could not run, with an optional note. */
  skip(id: string, title: string, notes: readonly Diagnostic[] = []): void {
    this.findings.push(...notes);
    this.checks.push(Object.freeze({ id, title, status: 'skip', ruleIds: Object.freeze(notes.map((n) => n.ruleId)) }));
  }
}

type Found<T> = { readonly hit: T } | { readonly problem: string; readonly suggestions: readonly string[] };

/** Finds a role or instance profile by ARN, else by name (case-insensitive, like IAM). */
function findEntity<T extends { readonly arn: string; readonly name: string }>(
  list: readonly T[],
  ref: string,
  what: string,
): Found<T> {
  if (ref === '') return { problem: `No ${what} was given`, suggestions: [] };
  if (ref.startsWith('arn:')) {
    const exact = list.find((e) => e.arn === ref);
    if (exact) return { hit: exact };
    const parts = splitArn(ref);
    const name = parts ? parts.resource.slice(parts.resource.lastIndexOf('/') + 1).toLowerCase() : '';
    const alt = list.find(
      (e) => e.name.toLowerCase() === name && parts !== null && e.arn.includes(`::${parts.account}:`),
    );
    if (alt) return { hit: alt };
    return {
      problem: `No ${what} ${ref} in the account model`,
      suggestions: suggestNames(
        ref,
        list.map((e) => e.arn),
      ),
    };
  }
  const lower = ref.toLowerCase();
  const hits = list.filter((e) => e.name.toLowerCase() === lower);
  if (hits.length === 1) return { hit: hits[0] as T };
  if (hits.length > 1) {
    return {
      problem: `Several accounts have a ${what} named ${ref}; give its ARN`,
      suggestions: hits.map((h) => h.arn),
    };
  }
  return {
    problem: `No ${what} named ${ref} in the account model`,
    suggestions: suggestNames(
      ref,
      list.map((e) => e.name),
    ),
  };
}

function allowed(r: EvaluationResult): boolean {
  return r.decision === 'Allow';
}

// ------------------------------------------------------------------ AppSpec and plan

function revisionSource(d: DeploymentInput): RevisionSource | undefined {
  const r = d.revision;
  if (!r) return undefined;
  if ('s3' in r) return r.s3.versioned === true ? 's3-versioned' : 's3';
  return 'github';
}

function checkAppSpec(
  input: CheckDeploymentInput,
  platform: Platform,
  list: Checklist,
): { plan: DeploymentPlan; appSpec?: AppSpec } {
  const d = input.deployment;
  let appSpec: AppSpec | undefined;
  const lintFindings: Diagnostic[] = [];
  if (typeof input.appSpec === 'string') {
    const lint = lintAppSpec(input.appSpec, { platform });
    appSpec = lint.appSpec;
    for (const e of lint.diagnostics) {
      if (e.severity !== 'error') continue;
      lintFindings.push(
        Object.freeze({
          ...e,
          ruleId: 'deploy/appspec-invalid',
          message: `AppSpec: ${e.message}`,
          data: Object.freeze({ ...e.data, source: 'appspec', cause: e.ruleId }),
        }),
      );
    }
    list.add('appspec', `AppSpec lints clean for the ${platform} platform`, lintFindings);
  } else {
    const given: unknown = input.appSpec;
    // A parsed AppSpec is trusted as far as its platform and hook list go.
    if (
      isObject(given) &&
      PLATFORMS.includes(given.platform as string) &&
      (given.platform === 'server' || Array.isArray(given.hooks))
    ) {
      appSpec = given as unknown as AppSpec;
    }
    list.skip('appspec', 'AppSpec lint (skipped: the AppSpec was given as a parsed object)');
  }
  const source = revisionSource(d);
  const options: PlanOptions = {
    platform,
    ...(d.deploymentType !== undefined ? { deploymentType: d.deploymentType } : {}),
    ...(d.loadBalancer !== undefined ? { loadBalancer: d.loadBalancer } : {}),
    ...(d.deploymentConfig !== undefined ? { deploymentConfig: d.deploymentConfig } : {}),
    ...(source !== undefined && platform === 'server' ? { revisionSource: source } : {}),
  };
  const plan = planDeployment(input.appSpec, options);
  const planFindings: Diagnostic[] = [];
  for (const p of plan.diagnostics) {
    if (p.severity === 'info') continue;
    // checkDeployment takes no previous AppSpec, so this warning would attach to every EC2 plan.
    if (p.ruleId === 'plan/previous-appspec-unknown') continue;
    // The lint errors are already reported with their own ranges.
    if (p.ruleId === 'plan/appspec-invalid' && lintFindings.length > 0) continue;
    const blocked = p.severity === 'error';
    planFindings.push(
      Object.freeze({
        ...p,
        ruleId: blocked ? 'deploy/plan-blocked' : 'deploy/plan-warning',
        message: `Plan: ${p.message}`,
        data: Object.freeze({ ...p.data, source: 'plan', cause: p.ruleId }),
      }),
    );
  }
  list.add('plan', `Lifecycle plan (${plan.kind}) has no blockers`, planFindings);
  return appSpec ? { plan, appSpec } : { plan };
}

// ------------------------------------------------------------------ trust

function checkTrust(
  model: IamModel,
  role: ModelRole,
  service: string,
  ruleId: string,
  what: string,
  context?: RequestContext,
): Diagnostic[] {
  const result = model.authorize(
    { principal: service, action: 'sts:AssumeRole', resource: role.arn, ...(context ? { context } : {}) },
    { explain: true },
  );
  if (allowed(result)) return [];
  const deny = result.decision === 'ExplicitDeny';
  return [
    accessFinding({
      ruleId,
      severity: 'error',
      what: `${what} ${role.name} does not trust ${service}`,
      principal: service,
      action: 'sts:AssumeRole',
      resource: role.arn,
      result,
      source: `${role.arn}#trust`,
      help: deny
        ? `Remove or narrow the Deny statement of the trust policy of ${role.name}, and make sure a statement like the one suggested allows ${service}.`
        : `Add this statement to the trust policy of ${role.name}.`,
      suggestions: [statementText(trustStatement(service))],
      data: { role: role.arn },
    }),
  ];
}

// ------------------------------------------------------------------ revision

interface Reader {
  readonly principal: PrincipalRef;
  /** How findings name it. */
  readonly label: string;
  readonly role: ModelRole;
}

function objectArn(partition: string, s3: S3RevisionInput): string {
  return `arn:${partition}:s3:::${s3.bucket}/${s3.key}`;
}

function denialHelp(result: EvaluationResult, identityFix: string, resourceName: string): string {
  if (result.decision === 'ExplicitDeny') {
    return `Remove or narrow the Deny statement(s) named in the finding (identity policy, ${resourceName} or guardrail).`;
  }
  if (result.explanation?.reason === 'cross-account-trusting-side') {
    return `The ${resourceName} belongs to another account: it must allow the principal (suggested statement) as well as the principal's own policies.`;
  }
  const blocked = result.explanation?.blockedBy ?? [];
  if (blocked.some((g) => g.type === 'resource')) return `Allow the principal in the ${resourceName}.`;
  const guard = blocked.find((g) => g.type !== 'resource');
  if (guard) return `The ${guard.type} ${guard.policyIds.join(', ')} must also allow it.`;
  return identityFix;
}

function checkRevision(model: IamModel, reader: Reader, s3: S3RevisionInput, list: Checklist): void {
  const partition = reader.role.partition;
  const object = objectArn(partition, s3);
  const bucketArn = `arn:${partition}:s3:::${s3.bucket}`;
  const where = `s3://${s3.bucket}/${s3.key}`;
  // S3 ARNs carry no account: an unmodelled bucket is taken to be in the reader's account.
  const bucketModelled = model.resources.some((r) => r.arn === bucketArn && r.account !== undefined);
  const resourceAccount = bucketModelled ? {} : { resourceAccount: reader.role.account };
  const read = (action: string, ruleId: string, checkId: string, title: string): void => {
    const result = model.authorize(
      { principal: reader.principal, action, resource: object, ...resourceAccount },
      { explain: true },
    );
    if (allowed(result)) {
      list.add(checkId, title, []);
      return;
    }
    const crossAccount = result.explanation?.reason === 'cross-account-trusting-side';
    const statement = crossAccount
      ? resourcePolicyStatement(reader.role.arn, action, `${bucketArn}/*`)
      : allowStatement([action], `${bucketArn}/*`);
    list.add(checkId, title, [
      accessFinding({
        ruleId,
        severity: 'error',
        what: `${reader.label} cannot download the revision ${where}`,
        principal: reader.role.arn,
        action,
        resource: object,
        result,
        source: bucketArn,
        help: denialHelp(result, `Add this statement to a policy of the role ${reader.role.name}.`, 'bucket policy'),
        suggestions: [statementText(statement)],
        data: { role: reader.role.arn, bucket: s3.bucket, key: s3.key },
      }),
    ]);
  };
  read('s3:GetObject', 'deploy/revision-read-denied', 'revision-read', `${reader.label} may read ${where}`);
  if (s3.versioned === true) {
    read(
      's3:GetObjectVersion',
      'deploy/revision-version-read-denied',
      'revision-version-read',
      `${reader.label} may read versions of ${where}`,
    );
  }
  if (s3.kmsKeyArn !== undefined) checkKms(model, reader, s3.kmsKeyArn, list);
}

function checkKms(model: IamModel, reader: Reader, keyArn: string, list: Checklist): void {
  const title = `${reader.label} may decrypt with ${keyArn}`;
  const findings: Diagnostic[] = [];
  const modelled = model.resources.some((r) => r.arn === keyArn);
  const region = splitArn(keyArn)?.region;
  const context: RequestContext = region ? { 'kms:ViaService': `s3.${region}.amazonaws.com` } : {};
  const result = model.authorize(
    { principal: reader.principal, action: 'kms:Decrypt', resource: keyArn, context },
    { explain: true },
  );
  // Without the key policy in the model only the identity side can be judged (the warning below says so).
  const identityOnlyPass = !modelled && result.decision === 'ImplicitDeny' && result.byPolicyType.identity === 'Allow';
  if (!allowed(result) && !identityOnlyPass) {
    const keySide = result.byPolicyType.resource !== 'Allow' && result.decision !== 'ExplicitDeny';
    const identitySide = result.byPolicyType.identity !== 'Allow';
    const suggestions: string[] = [];
    if (keySide) suggestions.push(statementText(keyPolicyStatement(reader.role.arn, 'kms:Decrypt')));
    if (identitySide) suggestions.push(statementText(allowStatement(['kms:Decrypt'], keyArn)));
    const help =
      result.decision === 'ExplicitDeny'
        ? 'Remove or narrow the Deny statement(s) named in the finding.'
        : keySide
          ? `The key policy must allow the role explicitly (first suggestion), or allow the account and let the role's identity policy allow kms:Decrypt (second).`
          : `Add the statement to a policy of the role ${reader.role.name}.`;
    findings.push(
      accessFinding({
        ruleId: 'deploy/kms-decrypt-denied',
        severity: 'error',
        what: `${reader.label} cannot decrypt the revision`,
        principal: reader.role.arn,
        action: 'kms:Decrypt',
        resource: keyArn,
        result,
        source: keyArn,
        help,
        suggestions,
        data: { role: reader.role.arn, keyPolicyInModel: modelled },
      }),
    );
  }
  if (!modelled) {
    findings.push(
      plainFinding(
        'deploy/kms-key-policy-unknown',
        'warning',
        `The key policy of ${keyArn} is not in the account model; only the identity policies of ${reader.role.name} were checked.`,
        { source: keyArn, resource: keyArn },
        { help: 'Add the key policy to the resources of the model (aws kms get-key-policy).' },
      ),
    );
  }
  list.add('kms-decrypt', title, findings);
}

// ------------------------------------------------------------------ instance side

function checkInstanceSide(model: IamModel, d: DeploymentInput, list: Checklist): Reader | undefined {
  if (d.instanceProfile === undefined) {
    list.skip('instance-profile', 'Instance profile (not given)', [
      plainFinding(
        'deploy/instance-side-unchecked',
        'warning',
        'No instance profile was given: the instances’ access to the revision was not checked.',
        { source: 'deployment' },
        { help: 'Pass the instance profile of the target instances (--instance-profile).' },
      ),
    ]);
    return undefined;
  }
  const found = findEntity<ModelInstanceProfile>(model.instanceProfiles, d.instanceProfile, 'instance profile');
  const title = `Instance profile ${d.instanceProfile} exists and holds one role`;
  if (!('hit' in found)) {
    list.add('instance-profile', title, [
      plainFinding(
        'deploy/instance-profile-missing',
        'error',
        `${found.problem}: the instances would get no credentials.`,
        { source: d.instanceProfile, instanceProfile: d.instanceProfile },
        {
          help: 'Create the instance profile with one role trusted by ec2.amazonaws.com, or fix the name.',
          suggestions: found.suggestions,
        },
      ),
    ]);
    return undefined;
  }
  const profile = found.hit;
  if (profile.roles.length !== 1) {
    list.add('instance-profile', title, [
      plainFinding(
        'deploy/instance-profile-role-count',
        'error',
        `Instance profile ${profile.name} holds ${profile.roles.length} roles; EC2 delivers credentials only from a profile with exactly one.`,
        { source: profile.arn, instanceProfile: profile.arn, roles: [...profile.roles] },
        {
          help:
            profile.roles.length === 0
              ? `Add the instance role to it: aws iam add-role-to-instance-profile --instance-profile-name ${profile.name} --role-name <role>.`
              : `Keep one role: aws iam remove-role-from-instance-profile --instance-profile-name ${profile.name} --role-name <role>.`,
        },
      ),
    ]);
    return undefined;
  }
  const roleArn = profile.roles[0] as string;
  const role = model.roles.find((r) => r.arn === roleArn);
  if (!role) {
    list.add('instance-profile', title, [
      plainFinding(
        'deploy/instance-role-missing',
        'error',
        `Instance profile ${profile.name} holds ${roleArn}, which is not in the account model.`,
        { source: profile.arn, instanceProfile: profile.arn, role: roleArn },
        { help: 'Create the role, or put an existing role in the profile.' },
      ),
    ]);
    return undefined;
  }
  list.add('instance-profile', title, []);
  const trust = checkTrust(model, role, EC2_SERVICE, 'deploy/instance-role-trust', 'Instance role');
  list.add('instance-role-trust', `Instance role ${role.name} trusts ${EC2_SERVICE}`, trust);
  if (trust.length > 0) return undefined;
  return { principal: { instanceProfile: profile.arn }, label: `Instance role ${role.name}`, role };
}

// ------------------------------------------------------------------ service side

interface Expansion {
  readonly resource: string;
}

function expandResources(
  row: ServiceRoleAction,
  role: ModelRole,
  d: DeploymentInput,
  appSpec: AppSpec | undefined,
  instanceRole: ModelRole | undefined,
): Expansion[] {
  const region = d.region ?? '*';
  const account = role.account;
  const partition = role.partition;
  switch (row.resource) {
    case '{instanceRoleArn}':
      return [{ resource: instanceRole?.arn ?? '*' }];
    case '{lambdaAlias}': {
      const r = appSpec?.platform === 'lambda' ? appSpec.resource : null;
      if (!r || r.name === null || r.alias === null) return [{ resource: '*' }];
      const fn = r.name.startsWith('arn:') ? r.name : `arn:${partition}:lambda:${region}:${account}:function:${r.name}`;
      return [{ resource: `${fn}:${r.alias}` }];
    }
    case '{hookFunction}': {
      const hooks = appSpec && appSpec.platform !== 'server' ? appSpec.hooks : [];
      const names = [...new Set(hooks.map((h) => h.functionName).filter((n): n is string => n !== null && n !== ''))];
      return names.slice(0, MAX_HOOK_CHECKS).map((n) => ({
        resource: n.startsWith('arn:') ? n : `arn:${partition}:lambda:${region}:${account}:function:${n}`,
      }));
    }
    default:
      return [{ resource: row.resource }];
  }
}

function hasHooks(appSpec: AppSpec | undefined): boolean {
  return appSpec !== undefined && appSpec.platform !== 'server' && appSpec.hooks.some((h) => h.functionName);
}

function checkServicePermissions(
  model: IamModel,
  role: ModelRole,
  d: DeploymentInput,
  platform: Platform,
  appSpec: AppSpec | undefined,
  instanceRole: ModelRole | undefined,
): Diagnostic[] {
  const rows = serviceRoleActionsFor(platform, {
    blueGreen: platform === 'server' && d.deploymentType === 'blue-green',
    loadBalancer: d.loadBalancer === true,
    hooks: hasHooks(appSpec),
    s3Revision: false, // revision access is its own check
  });
  const policy = SERVICE_ROLE_POLICIES[platform];
  const denied: { row: ServiceRoleAction; resource: string; result: EvaluationResult }[] = [];
  for (const row of rows) {
    for (const { resource } of expandResources(row, role, d, appSpec, instanceRole)) {
      const result = model.authorize(
        {
          principal: { role: role.arn },
          action: row.action,
          resource,
          ...(row.context ? { context: row.context } : {}),
        },
        { explain: true },
      );
      if (!allowed(result)) denied.push({ row, resource, result });
    }
  }
  // One statement per resource and context covers every denied action on it.
  const groups = new Map<string, { actions: string[]; resource: string; context?: Readonly<Record<string, string>> }>();
  for (const { row, resource } of denied) {
    const key = `${resource}\u0000${JSON.stringify(row.context ?? {})}`;
    const g = groups.get(key);
    if (g) {
      if (!g.actions.includes(row.action)) g.actions.push(row.action);
    } else groups.set(key, { actions: [row.action], resource, ...(row.context ? { context: row.context } : {}) });
  }
  return denied.map(({ row, resource, result }) => {
    const key = `${resource}\u0000${JSON.stringify(row.context ?? {})}`;
    const g = groups.get(key) as { actions: string[]; resource: string; context?: Readonly<Record<string, string>> };
    const fromManaged = row.source !== 'user-guide';
    const fix = fromManaged
      ? `Attach the AWS managed policy ${policy.name} (${policy.arn}) or add this statement to the role.`
      : 'Add this statement to the role (the managed policy does not include it; the CodeDeploy User Guide asks for it with launch templates).';
    return accessFinding({
      ruleId: 'deploy/service-role-permission',
      severity: row.required ? 'error' : 'warning',
      what: `Service role ${role.name} lacks a permission CodeDeploy needs (${row.reason})`,
      principal: role.arn,
      action: row.action,
      resource,
      result,
      source: role.arn,
      help: result.decision === 'ExplicitDeny' ? 'Remove or narrow the Deny statement(s) named in the finding.' : fix,
      suggestions: [statementText(allowStatement(g.actions, g.resource, g.context))],
      data: { role: role.arn, when: row.when, required: row.required, tableSource: row.source },
    });
  });
}

function checkServiceSide(
  model: IamModel,
  d: DeploymentInput,
  platform: Platform,
  appSpec: AppSpec | undefined,
  instanceRole: ModelRole | undefined,
  list: Checklist,
): ModelRole | undefined {
  const found = findEntity<ModelRole>(model.roles, d.serviceRole, 'role');
  const title = `Service role ${d.serviceRole} exists`;
  if (!('hit' in found)) {
    list.add('service-role', title, [
      plainFinding(
        'deploy/service-role-missing',
        'error',
        `${found.problem}: CodeDeploy has no role to act with.`,
        { source: d.serviceRole, serviceRole: d.serviceRole },
        {
          help: `Create a role trusted by ${CODEDEPLOY_SERVICE} with the managed policy ${SERVICE_ROLE_POLICIES[platform].name}, or fix the name.`,
          suggestions: found.suggestions,
        },
      ),
    ]);
    list.skip('service-role-trust', `Service role trusts ${CODEDEPLOY_SERVICE}`);
    list.skip('service-role-permissions', 'Service role permissions');
    return undefined;
  }
  const role = found.hit;
  list.add('service-role', title, []);
  const trust = checkTrust(model, role, CODEDEPLOY_SERVICE, 'deploy/service-role-trust', 'Service role', {
    'aws:SourceAccount': role.account,
  });
  list.add('service-role-trust', `Service role ${role.name} trusts ${CODEDEPLOY_SERVICE}`, trust);
  const perms = checkServicePermissions(model, role, d, platform, appSpec, instanceRole);
  list.add('service-role-permissions', `Service role ${role.name} may do what ${platform} deployments need`, perms);
  return role;
}

// ------------------------------------------------------------------ entry

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Why `input` cannot be checked at all (not an object, or no account model), or undefined. */
function inputProblem(input: unknown): string | undefined {
  if (!isObject(input)) return 'The input is not an object';
  const m = input.model;
  if (
    !isObject(m) ||
    !Array.isArray(m.roles) ||
    !Array.isArray(m.instanceProfiles) ||
    !Array.isArray(m.resources) ||
    typeof m.authorize !== 'function'
  ) {
    return 'The input has no IAM account model (model with roles, instanceProfiles, resources and authorize)';
  }
  return undefined;
}

/** Drops fields of the wrong type (callers from JavaScript), so that the checks see only what they expect. */
function sanitize(raw: unknown): DeploymentInput {
  const d = isObject(raw) ? raw : {};
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  let revision: RevisionInput | undefined;
  const r = d.revision;
  if (isObject(r) && isObject(r.s3)) {
    const s3 = r.s3;
    revision = {
      s3: {
        bucket: str(s3.bucket) ?? '',
        key: str(s3.key) ?? '',
        ...(s3.versioned === true ? { versioned: true } : {}),
        ...(str(s3.kmsKeyArn) !== undefined ? { kmsKeyArn: s3.kmsKeyArn as string } : {}),
      },
    };
  } else if (isObject(r) && isObject(r.github)) {
    revision = { github: { repository: str(r.github.repository) ?? '' } };
  }
  const platform = str(d.platform);
  const instanceProfile = str(d.instanceProfile);
  const deploymentType =
    d.deploymentType === 'in-place' || d.deploymentType === 'blue-green' ? d.deploymentType : undefined;
  const deploymentConfig = str(d.deploymentConfig);
  const region = str(d.region);
  return {
    platform: (platform !== undefined && PLATFORMS.includes(platform) ? platform : 'server') as Platform,
    serviceRole: str(d.serviceRole) ?? '',
    ...(instanceProfile !== undefined ? { instanceProfile } : {}),
    ...(revision ? { revision } : {}),
    ...(deploymentType ? { deploymentType } : {}),
    ...(d.loadBalancer === true ? { loadBalancer: true } : {}),
    ...(deploymentConfig !== undefined ? { deploymentConfig } : {}),
    ...(region !== undefined ? { region } : {}),
  };
}

/**
 * Checks that CodeDeploy can deploy `appSpec` with the IAM setup of `model`: the AppSpec lints
 * clean and plans without blockers; the service role exists, trusts `codedeploy.amazonaws.com`
 * and may do what the platform needs; on EC2 the instance profile holds one role that trusts
 * `ec2.amazonaws.com` and may read (and decrypt) the revision; on ECS and Lambda the service
 * role reads the revision. Never throws for bad input: every problem is a `deploy/*` finding
 * that names the principal, action and resource and explains the evaluator's decision.
 */
export function checkDeployment(input: CheckDeploymentInput): DeploymentReadiness {
  const problem = inputProblem(input);
  if (problem !== undefined) {
    const finding = plainFinding(
      'deploy/input-invalid',
      'error',
      `${problem}; nothing was checked.`,
      {
        source: 'input',
      },
      { help: 'Pass { model, appSpec, deployment } with a model made by createModel.' },
    );
    return Object.freeze({
      ready: false,
      findings: Object.freeze([finding]),
      plan: EMPTY_PLAN,
      checks: Object.freeze([]),
    });
  }
  const d = sanitize(input.deployment);
  input = { ...input, deployment: d };
  const list = new Checklist();
  const platform: Platform = d.platform;
  const { plan, appSpec } = checkAppSpec(input, platform, list);

  const ignored: Diagnostic[] = [];
  if (platform !== 'server' && d.instanceProfile !== undefined) {
    ignored.push(
      plainFinding(
        'deploy/option-ignored',
        'info',
        `${platform === 'ecs' ? 'ECS' : 'Lambda'} deployments have no instance profile; ${d.instanceProfile} was ignored.`,
        { source: 'deployment', option: 'instanceProfile' },
      ),
    );
  }
  list.findings.push(...ignored);

  const reader = platform === 'server' ? checkInstanceSide(input.model, d, list) : undefined;
  const serviceRole = checkServiceSide(input.model, d, platform, appSpec, reader?.role, list);

  const revision = d.revision;
  if (revision && 's3' in revision) {
    const who: Reader | undefined =
      platform === 'server'
        ? reader
        : serviceRole
          ? { principal: { role: serviceRole.arn }, label: `Service role ${serviceRole.name}`, role: serviceRole }
          : undefined;
    if (who) checkRevision(input.model, who, revision.s3, list);
    else list.skip('revision-read', 'Revision download (skipped: no usable principal)');
  } else if (revision && 'github' in revision) {
    if (platform === 'server') {
      list.skip('revision-read', 'Revision download (GitHub)', [
        plainFinding(
          'deploy/revision-not-checked',
          'info',
          `The revision comes from GitHub (${revision.github.repository}): CodeDeploy fetches it through its GitHub connection, so no S3 access was checked.`,
          { source: 'revision', repository: revision.github.repository },
        ),
      ]);
    } else {
      list.add('revision-read', 'Revision source', [
        plainFinding(
          'deploy/revision-unsupported',
          'error',
          `${platform === 'ecs' ? 'ECS' : 'Lambda'} deployments cannot use a GitHub revision (${revision.github.repository}).`,
          { source: 'revision', repository: revision.github.repository },
          { help: 'Store the AppSpec in S3, or give it inline (AppSpecContent).' },
        ),
      ]);
    }
  } else {
    list.skip('revision-read', 'Revision download (no revision given)', [
      plainFinding(
        'deploy/revision-not-checked',
        'info',
        'No revision was given: access to the revision was not checked.',
        { source: 'revision' },
        { help: 'Give the S3 bucket and key of the revision (--bucket, --key).' },
      ),
    ]);
  }

  const findings = Object.freeze([...list.findings]);
  return Object.freeze({
    ready: !findings.some((f) => f.severity === 'error'),
    findings,
    plan,
    checks: Object.freeze([...list.checks]),
  });
}

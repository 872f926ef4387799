import { evaluate } from '../../iam/evaluate/evaluate.js';
import type {
  EvaluationInput,
  EvaluationResult,
  RequestContext,
  StatementRef,
  StatementTrace,
} from '../../iam/evaluate/types.js';
import { parsePolicy } from '../../iam/policy/parse.js';
import type { Policy, PolicyType } from '../../iam/policy/types.js';
import {
  diagnosticLine,
  jsonOutput,
  parseContextFlags,
  parseFlags,
  printHelp,
  readTextFile,
  requireFlags,
  textOrJsonFormat,
} from '../args.js';
import { type CliIO, type Command, UsageError } from '../io.js';

const USAGE =
  'iamspec eval --principal ARN --action A --resource ARN [--policy p.json…] [--resource-policy r.json] ' +
  '[--boundary b.json] [--session-policy s.json…] [--scp s.json[,s2.json]…] [--rcp r.json[,r2.json]…] ' +
  '[--resource-account ID] [--context key=value…] [--explain] [--format text|json] ' +
  '[--account details.json [--resources resources.json]]';

const HELP = `usage: ${USAGE}

Evaluates one request against IAM policies the way AWS would and prints the decision and the
statements that decided it (file:line).

  --principal ARN          user, role-session, federated-user or root ARN, a service principal, or anonymous
  --action A               the request action, e.g. s3:GetObject
  --resource ARN           the request resource ARN, or * for actions without a resource type
  --resource-account ID    the account owning the resource (needed for S3 ARNs)
  --policy FILE            an identity policy of the principal (repeatable)
  --resource-policy FILE   the resource policy (bucket, key, queue or trust policy)
  --boundary FILE          the permissions boundary of the principal's entity
  --session-policy FILE    a session policy (repeatable)
  --scp FILES              SCPs of one level, comma-separated; repeat per level, root first
  --rcp FILES              RCPs of one level of the resource's account; repeat per level, root first
  --context KEY=VALUE      a request context entry; repeat a key (or write KEY[]=VALUE) for a multivalued key
  --explain                show how every statement matched
  --account FILE           evaluate against an account model (get-account-authorization-details output):
                           --principal is then a user, role (a session of it) or session ARN of the account
  --resources FILE         resource policies for --account ([{ arn, policy }] or { resources, organization })
  --format F               text (default) or json

Exit codes: 0 Allow, 1 ExplicitDeny or ImplicitDeny, 2 usage error or unreadable/unparsable policy.
`;

/** The parsed flags of `iamspec eval`. */
export interface EvalFlags {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount?: string;
  readonly identity: readonly string[];
  readonly resourcePolicy: readonly string[];
  readonly boundary: readonly string[];
  readonly session: readonly string[];
  /** One entry per level; each a list of files. */
  readonly scp: readonly (readonly string[])[];
  readonly rcp: readonly (readonly string[])[];
  readonly context: RequestContext;
  readonly explain: boolean;
  readonly format: 'text' | 'json';
  readonly help: boolean;
  /** `--account`: an authorization-details file; the principal's policies come from the model. */
  readonly account?: string;
  /** `--resources`: resource policies for the account model. */
  readonly resources?: string;
}

function parse(argv: readonly string[]) {
  return parseFlags(argv, {
    allowPositionals: false,
    options: {
      principal: { type: 'string' },
      action: { type: 'string' },
      resource: { type: 'string' },
      'resource-account': { type: 'string' },
      policy: { type: 'string', multiple: true },
      'resource-policy': { type: 'string', multiple: true },
      boundary: { type: 'string', multiple: true },
      'session-policy': { type: 'string', multiple: true },
      scp: { type: 'string', multiple: true },
      rcp: { type: 'string', multiple: true },
      context: { type: 'string', multiple: true },
      explain: { type: 'boolean' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      account: { type: 'string' },
      resources: { type: 'string' },
    },
  });
}

const levels = (list: readonly string[] | undefined): string[][] =>
  (list ?? []).map((l) => l.split(',').filter((f) => f.length > 0));

/** Parses the command line of `iamspec eval`; throws {@link UsageError} for bad usage. */
export function parseEvalFlags(argv: readonly string[]): EvalFlags {
  const { values } = parse(argv);
  const help = values.help === true;
  const format = textOrJsonFormat(values.format);
  if (!help) {
    requireFlags(values, ['principal', 'action', 'resource']);
    if ((values['resource-policy'] ?? []).length > 1) throw new UsageError('give at most one --resource-policy');
    if ((values.boundary ?? []).length > 1) throw new UsageError('give at most one --boundary');
  }
  return {
    principal: values.principal ?? '',
    action: values.action ?? '',
    resource: values.resource ?? '',
    ...(values['resource-account'] !== undefined ? { resourceAccount: values['resource-account'] } : {}),
    identity: values.policy ?? [],
    resourcePolicy: values['resource-policy'] ?? [],
    boundary: values.boundary ?? [],
    session: values['session-policy'] ?? [],
    scp: levels(values.scp),
    rcp: levels(values.rcp),
    context: parseContextFlags(values.context ?? []),
    explain: values.explain === true,
    format,
    help,
    ...(values.account !== undefined ? { account: values.account } : {}),
    ...(values.resources !== undefined ? { resources: values.resources } : {}),
  };
}

/** What {@link buildEvaluationInput} returns: the input, or the problems that prevent it. */
export interface BuiltInput {
  readonly input?: EvaluationInput;
  /** Unreadable files and parse errors, as printable lines. */
  readonly errors: readonly string[];
}

/**
 * Reads and parses every policy file named by `flags` (the policy id is the file path) and builds
 * the {@link EvaluationInput}. Extend here for new inputs (for example an account model).
 */
export async function buildEvaluationInput(flags: EvalFlags, io: CliIO): Promise<BuiltInput> {
  const errors: string[] = [];
  const cache = new Map<string, Policy | undefined>();
  const load = async (path: string, type: PolicyType): Promise<Policy | undefined> => {
    const key = `${type}\u0000${path}`;
    if (cache.has(key)) return cache.get(key);
    const read = await readTextFile(io, path);
    if ('error' in read) {
      errors.push(read.error);
      cache.set(key, undefined);
      return undefined;
    }
    const parsed = parsePolicy(read.text, { type, id: path });
    if (!parsed.policy) {
      for (const d of parsed.diagnostics) if (d.severity === 'error') errors.push(diagnosticLine(path, d));
    }
    cache.set(key, parsed.policy);
    return parsed.policy;
  };
  const all = async (paths: readonly string[], type: PolicyType): Promise<Policy[]> => {
    const out: Policy[] = [];
    for (const p of paths) {
      const policy = await load(p, type);
      if (policy) out.push(policy);
    }
    return out;
  };
  const identity = await all(flags.identity, 'identity');
  const resource = await all(flags.resourcePolicy, 'resource');
  const boundary = await all(flags.boundary, 'boundary');
  const session = await all(flags.session, 'session');
  const scp: Policy[][] = [];
  for (const lv of flags.scp) scp.push(await all(lv, 'scp'));
  const rcp: Policy[][] = [];
  for (const lv of flags.rcp) rcp.push(await all(lv, 'rcp'));
  if (errors.length > 0) return { errors };
  const input: EvaluationInput = {
    request: {
      principal: flags.principal,
      action: flags.action,
      resource: flags.resource,
      ...(flags.resourceAccount !== undefined ? { resourceAccount: flags.resourceAccount } : {}),
      context: flags.context,
    },
    policies: { identity, resource, boundary, session, scp, rcp },
  };
  return { input, errors };
}

function where(ref: StatementRef): string {
  const pos = ref.range ? `${ref.range.start.line}:${ref.range.start.column}` : ref.pointer;
  const level = ref.level !== undefined ? ` level ${ref.level}` : '';
  const sid = ref.sid !== undefined ? ` Sid "${ref.sid}"` : '';
  return `${ref.policyId}:${pos} (${ref.policyType}${level}, statement ${ref.statementIndex}${sid}, ${ref.effect})`;
}

const mark = (ok: boolean): string => (ok ? 'yes' : 'no');

function traceLines(t: StatementTrace): string[] {
  const lines = [`  ${t.applies ? 'APPLIES' : 'skipped'}  ${where(t)}`];
  const a = t.action;
  lines.push(
    `      action${a.not ? ' (NotAction)' : ''}: ${mark(a.matched)}${a.by !== undefined ? ` by ${a.by}` : ''}`,
  );
  const r = t.resource;
  let rl = `      resource${r.not ? ' (NotResource)' : ''}: ${mark(r.matched)}${r.by !== undefined ? ` by ${r.by}` : ''}`;
  if (r.resolved !== undefined) rl += ` (resolved ${r.resolved})`;
  if (r.unresolvedVariables) rl += ` (unresolved: ${r.unresolvedVariables.join(', ')})`;
  lines.push(rl);
  if (t.principal) {
    const p = t.principal;
    let pl = `      principal${p.not ? ' (NotPrincipal)' : ''}: ${mark(p.matched)}`;
    if (p.kind) pl += ` as ${p.kind} by ${p.by ?? ''}`;
    if (p.boundaryRule) pl += ' (entity has a permissions boundary)';
    lines.push(pl);
  }
  for (const c of t.conditions) {
    const rv = c.requestValue === undefined ? 'absent' : JSON.stringify(c.requestValue);
    const pv = c.values.map((v) => (v.resolved !== undefined ? `${v.policyValue}→${v.resolved}` : v.policyValue));
    lines.push(
      `      condition ${c.operator} ${c.key} [${pv.join(', ')}] request=${rv}: ${mark(c.result)} (${c.outcome})`,
    );
  }
  return lines;
}

/** The text report of a result. */
export function formatEvalText(result: EvaluationResult): string {
  const out: string[] = [];
  const reason = result.explanation ? ` (${result.explanation.reason})` : '';
  out.push(`Decision: ${result.decision}${reason}`);
  if (result.reasons.length > 0) {
    out.push(result.decision === 'Allow' ? 'Allowed by:' : 'Denied by:');
    for (const r of result.reasons) out.push(`  ${where(r)}`);
  } else if (result.decision === 'ImplicitDeny') {
    out.push('No statement allows the request.');
  }
  const ex = result.explanation;
  if (ex && ex.blockedBy.length > 0) {
    out.push('Blocked by:');
    for (const g of ex.blockedBy) {
      const level = g.level !== undefined ? ` level ${g.level}` : '';
      const ids = g.policyIds.length > 0 ? `: ${g.policyIds.join(', ')}` : '';
      out.push(`  ${g.type}${level}${ids}`);
    }
  }
  const verdicts = Object.entries(result.byPolicyType)
    .filter(([, v]) => v !== 'NotApplicable')
    .map(([k, v]) => `${k} ${v}`);
  if (verdicts.length > 0) out.push(`Policy types: ${verdicts.join(', ')}`);
  if (result.missingContextKeys.length > 0) out.push(`Missing context keys: ${result.missingContextKeys.join(', ')}`);
  if (ex) for (const n of ex.notes) out.push(`Note: ${n}`);
  if (result.statements && result.statements.length > 0) {
    out.push('Statements:');
    for (const t of result.statements) out.push(...traceLines(t));
  }
  for (const d of result.diagnostics) {
    const id = typeof d.data?.policyId === 'string' ? `${d.data.policyId}:` : '';
    out.push(`${id}${d.range.start.line}:${d.range.start.column}: ${d.severity} ${d.ruleId}: ${d.message}`);
  }
  return `${out.join('\n')}\n`;
}

/** `--account`: evaluates the request against the account model (session policies from `--session-policy`). */
async function evaluateInAccount(
  flags: EvalFlags,
  input: EvaluationInput,
  io: CliIO,
  options: { explain: boolean },
): Promise<EvaluationResult | number> {
  const p = input.policies;
  const extra = [p.identity, p.resource, p.boundary, p.scp, p.rcp].some((l) => l !== undefined && l.length > 0);
  if (extra) throw new UsageError('--account takes the policies from the model: use only --session-policy with it');
  const { loadAccountModelReporting } = await import('./who-can.js');
  const model = await loadAccountModelReporting(io, 'eval', flags.account as string, flags.resources);
  if (!model) return 2;
  const session = p.session ?? [];
  return model.authorize(
    {
      principal: flags.principal,
      action: flags.action,
      resource: flags.resource,
      ...(flags.resourceAccount !== undefined ? { resourceAccount: flags.resourceAccount } : {}),
      context: flags.context,
      ...(session.length > 0 ? { sessionPolicies: session } : {}),
    },
    options,
  );
}

/** `iamspec eval`: the IAM decision for one request, with the deciding statements. */
export const command: Command = {
  name: 'eval',
  summary: 'Evaluate a request against IAM policies and explain the decision',
  usage: USAGE,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const flags = parseEvalFlags(argv);
    if (flags.help) return printHelp(io, HELP);
    const built = await buildEvaluationInput(flags, io);
    if (!built.input) {
      for (const e of built.errors) io.stderr(`iamspec eval: ${e}\n`);
      return 2;
    }
    const explain = { explain: flags.explain || flags.format === 'text' };
    let result: EvaluationResult;
    if (flags.account !== undefined) {
      const r = await evaluateInAccount(flags, built.input, io, explain);
      if (typeof r === 'number') return r;
      result = r;
    } else result = evaluate(built.input, explain);
    if (flags.format === 'json') {
      io.stdout(jsonOutput(result));
    } else {
      // The text report always names the reason; the per-statement trace only with --explain.
      const shown = flags.explain ? result : { ...result, statements: [] };
      io.stdout(formatEvalText(shown));
    }
    return result.decision === 'Allow' ? 0 : 1;
  },
};

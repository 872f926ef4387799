import { parseArgs } from 'node:util';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { RequestContext } from '../../iam/evaluate/types.js';
import { fromAuthorizationDetails } from '../../iam/model/details.js';
import type { IamModel, OrganizationInput, ResourcePolicyInput, WhoCanEntry } from '../../iam/model/types.js';
import { type CliIO, type Command, UsageError } from '../io.js';
import { parseContextFlags } from './eval.js';

const USAGE =
  'iamspec who-can --account details.json [--resources resources.json] --action A --resource ARN ' +
  '[--resource-account ID] [--context key=value…] [--format text|json]';

const HELP = `usage: ${USAGE}

Lists every IAM user and every reachable role (through assume-role chains, instance profiles or
service principals) of an account that is allowed to perform an action on a resource.

  --account FILE        output of \`aws iam get-account-authorization-details\` (JSON)
  --resources FILE      resource policies: [{ "arn", "policy", "account"? }] or { "resources": [...], "organization"? }
  --action A            the action, e.g. s3:GetObject
  --resource ARN        the resource ARN
  --resource-account ID the account owning the resource (needed for S3 ARNs not listed in --resources)
  --context KEY=VALUE   a request context entry (repeatable; KEY[]=VALUE for a multivalued key)
  --format F            text (default) or json

Exit codes: 0 the query ran (whether or not anyone is allowed), 2 usage error or unreadable input.
`;

/** What {@link loadAccountModel} returns. */
export interface LoadedAccountModel {
  readonly model?: IamModel;
  /** Model findings (dangling references, quotas …), for reporting. */
  readonly diagnostics: readonly Diagnostic[];
  /** Unreadable or unusable files, as printable lines. */
  readonly errors: readonly string[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads an authorization-details file and an optional resources file (an array of
 * `{ arn, policy }`, or `{ resources, organization }`) and builds the account model.
 */
export async function loadAccountModel(
  io: CliIO,
  detailsPath: string,
  resourcesPath?: string,
): Promise<LoadedAccountModel> {
  const errors: string[] = [];
  const read = async (path: string): Promise<unknown> => {
    let text: string;
    try {
      text = await io.readFile(path);
    } catch (e) {
      errors.push(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      errors.push(`${path} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  };
  const details = await read(detailsPath);
  let resources: ResourcePolicyInput[] | undefined;
  let organization: OrganizationInput | undefined;
  if (resourcesPath !== undefined) {
    const value = await read(resourcesPath);
    if (Array.isArray(value)) resources = value as ResourcePolicyInput[];
    else if (isObject(value)) {
      if (value.resources !== undefined) resources = value.resources as ResourcePolicyInput[];
      if (value.organization !== undefined) organization = value.organization as OrganizationInput;
    } else if (value !== undefined) errors.push(`${resourcesPath} must hold an array of resources or { resources }`);
  }
  if (errors.length > 0 || details === undefined) return { diagnostics: [], errors };
  const built = fromAuthorizationDetails(details as object, {
    ...(resources ? { resources } : {}),
    ...(organization ? { organization } : {}),
  });
  if (!built.model) {
    for (const d of built.diagnostics) if (d.severity === 'error') errors.push(`${detailsPath}: ${d.message}`);
    return { diagnostics: built.diagnostics, errors };
  }
  return { model: built.model, diagnostics: built.diagnostics, errors };
}

/** One printable line per model finding of severity error. */
export function modelErrorLines(path: string, diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${path}${d.pointer ? `#${d.pointer}` : ''}: ${d.severity} ${d.ruleId}: ${d.message}`);
}

/** The parsed flags of `iamspec who-can`. */
export interface WhoCanFlags {
  readonly account: string;
  readonly resources?: string;
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount?: string;
  readonly context: RequestContext;
  readonly format: 'text' | 'json';
  readonly help: boolean;
}

/** Parses the command line of `iamspec who-can`; throws {@link UsageError} for bad usage. */
export function parseWhoCanFlags(argv: readonly string[]): WhoCanFlags {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      allowPositionals: false,
      options: {
        account: { type: 'string' },
        resources: { type: 'string' },
        action: { type: 'string' },
        resource: { type: 'string' },
        'resource-account': { type: 'string' },
        context: { type: 'string', multiple: true },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const help = values.help === true;
  const format = (values.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
  if (!help) {
    for (const flag of ['account', 'action', 'resource']) {
      if (values[flag] === undefined) throw new UsageError(`--${flag} is required`);
    }
  }
  const str = (k: string): string | undefined => values[k] as string | undefined;
  return {
    account: str('account') ?? '',
    ...(str('resources') !== undefined ? { resources: str('resources') as string } : {}),
    action: str('action') ?? '',
    resource: str('resource') ?? '',
    ...(str('resource-account') !== undefined ? { resourceAccount: str('resource-account') as string } : {}),
    context: parseContextFlags((values.context as string[] | undefined) ?? []),
    format,
    help,
  };
}

/** The text report of a whoCan answer. */
export function formatWhoCanText(action: string, resource: string, entries: readonly WhoCanEntry[]): string {
  const lines = [
    entries.length === 0
      ? `No principal can ${action} on ${resource}.`
      : `${entries.length} principal${entries.length === 1 ? '' : 's'} can ${action} on ${resource}:`,
  ];
  for (const e of entries) {
    const via = e.via.length > 0 ? `  via ${e.via.join(' → ')}` : '';
    const by = e.result.reasons.map((r) => `${r.policyId}${r.sid !== undefined ? ` (${r.sid})` : ''}`);
    lines.push(`  ${e.principal}${via}`);
    if (by.length > 0) lines.push(`      allowed by ${[...new Set(by)].join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `iamspec who-can`: every principal of an account model allowed an action on a resource. */
export const command: Command = {
  name: 'who-can',
  summary: 'List the users and roles of an account allowed an action on a resource',
  usage: USAGE,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const flags = parseWhoCanFlags(argv);
    if (flags.help) {
      io.stdout(HELP);
      return 0;
    }
    const loaded = await loadAccountModel(io, flags.account, flags.resources);
    if (!loaded.model) {
      for (const e of loaded.errors) io.stderr(`iamspec who-can: ${e}\n`);
      return 2;
    }
    for (const line of modelErrorLines(flags.account, loaded.diagnostics)) io.stderr(`iamspec who-can: ${line}\n`);
    const entries = loaded.model.whoCan({
      action: flags.action,
      resource: flags.resource,
      ...(flags.resourceAccount !== undefined ? { resourceAccount: flags.resourceAccount } : {}),
      context: flags.context,
    });
    if (flags.format === 'json') {
      const out = entries.map((e) => ({
        principal: e.principal,
        via: e.via,
        decision: e.result.decision,
        reasons: e.result.reasons,
      }));
      io.stdout(`${JSON.stringify({ action: flags.action, resource: flags.resource, principals: out }, null, 2)}\n`);
    } else io.stdout(formatWhoCanText(flags.action, flags.resource, entries));
    return 0;
  },
};

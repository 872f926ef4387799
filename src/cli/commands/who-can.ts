import type { Diagnostic } from '../../diagnostics/types.js';
import type { RequestContext } from '../../iam/evaluate/types.js';
import { fromAuthorizationDetails } from '../../iam/model/details.js';
import type { IamModel, OrganizationInput, ResourcePolicyInput, WhoCanEntry } from '../../iam/model/types.js';
import {
  isJsonObject,
  jsonOutput,
  parseContextFlags,
  parseFlags,
  printHelp,
  readJsonFile,
  requireFlags,
  textOrJsonFormat,
} from '../args.js';
import type { CliIO, Command } from '../io.js';

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
    const json = await readJsonFile(io, path);
    if ('value' in json) return json.value;
    errors.push(json.error);
    return undefined;
  };
  const details = await read(detailsPath);
  let resources: ResourcePolicyInput[] | undefined;
  let organization: OrganizationInput | undefined;
  if (resourcesPath !== undefined) {
    const value = await read(resourcesPath);
    if (Array.isArray(value)) resources = value as ResourcePolicyInput[];
    else if (isJsonObject(value)) {
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

/**
 * {@link loadAccountModel} for a command: prints what made the files unusable (then resolves to
 * `undefined`, for exit code 2) and the model's errors to stderr, each line as `iamspec <command>: …`.
 */
export async function loadAccountModelReporting(
  io: CliIO,
  commandName: string,
  detailsPath: string,
  resourcesPath?: string,
): Promise<IamModel | undefined> {
  const loaded = await loadAccountModel(io, detailsPath, resourcesPath);
  const print = (line: string): void => io.stderr(`iamspec ${commandName}: ${line}\n`);
  if (!loaded.model) {
    for (const e of loaded.errors) print(e);
    return undefined;
  }
  for (const line of modelErrorLines(detailsPath, loaded.diagnostics)) print(line);
  return loaded.model;
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
  const { values } = parseFlags(argv, {
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
  });
  const help = values.help === true;
  const format = textOrJsonFormat(values.format);
  if (!help) requireFlags(values, ['account', 'action', 'resource']);
  return {
    account: values.account ?? '',
    ...(values.resources !== undefined ? { resources: values.resources } : {}),
    action: values.action ?? '',
    resource: values.resource ?? '',
    ...(values['resource-account'] !== undefined ? { resourceAccount: values['resource-account'] } : {}),
    context: parseContextFlags(values.context ?? []),
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
    if (flags.help) return printHelp(io, HELP);
    const model = await loadAccountModelReporting(io, 'who-can', flags.account, flags.resources);
    if (!model) return 2;
    const entries = model.whoCan({
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
      io.stdout(jsonOutput({ action: flags.action, resource: flags.resource, principals: out }));
    } else io.stdout(formatWhoCanText(flags.action, flags.resource, entries));
    return 0;
  },
};

import { lintAppSpec } from '../../appspec/lint.js';
import type { Platform } from '../../appspec/model.js';
import { appSpecRules } from '../../appspec/rules/index.js';
import type { AgentVersion, InstanceOs } from '../../appspec/types.js';
import { formatGithub, formatJson, formatSarif, formatStylish } from '../../diagnostics/format/index.js';
import type { FileDiagnostics } from '../../diagnostics/format/index.js';
import type { Diagnostic, RuleMeta, RuleSetting } from '../../diagnostics/types.js';
import type { ServiceCatalog } from '../../iam/lint/catalog.js';
import { lintPolicy } from '../../iam/lint/lint.js';
import { policyRules } from '../../iam/lint/rules/index.js';
import { POLICY_TYPES, type PolicyType } from '../../iam/policy/types.js';
import { errorMessage, oneOf, parseFlags, printHelp, readTextFile, wholeNumberFlag } from '../args.js';
import { type CliIO, type Command, UsageError } from '../io.js';

const USAGE =
  'iamspec lint <files or globs…> [--format stylish|json|sarif|github] [--platform server|ecs|lambda] ' +
  '[--max-warnings N] [--rule id=severity]… [--kind appspec|policy|auto] [--type <policy type>] ' +
  '[--agent 1.x|2.x] [--os linux|windows] [--max-rule-input-bytes N] [--catalog]';

const HELP = `usage: ${USAGE}

Lints CodeDeploy AppSpec files (and IAM policy documents) and reports problems.

  --format F        stylish (default), json, sarif or github
  --platform P      AppSpec compute platform: server, ecs or lambda (default: inferred per file)
  --max-warnings N  exit 1 when there are more than N warnings
  --rule ID=SEV     re-grade a rule: error, warning, info or off (repeatable)
  --kind K          appspec, policy or auto (default): .json files with a top-level Statement are policies
  --type T          policy type, for policy files
  --agent A         CodeDeploy agent generation to predict: 1.x (default) or 2.x
  --os OS           OS of the target instances: linux or windows
  --max-rule-input-bytes N
                    AppSpec files larger than N UTF-8 bytes (default 2097152) get only the
                    document-level checks and an appspec/too-large warning
  --catalog         check policies against the AWS service catalog (unknown actions, condition keys…)

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage error, missing file or internal failure.
`;

const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
const PLATFORMS = ['server', 'ecs', 'lambda'] as const;
const KINDS = ['appspec', 'policy', 'auto'] as const;
const SETTINGS = ['error', 'warning', 'info', 'off'] as const;

/** What a file is linted as. */
export type LintKind = 'appspec' | 'policy';

/** Options handed to the policy linter by the lint command. */
export interface PolicyFileOptions {
  /** `--type`, when given. */
  readonly type?: string;
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** `--catalog`: the service catalog for the catalog-backed checks. */
  readonly catalog?: ServiceCatalog;
}

/** The policy type used when `--type` is not given: `resource` when a statement names a principal, else `identity`. */
export function defaultPolicyType(text: string): PolicyType {
  try {
    const value: unknown = JSON.parse(text);
    const statements = (value as { Statement?: unknown } | null)?.Statement;
    const list = Array.isArray(statements) ? statements : [statements];
    const named = list.some(
      (s) => s !== null && typeof s === 'object' && (Object.hasOwn(s, 'Principal') || Object.hasOwn(s, 'NotPrincipal')),
    );
    return named ? 'resource' : 'identity';
  } catch {
    return 'identity';
  }
}

/** Lints one IAM policy file for the `lint` command (`--type`, or a type inferred from the document). */
export function lintPolicyFile(text: string, options: PolicyFileOptions): readonly Diagnostic[] {
  let type: PolicyType;
  if (options.type === undefined) type = defaultPolicyType(text);
  else if ((POLICY_TYPES as readonly string[]).includes(options.type)) type = options.type as PolicyType;
  else throw new UsageError(`--type must be one of ${POLICY_TYPES.join(', ')}, not '${options.type}'`);
  return lintPolicy(text, {
    type,
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.catalog ? { catalog: options.catalog } : {}),
  }).diagnostics;
}

/** Rule metadata of the policy linter, for SARIF output. */
export const policyRuleMetas: readonly RuleMeta[] = policyRules;

/** Decides what a file is: `auto` treats `.json` text whose top-level object has a `Statement` key as a policy. */
export function detectKind(path: string, text: string, requested: LintKind | 'auto'): LintKind {
  if (requested !== 'auto') return requested;
  if (!path.toLowerCase().endsWith('.json')) return 'appspec';
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, 'Statement')
      ? 'policy'
      : 'appspec';
  } catch {
    return 'appspec';
  }
}

/** Parses repeated `--rule id=severity` flags into a settings map (no prototype). */
export function parseRuleFlags(flags: readonly string[]): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = Object.create(null);
  for (const f of flags) {
    const eq = f.lastIndexOf('=');
    const id = eq > 0 ? f.slice(0, eq).trim() : '';
    const sev = eq > 0 ? f.slice(eq + 1).trim() : '';
    if (!id || !(SETTINGS as readonly string[]).includes(sev)) {
      throw new UsageError(`--rule expects id=error|warning|info|off, not '${f}'`);
    }
    out[id] = sev as RuleSetting;
  }
  return out;
}

/** `iamspec lint`. */
export const command: Command = {
  name: 'lint',
  summary: 'Lint AppSpec files (and IAM policies)',
  usage: USAGE,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const { values, positionals } = parse(argv);
    if (values.help) return printHelp(io, HELP);
    const format = oneOf('format', values.format, FORMATS) ?? 'stylish';
    const platform: Platform | undefined = oneOf('platform', values.platform, PLATFORMS);
    const kind = oneOf('kind', values.kind, KINDS) ?? 'auto';
    const agent: AgentVersion | undefined = oneOf('agent', values.agent, ['1.x', '2.x'] as const);
    const instanceOs: InstanceOs | undefined = oneOf('os', values.os, ['linux', 'windows'] as const);
    const maxWarnings = wholeNumberFlag('max-warnings', values['max-warnings'], { min: 0 });
    // 15 digits keep the number exact (below 2^53).
    const maxRuleInputBytes = wholeNumberFlag('max-rule-input-bytes', values['max-rule-input-bytes'], {
      min: 0,
      maxDigits: 15,
    });
    const rules = parseRuleFlags(values.rule ?? []);
    if (positionals.length === 0) throw new UsageError('no files given');

    let paths: string[];
    try {
      paths = await io.expand(positionals);
    } catch (e) {
      io.stderr(`iamspec lint: ${errorMessage(e)}\n`);
      return 2;
    }
    if (paths.length === 0) {
      io.stderr(`iamspec lint: no files match ${positionals.join(' ')}\n`);
      return 2;
    }

    // The catalog is large: load it only when asked for.
    const catalog = values.catalog ? (await import('../../catalog/index.js')).serviceCatalog : undefined;
    const results: FileDiagnostics[] = [];
    let failed = false;
    for (const path of paths) {
      const read = await readTextFile(io, path);
      if ('error' in read) {
        io.stderr(`iamspec lint: ${read.error}\n`);
        failed = true;
        continue;
      }
      const text = read.text;
      const fileKind = detectKind(path, text, kind);
      if (fileKind === 'policy') {
        try {
          const options: { type?: string; rules?: Record<string, RuleSetting>; catalog?: ServiceCatalog } = { rules };
          if (values.type !== undefined) options.type = values.type;
          if (catalog) options.catalog = catalog;
          results.push({ path, diagnostics: lintPolicyFile(text, options) });
        } catch (e) {
          io.stderr(`iamspec lint: ${path}: ${errorMessage(e)}\n`);
          failed = true;
        }
        continue;
      }
      const options: {
        platform?: Platform;
        fileName: string;
        rules: Record<string, RuleSetting>;
        agent?: AgentVersion;
        instanceOs?: InstanceOs;
        maxRuleInputBytes?: number;
      } = { fileName: path, rules };
      if (platform) options.platform = platform;
      if (agent) options.agent = agent;
      if (instanceOs) options.instanceOs = instanceOs;
      if (maxRuleInputBytes !== undefined) options.maxRuleInputBytes = maxRuleInputBytes;
      results.push({ path, diagnostics: lintAppSpec(text, options).diagnostics });
    }

    io.stdout(render(format, results, io.color));
    if (failed) return 2;
    let errors = 0;
    let warnings = 0;
    for (const f of results) {
      for (const d of f.diagnostics) {
        if (d.severity === 'error') errors++;
        else if (d.severity === 'warning') warnings++;
      }
    }
    if (errors > 0) return 1;
    if (maxWarnings !== undefined && warnings > maxWarnings) {
      io.stderr(`iamspec lint: ${warnings} warnings (more than --max-warnings ${maxWarnings})\n`);
      return 1;
    }
    return 0;
  },
};

function parse(argv: readonly string[]) {
  return parseFlags(argv, {
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      platform: { type: 'string' },
      'max-warnings': { type: 'string' },
      rule: { type: 'string', multiple: true },
      kind: { type: 'string' },
      type: { type: 'string' },
      agent: { type: 'string' },
      os: { type: 'string' },
      'max-rule-input-bytes': { type: 'string' },
      catalog: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function render(format: (typeof FORMATS)[number], files: readonly FileDiagnostics[], color: boolean): string {
  switch (format) {
    case 'json':
      return formatJson(files);
    case 'sarif':
      return formatSarif(files, { rules: [...appSpecRules, ...policyRuleMetas], toolName: 'iamspec' });
    case 'github':
      return formatGithub(files);
    default:
      return formatStylish(files, { color });
  }
}

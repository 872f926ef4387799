import type { RuleMeta, Severity } from '../types.js';
import { formattableFiles, formattableRules } from './input.js';
import type { FileDiagnostics } from './types.js';

/** Options of {@link formatSarif}. */
export interface SarifOptions {
  /** Metadata of every rule that may appear, for `tool.driver.rules`. */
  readonly rules: readonly RuleMeta[];
  /** Default `iamspec`. */
  readonly toolName?: string;
  readonly toolVersion?: string;
  /** Default `https://www.npmjs.com/package/iamspec`. */
  readonly informationUri?: string;
}

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/**
 * A SARIF 2.1.0 log with one run: `tool.driver.rules` holds the metadata of the rules that
 * fired (and of rules unknown to `options.rules`, with their id only), and each result points at
 * its rule by id and index. Ranges become 1-based SARIF regions with exclusive end columns.
 * Malformed input renders only its well-formed part; missing options or rules mean the defaults.
 */
export function formatSarif(given: readonly FileDiagnostics[], givenOptions?: SarifOptions): string {
  const files = formattableFiles(given);
  const options: Partial<SarifOptions> = typeof givenOptions === 'object' && givenOptions !== null ? givenOptions : {};
  const meta = new Map(formattableRules(options.rules).map((r) => [r.id, r]));
  const ruleIndex = new Map<string, number>();
  const rules: object[] = [];
  const indexOf = (id: string): number => {
    let i = ruleIndex.get(id);
    if (i === undefined) {
      i = rules.length;
      ruleIndex.set(id, i);
      const m = meta.get(id);
      rules.push(
        m
          ? {
              id,
              shortDescription: { text: m.description },
              ...(m.rationale ? { fullDescription: { text: m.rationale } } : {}),
              defaultConfiguration: { level: LEVEL[m.defaultSeverity] },
              ...(m.category ? { properties: { tags: [m.category] } } : {}),
            }
          : { id },
      );
    }
    return i;
  };
  const results: object[] = [];
  for (const f of files) {
    for (const d of f.diagnostics) {
      const { start, end } = d.range;
      results.push({
        ruleId: d.ruleId,
        ruleIndex: indexOf(d.ruleId),
        level: LEVEL[d.severity],
        message: { text: typeof d.help === 'string' && d.help ? `${d.message} ${d.help}` : d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: toUri(f.path) },
              region: {
                startLine: start.line,
                startColumn: start.column,
                endLine: end.line,
                endColumn: end.column,
                charOffset: start.offset,
                charLength: end.offset - start.offset,
              },
            },
          },
        ],
        ...(Array.isArray(d.suggestions) && d.suggestions.length > 0
          ? { properties: { suggestions: d.suggestions.filter((x) => typeof x === 'string') } }
          : {}),
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: typeof options.toolName === 'string' ? options.toolName : 'iamspec',
            ...(typeof options.toolVersion === 'string' && options.toolVersion ? { version: options.toolVersion } : {}),
            informationUri:
              typeof options.informationUri === 'string'
                ? options.informationUri
                : 'https://www.npmjs.com/package/iamspec',
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A UTF-16 surrogate without its pair: encodeURIComponent throws URIError on one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A relative URI reference for a file path: '/'-separated, each segment percent-encoded. */
function toUri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .map((s) => encodeURIComponent(s.replace(LONE_SURROGATE, '\uFFFD')))
    .join('/');
}

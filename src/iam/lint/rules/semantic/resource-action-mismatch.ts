import { actionProblem } from './action-malformed.js';
import { matchingActions } from './shared/catalog-actions.js';
import { arnPatternFitsFormat, hasWildcard, type MatchBudget, matchBudget } from './shared/glob.js';
import { splitAction } from './shared/policy.js';
import { ALL_TYPES, defineRule, type SemanticCatalog, type SemanticFinding, type SemanticRule } from './shared/rule.js';
import { splitArnSegments } from '../../../policy/arn.js';
import type { Statement } from '../../../policy/types.js';

/** Most catalog actions examined per statement (bounded work for broad patterns). */
const MAX_ACTIONS = 5000;
/** Most (pattern, ARN format) pairs compared per statement. */
const MAX_PAIRS = 5000;
/** Longest pattern compared; longer ones are assumed to fit. */
const MAX_PATTERN = 1024;

/** The service segment of an ARN or ARN format, or `undefined` when it has none or contains a wildcard. */
function literalService(arn: string): string | undefined {
  const segments = splitArnSegments(arn);
  const service = segments.length >= 4 ? segments[2] : undefined;
  return service === undefined || hasWildcard(service) || service.includes('$') ? undefined : service;
}

/** True when the resource pattern may denote an ARN of the given format. */
function fits(pattern: string, format: string, budget: MatchBudget): boolean {
  if (pattern.length > MAX_PATTERN) return true;
  const a = literalService(pattern);
  const b = literalService(format);
  if (a !== undefined && b !== undefined && a !== b) return false;
  return arnPatternFitsFormat(pattern, format, budget);
}

/**
 * The resource types (as ARN formats, `*` for actions without one) of every action the statement's
 * `Action` matches; `undefined` when the statement cannot be judged (unknown service, too broad, …).
 */
function actionFormats(st: Statement, catalog: SemanticCatalog): Set<string> | undefined {
  const formats = new Set<string>();
  let examined = 0;
  for (const v of st.action ?? []) {
    if (v.value === '*' || actionProblem(v.value)) return undefined;
    const parts = splitAction(v.value);
    if (!parts || hasWildcard(parts.service) || !catalog.hasService(parts.service)) return undefined;
    const names = matchingActions(catalog, parts.service, parts.name);
    for (const name of names) {
      if (++examined > MAX_ACTIONS) return undefined;
      const action = catalog.action(parts.service, name);
      if (!action) continue;
      if (action.resourceTypes.length === 0) formats.add('*');
      for (const rt of action.resourceTypes) {
        const type = catalog.resourceType(parts.service, rt.name);
        if (!type) return undefined;
        formats.add(type.arnFormat);
      }
    }
  }
  return formats.size > 0 ? formats : undefined;
}

/**
 * `resource-action-mismatch` (needs a catalog): no resource type of any action the statement
 * matches fits any of its `Resource` patterns.
 */
export const resourceActionMismatch: SemanticRule = defineRule(
  {
    id: 'resource-action-mismatch',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    needsCatalog: true,
    description:
      'No resource type of any action matched by the statement fits any of its Resource patterns (needs the service catalog).',
    rationale: 'The statement can never apply: every request it names is for a resource it does not list.',
    badExample: '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket"}',
    goodExample: '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"}',
  },
  ({ policy, catalog }) => {
    const out: SemanticFinding[] = [];
    const budget = matchBudget();
    if (!catalog) return out;
    for (const st of policy.statements) {
      const first = st.resource?.[0];
      if (!st.resource || !first || st.resource.some((r) => r.value === '*')) continue;
      const formats = actionFormats(st, catalog);
      if (!formats) continue;
      if (st.resource.length * formats.size > MAX_PAIRS) continue;
      const fit = [...formats].some((f) => f !== '*' && (st.resource ?? []).some((r) => fits(r.value, f, budget)));
      if (!fit) {
        const expected = [...formats].slice(0, 5);
        out.push({
          at: first,
          message: `No Resource of this statement fits a resource type of its actions; expected ARNs like ${expected.map((f) => `'${f}'`).join(', ')}.`,
          help: formats.has('*')
            ? 'Actions without a resource type need "Resource": "*".'
            : 'Fix the ARNs or the actions.',
          data: { expected },
        });
      }
    }
    return out;
  },
);

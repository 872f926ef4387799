import type { Statement } from '../../../policy/types.js';
import { isGlobalKeyName } from '../../global-keys.js';
import { actionProblem } from './action-malformed.js';
import { matchingActions } from './shared/catalog-actions.js';
import { hasWildcard } from './shared/glob.js';
import { splitAction } from './shared/policy.js';
import { ALL_TYPES, defineRule, type SemanticCatalog, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** Service keys that AWS documents as available across services (spec/iam.md §5.2). */
const CROSS_SERVICE = new Set(
  [
    'ec2:SourceInstanceArn',
    'ec2:RoleDelivery',
    'glue:RoleAssumedBy',
    'lambda:SourceFunctionArn',
    'identitystore:UserId',
    'ssm:SourceInstanceArn',
  ].map((k) => k.toLowerCase()),
);

/** Most catalog actions examined per statement. */
const MAX_ACTIONS = 5000;

/** Lower-case canonical names of every key supported by an action the statement matches; `undefined` if unknown. */
function supportedKeys(st: Statement, catalog: SemanticCatalog): Set<string> | undefined {
  const keys = new Set<string>();
  let examined = 0;
  for (const v of st.action ?? []) {
    if (v.value === '*' || actionProblem(v.value)) return undefined;
    const parts = splitAction(v.value);
    if (!parts || hasWildcard(parts.service) || !catalog.hasService(parts.service)) return undefined;
    const names = matchingActions(catalog, parts.service, parts.name);
    if (names.length === 0) return undefined; // an unknown action: the intended one cannot be judged
    for (const name of names) {
      if (++examined > MAX_ACTIONS) return undefined;
      const action = catalog.action(parts.service, name);
      for (const k of action?.conditionKeys ?? []) keys.add(k.toLowerCase());
      for (const rt of action?.resourceTypes ?? []) {
        for (const k of catalog.resourceType(parts.service, rt.name)?.conditionKeys ?? []) keys.add(k.toLowerCase());
      }
    }
  }
  return examined > 0 ? keys : undefined;
}

/**
 * `condition-key-not-applicable` (needs a catalog): a service condition key that none of the
 * statement's actions supports.
 */
export const conditionKeyNotApplicable: SemanticRule = defineRule(
  {
    id: 'condition-key-not-applicable',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ALL_TYPES,
    needsCatalog: true,
    description:
      "A service condition key is not supported by any of the statement's actions or their resource types (needs the service catalog).",
    rationale: 'The key is never in those requests, so the condition does not test what the author intended.',
    badExample:
      '{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"ec2:InstanceType":"t3.micro"}}}',
    goodExample:
      '{"Effect":"Allow","Action":"ec2:RunInstances","Resource":"*","Condition":{"StringEquals":{"ec2:InstanceType":"t3.micro"}}}',
  },
  ({ policy, catalog }) => {
    const out: SemanticFinding[] = [];
    if (!catalog) return out;
    for (const st of policy.statements) {
      const entries = (st.condition ?? []).filter(
        (e) => !isGlobalKeyName(e.key) && !CROSS_SERVICE.has(e.key.toLowerCase()),
      );
      if (entries.length === 0 || !st.action) continue;
      let keys: Set<string> | undefined | null = null;
      for (const e of entries) {
        const known = catalog.conditionKey(e.key);
        if (!known) continue; // unknown keys are condition-key-unknown's
        keys ??= supportedKeys(st, catalog);
        if (!keys) break;
        if (keys.has(known.name.toLowerCase())) continue;
        out.push({
          at: e.keyLocation,
          message: `Condition key '${e.key}' is not supported by any action of this statement; it is never present in these requests.`,
          help: 'Check the key against the actions, or move the condition to a statement whose actions support it.',
          data: { key: known.name },
        });
      }
    }
    return out;
  },
);

import { conditionEntries } from './shared/conditions.js';
import { keyFacts } from './shared/policy.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** `ifexists-redundant`: `IfExists` with `ForAllValues`, or on a key that is always present. */
export const ifexistsRedundant: SemanticRule = defineRule(
  {
    id: 'ifexists-redundant',
    defaultSeverity: 'info',
    category: 'suggestion',
    appliesTo: ALL_TYPES,
    description:
      'IfExists is combined with ForAllValues, or used on a key present in every request (aws:CurrentTime, aws:EpochTime, aws:SecureTransport, aws:RequestedRegion, aws:UserAgent, aws:ViaAWSService).',
    rationale: 'It has no effect there.',
    badExample:
      '{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:SecureTransport":"false"}}}',
    goodExample: '{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}',
  },
  ({ policy, catalog }) => {
    const out: SemanticFinding[] = [];
    for (const { e } of conditionEntries(policy)) {
      if (!e.ifExists || !e.known) continue;
      const always = keyFacts(e.key, catalog)?.alwaysPresent === true;
      if (e.setOperator !== 'ForAllValues' && !always) continue;
      const plain = (e.setOperator ? `${e.setOperator}:` : '') + e.baseOperator;
      out.push({
        at: e.operatorLocation,
        message:
          e.setOperator === 'ForAllValues'
            ? `IfExists has no effect with ForAllValues (it is already true when ${e.key} is absent).`
            : `IfExists has no effect: ${e.key} is present in every request.`,
        help: `Write ${plain}.`,
        suggestions: [plain],
      });
    }
    return out;
  },
);

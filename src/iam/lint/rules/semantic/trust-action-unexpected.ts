import { globMatch, hasWildcard } from './shared/glob.js';
import { splitAction } from './shared/policy.js';
import { defineRule, type SemanticCatalog, type SemanticFinding, type SemanticRule } from './shared/rule.js';

const EXPECTED = new Set(['tagsession', 'setsourceidentity', 'setcontext']);

/** True for the STS action names a trust policy governs. */
function expectedName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('assumerole') || EXPECTED.has(lower);
}

/** True when every action the value can match is one a trust policy governs. */
function onlyExpected(value: string, catalog: SemanticCatalog | undefined): boolean {
  const parts = splitAction(value);
  if (parts?.service.toLowerCase() !== 'sts') return false;
  if (!hasWildcard(parts.name)) return expectedName(parts.name);
  if (catalog?.hasService('sts')) {
    return catalog.actionNames('sts').every((n) => !globMatch(parts.name, n) || expectedName(n));
  }
  // Without a catalog: safe when every match must start with "AssumeRole".
  const wild = parts.name.search(/[*?]/);
  return parts.name.slice(0, wild).toLowerCase().startsWith('assumerole');
}

/** `trust-action-unexpected`: a trust-policy action outside the STS role-assumption actions. */
export const trustActionUnexpected: SemanticRule = defineRule(
  {
    id: 'trust-action-unexpected',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ['trust'],
    description:
      'A trust policy names actions outside sts:AssumeRole*, sts:TagSession, sts:SetSourceIdentity and sts:SetContext (or uses NotAction).',
    rationale: 'Trust policies govern only role assumption; other actions have no effect there.',
    badExample: '{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:*"}',
    goodExample: '{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}',
  },
  ({ policy, catalog }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      for (const v of st.action ?? []) {
        if (onlyExpected(v.value, catalog)) continue;
        out.push({
          at: v,
          message: `Action '${v.value}' is not a role-assumption action; trust policies govern only sts:AssumeRole*, sts:TagSession, sts:SetSourceIdentity and sts:SetContext.`,
          help: 'List the STS actions explicitly, for example "sts:AssumeRole".',
        });
      }
      for (const v of st.notAction ?? []) {
        out.push({
          at: v,
          message: 'NotAction in a trust policy covers every other action; list the STS actions with Action instead.',
        });
      }
    }
    return out;
  },
);

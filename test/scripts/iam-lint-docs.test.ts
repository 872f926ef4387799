import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyRules } from '../../src/iam/lint/rules/index.js';
import type { PolicyRuleMeta } from '../../src/iam/lint/types.js';
import { missingDocFields, renderIamLintDocs, severityOf, typesOf } from '../../scripts/iam-lint-docs.js';

const docsFile = new URL('../../docs/iam-lint.md', import.meta.url);

describe('docs/iam-lint.md', () => {
  it('every policy rule has a description, a rationale, a bad and a good example, and policy types', () => {
    const incomplete = policyRules
      .map((rule) => ({ id: rule.id, missing: missingDocFields(rule) }))
      .filter((r) => r.missing.length > 0);
    expect(incomplete).toEqual([]);
  });

  it('is up to date with the rule metadata (run `node scripts/gen-iam-lint-docs.mjs`)', () => {
    const expected = renderIamLintDocs(policyRules);
    if (process.env['UPDATE_IAM_LINT_DOCS'] === '1') writeFileSync(docsFile, expected);
    expect(readFileSync(docsFile, 'utf8')).toBe(expected);
  });

  it('documents every rule once, with its severity and types', () => {
    const text = renderIamLintDocs(policyRules);
    expect(new Set(policyRules.map((r) => r.id)).size).toBe(policyRules.length);
    for (const rule of policyRules) {
      expect(text.split(`### \`${rule.id}\`\n`)).toHaveLength(2);
      expect(text).toContain(`**Severity:** ${severityOf(rule)} · **Types:** ${typesOf(rule)}`);
    }
  });
});

describe('renderIamLintDocs', () => {
  const base: PolicyRuleMeta = {
    id: 'x',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ['identity', 'scp'],
    description: 'a | b',
    rationale: 'r',
    badExample: '{"a":"```"}',
    goodExample: '{}',
  };

  it('renders severities by type, types, catalog marks, safe fences and escaped cells', () => {
    const text = renderIamLintDocs([
      { ...base, severityByType: { scp: 'error', rcp: 'error', identity: 'warning' } },
      {
        ...base,
        id: 'y',
        category: 'security',
        needsCatalog: true,
        appliesTo: ['identity', 'boundary', 'session', 'resource', 'trust', 'scp', 'rcp', 'endpoint'],
      },
      { ...base, id: 'z', reportedByParser: true },
      { id: 'w', defaultSeverity: 'info', appliesTo: ['trust'], description: 'other' } as unknown as PolicyRuleMeta,
    ]);
    expect(text).toContain('**Severity:** warning (error for scp) · **Types:** identity, scp');
    expect(text).toContain('| [`y`](#y) † | warning | all | a \\| b |');
    expect(text).toContain('````json\n{"a":"```"}\n````');
    expect(text).toContain('**Reported by:** `parsePolicy`');
    expect(text).toContain('**Needs:** service catalog');
    expect(text).toContain('## Other');
    expect(text).not.toContain('## Suggestions');
  });

  it('reports missing documentation fields', () => {
    expect(missingDocFields({ ...base, rationale: ' ', appliesTo: [] })).toEqual(['rationale', 'appliesTo']);
    expect(missingDocFields(base)).toEqual([]);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planRules } from '../../src/appspec/plan/index.js';
import { appSpecRules } from '../../src/appspec/rules/index.js';
import { missingDocFields, renderAppSpecRuleDocs } from '../../scripts/appspec-rule-docs.js';

const docsFile = new URL('../../docs/appspec.md', import.meta.url);

describe('docs/appspec.md', () => {
  it('every AppSpec rule has a description, a rationale and a bad and a good example', () => {
    const incomplete = appSpecRules
      .map((rule) => ({ id: rule.id, missing: missingDocFields(rule) }))
      .filter((r) => r.missing.length > 0);
    expect(incomplete).toEqual([]);
  });

  it('is up to date with the rule metadata (run `node scripts/gen-rule-docs.mjs`)', () => {
    const expected = renderAppSpecRuleDocs(appSpecRules, planRules);
    if (process.env['UPDATE_APPSPEC_DOCS'] === '1') writeFileSync(docsFile, expected);
    expect(readFileSync(docsFile, 'utf8')).toBe(expected);
  });

  it('documents every rule and planner code once, with its severity', () => {
    const text = renderAppSpecRuleDocs(appSpecRules, planRules);
    for (const rule of appSpecRules) {
      expect(text.split(`### \`${rule.id}\`\n`)).toHaveLength(2);
      expect(text).toContain(
        `| [\`${rule.id}\`](#${rule.id.replace(/[^a-z0-9]+/gi, '-')}) | ${rule.defaultSeverity} |`,
      );
    }
    for (const code of planRules) expect(text).toContain(`| \`${code.id}\` | ${code.defaultSeverity} |`);
  });
});

describe('renderAppSpecRuleDocs', () => {
  const base = { defaultSeverity: 'warning', platforms: 'all', description: 'd', rationale: 'r' } as const;

  it('shows invisible characters, picks a safe fence and escapes table cells', () => {
    const text = renderAppSpecRuleDocs(
      [
        { ...base, id: 'file/x', badExample: '\uFEFFa\r\nb\u00a0c\n', goodExample: 'x: "```"\n', description: 'a | b' },
        {
          ...base,
          id: 'ec2/y',
          defaultSeverity: 'warning',
          severity2x: 'error',
          platforms: ['server'],
          stage: 'install',
        },
        { ...base, id: 'ecs/z', platforms: ['ecs'] },
        { ...base, id: 'custom/w' },
      ],
      [],
    );
    expect(text).toContain('⟨U+FEFF⟩a⟨U+000D⟩\nb⟨U+00A0⟩c\n```');
    expect(text).toContain('````yaml\nx: "```"\n````');
    expect(text).toContain('| a \\| b |');
    expect(text).toContain(
      '**Severity:** warning · **agent 2.x:** error · **Platforms:** server · **Fails:** at Install',
    );
    expect(text).toContain('| [`ecs/z`](#ecs-z) | warning | — |');
    expect(text).toContain('## Other (`other/*`)');
    expect(text).not.toContain('Planner diagnostics');
  });

  it('reports missing documentation fields', () => {
    expect(missingDocFields({ id: 'a/b', defaultSeverity: 'info', description: ' ' })).toEqual([
      'description',
      'rationale',
      'badExample',
      'goodExample',
    ]);
  });
});

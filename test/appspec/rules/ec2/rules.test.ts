import { describe, expect, it } from 'vitest';
import { ec2Rules } from '../../../../src/appspec/rules/ec2/index.js';
import { RULE_CASES } from './cases.js';
import { covered, findings } from './helpers.js';

describe('ec2/* rules: every rule fires and stays quiet', () => {
  it('covers all 69 rules, each with a firing and a non-firing case', () => {
    const ids = ec2Rules.map((r) => r.meta.id);
    expect(ids).toHaveLength(69);
    expect(new Set(ids).size).toBe(69);
    expect(Object.keys(RULE_CASES).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const cases = RULE_CASES[id] ?? [];
      expect(
        cases.some((c) => c.count > 0),
        id,
      ).toBe(true);
      expect(
        cases.some((c) => c.count === 0),
        id,
      ).toBe(true);
    }
  });

  for (const [id, cases] of Object.entries(RULE_CASES)) {
    describe(id, () => {
      cases.forEach((c, i) => {
        it(`case ${i + 1}: ${c.count > 0 ? `fires ${c.count}×` : 'does not fire'}${c.options ? ` with ${JSON.stringify(c.options)}` : ''}`, () => {
          const found = findings(c.yaml, id, c.options);
          expect(
            found.map((d) => d.message),
            c.yaml,
          ).toHaveLength(c.count);
          const first = found[0];
          if (!first) return;
          if (c.covers !== undefined) expect(covered(c.yaml, first)).toBe(c.covers);
          if (c.severity) for (const d of found) expect(d.severity).toBe(c.severity);
          for (const word of c.says ?? []) expect(first.message).toContain(word);
        });
      });
    });
  }
});

describe('ec2/* rule metadata', () => {
  it('gives every rule an id, a severity, a description, a rationale and examples that behave', () => {
    for (const rule of ec2Rules) {
      const m = rule.meta;
      expect(m.id).toMatch(/^ec2\/[a-z0-9-]+$/);
      expect(['error', 'warning', 'info']).toContain(m.defaultSeverity);
      expect(m.platforms).toEqual(['server']);
      expect(m.description.length).toBeGreaterThan(10);
      expect(m.rationale?.length ?? 0).toBeGreaterThan(10);
      const options =
        m.id === 'ec2/os-instance-mismatch'
          ? { instanceOs: 'linux' as const }
          : m.id === 'ec2/bundle-missing-file'
            ? { bundleFiles: ['scripts/install.sh'] }
            : {};
      expect(findings(m.badExample ?? '', m.id, options).length, `${m.id} bad example`).toBeGreaterThan(0);
      expect(findings(m.goodExample ?? '', m.id, options), `${m.id} good example`).toEqual([]);
    }
  });
});

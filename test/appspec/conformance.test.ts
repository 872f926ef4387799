import { describe, expect, it } from 'vitest';
import { lintAppSpec } from '../../src/appspec/lint.js';
import { agentCases } from './shared.js';

// spec/appspec.md §8: every case of the conformance table, in the table's evaluation context.
describe('conformance: appspec-agent-cases.json (spec §8)', () => {
  const cases = agentCases();

  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  for (const c of cases) {
    it(`${c.id}: agent ${c.agent}${c.rule ? `, ${c.rule}` : ''}`, () => {
      const result = lintAppSpec(c.yaml, {
        platform: 'server',
        agent: '1.x',
        instanceOs: c.yaml.includes('os: windows') ? 'windows' : 'linux',
      });
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      const summary = result.diagnostics.map((d) => `${d.severity} ${d.ruleId}: ${d.message}`);
      if (c.agent === 'reject') {
        expect(result.verdict.outcome, summary.join('\n')).toBe('reject');
        expect(errors.length, summary.join('\n')).toBeGreaterThan(0);
      } else {
        expect(errors.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
        expect(result.verdict.outcome).toBe('accept');
      }
      if (c.rule !== null) expect(result.diagnostics.map((d) => d.ruleId)).toContain(c.rule);
    });
  }
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEvaluator, evaluate } from '../../../src/iam/evaluate/evaluate.js';
import type { EvaluationInput } from '../../../src/iam/evaluate/types.js';

interface Case extends EvaluationInput {
  readonly id: string;
  readonly name: string;
  readonly expected: string;
}

const file = new URL('../../../../shared/conformance/iam-cases.json', import.meta.url);
const cases = (JSON.parse(readFileSync(file, 'utf8')) as { cases: Case[] }).cases;

describe('conformance/iam-cases.json', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(40);
  });
  for (const c of cases) {
    it(`${c.id}: ${c.name}`, () => {
      const r = evaluate(c);
      expect(r.diagnostics).toEqual([]);
      expect(r.decision).toBe(c.expected);
      // createEvaluator and explain agree with evaluate.
      expect(createEvaluator(c.policies)(c.request).decision).toBe(c.expected);
      const ex = evaluate(c, { explain: true });
      expect(ex.decision).toBe(c.expected);
      expect(ex.explanation?.decision).toBe(c.expected);
      if (c.expected === 'ImplicitDeny') expect(ex.explanation?.blockedBy.length).toBeGreaterThan(0);
      else expect(r.reasons.length).toBeGreaterThan(0);
    });
  }
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Decision, EvaluationInput } from '../../../src/iam/evaluate/types.js';
import { referenceEvaluate } from './evaluator.js';

interface ConformanceCase extends EvaluationInput {
  readonly id: string;
  readonly name: string;
  readonly expected: Decision;
}

const file = new URL('../../../../shared/conformance/iam-cases.json', import.meta.url);
const cases = (JSON.parse(readFileSync(file, 'utf8')) as { cases: ConformanceCase[] }).cases;

describe('reference evaluator agrees with every documented conformance case', () => {
  it('has cases to check', () => {
    expect(cases.length).toBeGreaterThan(40);
  });
  for (const c of cases) {
    it(`${c.id}: ${c.name}`, () => {
      expect(referenceEvaluate({ request: c.request, policies: c.policies })).toBe(c.expected);
    });
    it(`${c.id}: same decision with policies given as JSON text`, () => {
      const asText = (list: readonly unknown[] | undefined): string[] => (list ?? []).map((p) => JSON.stringify(p));
      const p = c.policies;
      const policies = {
        identity: asText(p.identity),
        resource: asText(p.resource),
        boundary: asText(p.boundary),
        session: asText(p.session),
        scp: (p.scp ?? []).map(asText),
        rcp: (p.rcp ?? []).map(asText),
      };
      expect(referenceEvaluate({ request: c.request, policies })).toBe(c.expected);
    });
  }
});

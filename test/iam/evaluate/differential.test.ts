import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/iam/index.js';
import { inputArb } from '../reference/arbitraries.js';
import { referenceEvaluate } from '../reference/evaluator.js';

// The real engine against the naive reference evaluator of test/iam/reference (written from spec/iam.md §2–§4).
// Every CI run checks at least 20,000 fresh random inputs; a failure prints the shrunk counterexample.
const RUNS = Number(process.env.IAM_DIFF_RUNS ?? 20_000);

describe('evaluate agrees with the reference evaluator', () => {
  it(`gives the same decision on ${RUNS} random requests`, () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(evaluate(input).decision).toBe(referenceEvaluate(input));
      }),
      { numRuns: RUNS },
    );
  }, 300_000); // generous: the CI machine may be shared
});

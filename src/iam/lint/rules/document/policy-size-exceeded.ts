import type { PolicyRule } from '../../types.js';
import { ALL, checkRule } from './shared.js';
import { countingPhrase, measurePolicy } from './size.js';

/** `policy-size-exceeded`: the document is larger than the §1.7 quota (or the caller's limit). */
export const policySizeExceeded: PolicyRule = checkRule(
  {
    id: 'policy-size-exceeded',
    defaultSeverity: 'error',
    category: 'correctness',
    appliesTo: ALL,
    runsOnInvalidDocument: true,
    description:
      'The policy is larger than its quota: 6,144 (managed/boundary) or 2,048 (trust) characters without whitespace; 5,120 (SCP, RCP) or 2,048 (session) characters in total; or the caller-supplied limit.',
    rationale: 'AWS rejects documents over the quota.',
    badExample: 'A trust policy of 2,100 non-whitespace characters.',
    goodExample: 'The same trust policy split or trimmed to at most 2,048 non-whitespace characters.',
  },
  (ctx) => {
    const m = measurePolicy(ctx);
    if (!m || m.size <= m.limit) return;
    ctx.report({
      at: { pointer: '', start: 0, end: 1 },
      message: `The policy has ${m.size} ${countingPhrase(m.counting)}, over the limit of ${m.limit}.`,
      help: 'Remove redundant statements or values, use wildcards, or split the policy.',
      data: { size: m.size, limit: m.limit, counting: m.counting },
    });
  },
);

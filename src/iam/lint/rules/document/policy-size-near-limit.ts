import type { PolicyRule } from '../../types.js';
import { ALL, checkRule } from './shared.js';
import { countingPhrase, measurePolicy } from './size.js';

/** Share of the quota from which `policy-size-near-limit` fires. */
const NEAR = 0.9;

/** `policy-size-near-limit`: the document uses at least 90 % of its quota. */
export const policySizeNearLimit: PolicyRule = checkRule(
  {
    id: 'policy-size-near-limit',
    defaultSeverity: 'info',
    category: 'suggestion',
    appliesTo: ALL,
    runsOnInvalidDocument: true,
    description: 'The policy uses at least 90 % of its size quota (§1.7).',
    rationale: 'Leaves little headroom for future edits.',
    badExample: 'An SCP of 4,800 characters (limit 5,120).',
    goodExample: 'The same SCP with whitespace removed or statements merged.',
  },
  (ctx) => {
    const m = measurePolicy(ctx);
    if (!m || m.size > m.limit || m.size < NEAR * m.limit) return;
    ctx.report({
      at: { pointer: '', start: 0, end: 1 },
      message: `The policy has ${m.size} ${countingPhrase(m.counting)}, ${Math.floor((m.size / m.limit) * 100)} % of the limit of ${m.limit}.`,
      data: { size: m.size, limit: m.limit, counting: m.counting },
    });
  },
);

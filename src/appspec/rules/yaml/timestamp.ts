import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `yaml/timestamp`: a plain scalar the agent reads as a date or timestamp. */
export const timestamp: AppSpecRule = {
  meta: {
    id: 'yaml/timestamp',
    defaultSeverity: 'error',
    platforms: ['server'],
    order: RULE_ORDER.load,
    category: 'yaml',
    description: 'An unquoted value is read as a date or timestamp (EC2/On-Premises).',
    rationale: 'Agents on Ruby 3.1 or later load AppSpecs safely and refuse the whole file when it holds a date.',
    badExample: 'runas: 2020-01-01',
    goodExample: 'runas: "2020-01-01"',
  },
  check(ctx) {
    for (const s of ctx.nodes.scalars) {
      if (s.type !== 'PLAIN') continue;
      // Dates and timestamps start with four digits and a '-' (after an optional '-'): most
      // scalars are dismissed on their raw text, before they are resolved.
      const raw = String(s.value ?? '');
      if (raw.charCodeAt(raw.charCodeAt(0) === 45 ? 5 : 4) !== 45) continue;
      const v = ctx.scalar(s);
      if (!v || (v.kind !== 'date' && v.kind !== 'timestamp')) continue;
      ctx.report({
        node: s,
        message: `'${v.source}' is read as a ${v.kind === 'date' ? 'date' : 'timestamp'}; the CodeDeploy agent on Ruby 3.1+ refuses the whole file.`,
        help: 'Quote it.',
        suggestions: [`"${v.raw}"`],
      });
    }
  },
};

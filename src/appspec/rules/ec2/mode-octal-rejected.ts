import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { readMode } from './mode-analysis.js';
import { permissionEntries, valueTarget } from './util.js';

/** `ec2/mode-octal-rejected`: an unquoted leading-zero `mode` whose octal value agent 1.x rejects (`0755` → 493). */
export const modeOctalRejected: AppSpecRule = {
  meta: {
    id: 'ec2/mode-octal-rejected',
    defaultSeverity: 'error',
    platforms: ['server'],
    order: RULE_ORDER.permissions,
    category: 'yaml',
    description: 'Unquoted `mode` with a leading zero, read as an octal number that is not a valid mode.',
    rationale:
      'YAML 1.1 reads `0755` as the octal number 493; the agent then rejects mode 493 because 9 is not an octal digit.',
    badExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    mode: 0755\n',
    goodExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    mode: "0755"\n',
  },
  check(ctx) {
    if (ctx.agent === '2.x') return;
    for (const p of permissionEntries(ctx)) {
      const entry = ctx.get(p.map, 'mode');
      const v = entry ? ctx.scalar(entry.value) : null;
      if (!entry || !v || ctx.isSuppressed(entry.value)) continue;
      const reading = readMode(v, ctx.agent);
      if (!reading.octalFrom) continue;
      const tooLong = reading.text.length > 4;
      const badDigit = reading.text.match(/[89]/)?.[0];
      if (!tooLong && !badDigit) continue;
      const fixed = v.source.replace(/^0+(?=\d)/, '');
      ctx.report({
        node: valueTarget(entry),
        message: `Unquoted \`mode: ${v.source}\` is the octal number ${v.text}; the agent rejects mode ${reading.text} (${tooLong ? 'more than 4 digits' : `digit ${badDigit} is not octal`}).`,
        help: `Quote it (\`mode: "${v.source}"\`) or write \`mode: ${fixed}\`.`,
        suggestions: [`"${v.source}"`, fixed],
        data: { agentMode: reading.text },
      });
    }
  },
};

import type { AppSpecRule } from '../types.js';
import { readMode } from './mode-analysis.js';
import { padMode, permissionString } from './text-checks.js';
import { permissionEntries, valueTarget } from './util.js';

/** `ec2/mode-octal-silent`: an unquoted leading-zero `mode` that agent 1.x reads as a different valid mode. */
export const modeOctalSilent: AppSpecRule = {
  meta: {
    id: 'ec2/mode-octal-silent',
    defaultSeverity: 'warning',
    platforms: ['server'],
    category: 'yaml',
    description: 'Unquoted `mode` with a leading zero, read as an octal number that gives other permissions.',
    rationale:
      'YAML 1.1 reads `0644` as the octal number 420; the agent then applies mode 420 (r---w----) instead of 644 (rw-r--r--) without any error.',
    badExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    mode: 0644\n',
    goodExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    mode: "0644"\n',
  },
  check(ctx) {
    if (ctx.agent === '2.x') return;
    for (const p of permissionEntries(ctx)) {
      const entry = ctx.get(p.map, 'mode');
      const v = entry ? ctx.scalar(entry.value) : null;
      if (!entry || !v || ctx.isSuppressed(entry.value)) continue;
      const reading = readMode(v, ctx.agent);
      if (!reading.octalFrom || typeof v.value !== 'number' || v.value < 8) continue;
      if (reading.text.length > 4 || /[89]/.test(reading.text)) continue; // ec2/mode-octal-rejected
      const intended = padMode(reading.octalFrom.replace(/^[-+]?0+/, '').replaceAll('_', ''));
      const validIntended = intended.length <= 4 && /^[0-7]+$/.test(intended);
      ctx.report({
        node: valueTarget(entry),
        message: `Unquoted \`mode: ${v.source}\` is the octal number ${v.text}: the agent applies mode ${reading.text} (${permissionString(reading.text)})${validIntended ? ` instead of ${intended} (${permissionString(intended)})` : ''}.`,
        help: `Quote it (\`mode: "${v.source}"\`) or drop the leading zero.`,
        suggestions: [`"${v.source}"`],
        data: { agentMode: reading.text, ...(validIntended ? { writtenMode: intended } : {}) },
      });
    }
  },
};

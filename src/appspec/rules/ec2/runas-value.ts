import type { AppSpecRule } from '../types.js';
import { scriptEntries, valueTarget } from './util.js';

const SHELL_CHARS = /[\s;|&$`<>()'"\\*?{}[\]#!~]/;

/** `ec2/runas-value`: `runas` is blank, all digits, or contains whitespace or shell characters. */
export const runasValue: AppSpecRule = {
  meta: {
    id: 'ec2/runas-value',
    defaultSeverity: 'warning',
    stage: 'run',
    platforms: ['server'],
    category: 'hooks',
    description: '`runas` is not a plain user name.',
    rationale:
      'The agent runs `su <runas> -c <script>`: an empty value runs the script as root, a number is looked up as a user name, and spaces or shell characters break the command line.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      runas: "ec2 user"\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      runas: ec2-user\n',
  },
  check(ctx) {
    for (const s of scriptEntries(ctx)) {
      const entry = ctx.get(s.map, 'runas');
      if (!entry || entry.value === null || ctx.isSuppressed(entry.value)) continue;
      const v = ctx.scalar(entry.value);
      if (v?.kind === 'null') continue;
      const text = v ? v.text.trim() : null;
      let problem: string | null = null;
      if (text === null) problem = `is ${ctx.describe(entry.value)}, not a user name`;
      else if (text === '') {
        if (ctx.agent === '2.x') continue; // agent 2.x treats a blank runas as absent
        problem = 'is blank: `su` without a user switches to root';
      } else if (/^[0-9]+$/.test(text))
        problem = `is the number ${text}: \`su\` looks it up as a user name, not a user id`;
      else if (SHELL_CHARS.test(text))
        problem = `${JSON.stringify(text)} contains whitespace or shell characters, which break the \`su\` command line`;
      if (!problem) continue;
      ctx.report({
        node: valueTarget(entry),
        message: `\`runas\` ${problem}.`,
        help: 'Use the name of an existing user that needs no password for `su`.',
      });
    }
  },
};

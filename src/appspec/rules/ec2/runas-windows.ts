import type { AppSpecRule } from '../types.js';
import { scriptEntries, validOs } from './util.js';

/** `ec2/runas-windows`: `runas` or `sudo` in a script of a Windows AppSpec. */
export const runasWindows: AppSpecRule = {
  meta: {
    id: 'ec2/runas-windows',
    defaultSeverity: 'warning',
    platforms: ['server'],
    category: 'hooks',
    description: '`runas` or `sudo` on Windows, where the agent ignores them.',
    rationale:
      'The Windows agent runs every script as its own service account; the User Guide says not to use `runas` there.',
    badExample:
      'version: 0.0\nos: windows\nhooks:\n  AfterInstall:\n    - location: a.ps1\n      runas: Administrator\n',
    goodExample: 'version: 0.0\nos: windows\nhooks:\n  AfterInstall:\n    - location: a.ps1\n',
  },
  check(ctx) {
    if (validOs(ctx) !== 'windows') return;
    for (const s of scriptEntries(ctx)) {
      for (const key of ['runas', 'sudo']) {
        const entry = ctx.get(s.map, key);
        if (!entry) continue;
        ctx.report({
          range: ctx.keyRange(entry),
          message: `\`${key}\` is ignored on Windows: the agent runs the script as its own account.`,
          help: `Remove \`${key}\`.`,
        });
      }
    }
  },
};

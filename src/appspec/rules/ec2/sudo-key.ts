import type { AppSpecRule } from '../types.js';
import { scriptEntries } from './util.js';

/** `ec2/sudo-key`: the undocumented `sudo` key of a script. */
export const sudoKey: AppSpecRule = {
  meta: {
    id: 'ec2/sudo-key',
    defaultSeverity: 'info',
    platforms: ['server'],
    category: 'hooks',
    description: 'A script uses the undocumented `sudo` key.',
    rationale:
      'The Linux agent reads `sudo` and prefixes the command with `sudo`; the key is not in the User Guide, so other tools may not know it.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      sudo: true\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      runas: root\n',
  },
  check(ctx) {
    for (const s of scriptEntries(ctx)) {
      const entry = ctx.get(s.map, 'sudo');
      if (!entry) continue;
      const v = ctx.scalar(entry.value);
      ctx.report({
        range: ctx.keyRange(entry),
        message: `\`sudo\` is undocumented; the Linux agent ${v?.kind === 'bool' && v.value === true ? 'runs this script through `sudo`' : 'reads it as a switch to run the script through `sudo`'}.`,
        help: 'Prefer `runas`, which is documented.',
      });
    }
  },
};

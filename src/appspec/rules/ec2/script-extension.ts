import type { AppSpecRule } from '../types.js';
import { scriptEntries, trimmedText, validOs, valueTarget } from './util.js';

/** `ec2/script-extension`: a `.sh` script on Windows, or a `.ps1`/`.bat`/`.cmd` script on Linux. */
export const scriptExtension: AppSpecRule = {
  meta: {
    id: 'ec2/script-extension',
    defaultSeverity: 'info',
    stage: 'run',
    platforms: ['server'],
    category: 'hooks',
    description: 'A script type that the target OS does not run directly.',
    rationale:
      'Windows runs `.ps1` files through PowerShell and other files directly, so a `.sh` script does not run; Linux needs an executable with a shebang, so `.ps1`/`.bat`/`.cmd` files do not run.',
    badExample: 'version: 0.0\nos: windows\nhooks:\n  AfterInstall:\n    - location: scripts/setup.sh\n',
    goodExample: 'version: 0.0\nos: windows\nhooks:\n  AfterInstall:\n    - location: scripts/setup.ps1\n',
  },
  check(ctx) {
    const os = validOs(ctx);
    if (!os) return;
    for (const s of scriptEntries(ctx)) {
      const entry = ctx.get(s.map, 'location');
      const text = trimmedText(ctx, entry);
      if (!entry || !text || ctx.isSuppressed(entry.value)) continue;
      const lower = text.toLowerCase();
      const bad =
        os === 'windows' ? lower.endsWith('.sh') : ['.ps1', '.bat', '.cmd'].some((ext) => lower.endsWith(ext));
      if (!bad) continue;
      ctx.report({
        node: valueTarget(entry),
        message:
          os === 'windows'
            ? `${JSON.stringify(text)} is a shell script, but \`os: windows\`: Windows instances run .ps1 files through PowerShell and other files directly.`
            : `${JSON.stringify(text)} is a Windows script, but \`os: linux\`: Linux instances run the file directly and need an executable with a shebang.`,
        help:
          os === 'windows'
            ? 'Use a PowerShell (.ps1) or batch (.bat/.cmd) script.'
            : 'Use a shell script with a shebang line.',
      });
    }
  },
};

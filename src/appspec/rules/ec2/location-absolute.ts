import type { AppSpecRule } from '../types.js';
import { hasDriveLetter } from './text-checks.js';
import { scriptEntries, trimmedText, valueTarget } from './util.js';

/** `ec2/location-absolute`: `location` is an absolute instance path (`/opt/x.sh`, `C:\x.ps1`). */
export const locationAbsolute: AppSpecRule = {
  meta: {
    id: 'ec2/location-absolute',
    defaultSeverity: 'warning',
    stage: 'run',
    platforms: ['server'],
    category: 'hooks',
    description: '`location` is an absolute path on the instance instead of a path inside the bundle.',
    rationale:
      'The agent joins `location` to the bundle root, so `/opt/tomcat/bin/startup.sh` means `<bundle>/opt/tomcat/bin/startup.sh`, which is missing when the event runs.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: /opt/tomcat/bin/startup.sh\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: scripts/start.sh\n',
  },
  check(ctx) {
    for (const s of scriptEntries(ctx)) {
      const entry = ctx.get(s.map, 'location');
      const text = trimmedText(ctx, entry);
      if (!entry || !text || ctx.isSuppressed(entry.value)) continue;
      if (!text.startsWith('/') && !hasDriveLetter(text)) continue;
      const relative = text.replace(/^(?:[A-Za-z]:)?[\\/]+/, '');
      ctx.report({
        node: valueTarget(entry),
        message: `\`location\` ${JSON.stringify(text)} is absolute, but the agent resolves it inside the bundle (\`<bundle>/${relative}\`); unless the bundle has that path, the script is missing at run time.`,
        help: 'Use the path of the script relative to the bundle root; call instance programs from inside that script.',
      });
    }
  },
};

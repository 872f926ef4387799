import type { AppSpecRule } from '../types.js';
import { isAbsoluteDestination } from './text-checks.js';
import { fileEntries, scalarOf, validOs, valueTarget } from './util.js';

/** `ec2/files-destination-relative`: a `destination` that is not an absolute path for the OS. */
export const filesDestinationRelative: AppSpecRule = {
  meta: {
    id: 'ec2/files-destination-relative',
    defaultSeverity: 'warning',
    stage: 'install',
    platforms: ['server'],
    category: 'files',
    description: '`destination` is not an absolute path.',
    rationale:
      'The agent accepts a relative destination and resolves it against its own working directory, not where you expect.',
    badExample: 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: var/www/html\n',
    goodExample: 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /var/www/html\n',
  },
  check(ctx) {
    const os = validOs(ctx);
    for (const f of fileEntries(ctx)) {
      const entry = ctx.get(f.map, 'destination');
      const v = scalarOf(ctx, entry);
      if (!entry || !v || v.kind === 'null' || v.text === '' || ctx.isSuppressed(entry.value)) continue;
      if (isAbsoluteDestination(v.text, os)) continue;
      const fix = os === 'windows' ? null : `/${v.text.replace(/^\.?\/*/, '')}`;
      ctx.report({
        node: valueTarget(entry),
        message: `\`destination\` ${JSON.stringify(v.text)} is not absolute; the agent resolves it against its own working directory.`,
        help:
          os === 'windows'
            ? 'Use a fully qualified path such as `C:\\inetpub\\app`.'
            : 'Use an absolute path starting with `/`.',
        ...(fix ? { suggestions: [fix] } : {}),
      });
    }
  },
};

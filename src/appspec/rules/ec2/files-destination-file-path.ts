import type { AppSpecRule } from '../types.js';
import { hasExtension, lastSegment } from './text-checks.js';
import { bundleFileSet, fileEntries, sourceIsFile, trimmedText, validOs, valueTarget } from './util.js';

/** `ec2/files-destination-file-path`: a file source whose destination names the file instead of its directory. */
export const filesDestinationFilePath: AppSpecRule = {
  meta: {
    id: 'ec2/files-destination-file-path',
    defaultSeverity: 'warning',
    stage: 'install',
    platforms: ['server'],
    category: 'files',
    description: '`destination` looks like a file path, but the agent always treats it as a directory.',
    rationale:
      'A file source is copied into the destination directory keeping its name: `source: app.conf` with `destination: /etc/app/app.conf` creates `/etc/app/app.conf/app.conf`.',
    badExample: 'version: 0.0\nos: linux\nfiles:\n  - source: config/app.conf\n    destination: /etc/app/app.conf\n',
    goodExample: 'version: 0.0\nos: linux\nfiles:\n  - source: config/app.conf\n    destination: /etc/app\n',
  },
  check(ctx) {
    const bundle = bundleFileSet(ctx);
    const windows = validOs(ctx) === 'windows';
    for (const f of fileEntries(ctx)) {
      const sourceEntry = ctx.get(f.map, 'source');
      const destEntry = ctx.get(f.map, 'destination');
      const source = trimmedText(ctx, sourceEntry);
      const dest = trimmedText(ctx, destEntry);
      if (!source || !dest || !destEntry || ctx.isSuppressed(destEntry.value) || ctx.isSuppressed(sourceEntry?.value))
        continue;
      if (!sourceIsFile(source, bundle)) continue;
      const srcName = lastSegment(source, windows);
      const destName = lastSegment(dest, windows);
      if (destName === '' || /[\\/]$/.test(dest)) continue; // a trailing separator says "directory"
      if (destName !== srcName && (!hasExtension(destName) || destName.endsWith('.d'))) continue; // conf.d-style directories
      const parent = dest.slice(0, dest.length - destName.length).replace(/[\\/]+$/, '') || '/';
      ctx.report({
        node: valueTarget(destEntry),
        message: `\`destination\` is always a directory: the file ${JSON.stringify(srcName)} will be copied to ${JSON.stringify(`${dest.replace(/[\\/]+$/, '')}/${srcName}`)}.`,
        help: `Use the parent directory: \`destination: ${parent}\`.`,
        suggestions: [parent],
      });
    }
  },
};

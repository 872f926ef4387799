import type { AppSpecRule } from '../types.js';
import { bundleSegments, lastSegment } from './text-checks.js';
import { bundleFileSet, fileEntries, sourceIsFile, trimTrailingSlash, trimmedText } from './util.js';

/** `ec2/files-duplicate-target`: two `files` entries write the same target. */
export const filesDuplicateTarget: AppSpecRule = {
  meta: {
    id: 'ec2/files-duplicate-target',
    defaultSeverity: 'warning',
    stage: 'install',
    platforms: ['server'],
    category: 'files',
    description: 'Two `files` entries copy to the same target path.',
    rationale: 'The agent fails at Install when one target path gets two sources.',
    badExample:
      'version: 0.0\nos: linux\nfiles:\n  - source: a/app.conf\n    destination: /etc/app\n  - source: b/app.conf\n    destination: /etc/app\n',
    goodExample: 'version: 0.0\nos: linux\nfiles:\n  - source: a/app.conf\n    destination: /etc/app\n',
  },
  check(ctx) {
    const bundle = bundleFileSet(ctx);
    const seenPair = new Map<string, number>();
    const seenFile = new Map<string, number>();
    const entries = fileEntries(ctx);
    if (entries.length < 2) return; // nothing to compare
    entries.forEach((f, i) => {
      const source = trimmedText(ctx, ctx.get(f.map, 'source'));
      const dest = trimmedText(ctx, ctx.get(f.map, 'destination'));
      if (source === null || dest === null) return;
      const segs = bundleSegments(source, false);
      const normDest = trimTrailingSlash(dest);
      const pairKey = `${segs ? segs.join('/') : source}\u0000${normDest}`;
      let earlier = seenPair.get(pairKey);
      if (earlier === undefined) seenPair.set(pairKey, i);
      if (earlier === undefined && sourceIsFile(source, bundle)) {
        const fileKey = `${lastSegment(source)}\u0000${normDest}`;
        earlier = seenFile.get(fileKey);
        if (earlier === undefined) seenFile.set(fileKey, i);
      }
      if (earlier === undefined) return;
      const first = entries[earlier] as (typeof entries)[number];
      ctx.report({
        range: ctx.itemRange(f.item),
        message: `This entry copies to the same target as an earlier one (${JSON.stringify(normDest)}); the agent fails at Install when one path has two sources.`,
        help: 'Remove one of the entries or give them different destinations.',
        related: [{ range: ctx.itemRange(first.item), message: 'the earlier entry' }],
      });
    });
  },
};

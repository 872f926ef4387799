import type { AppSpecRule } from '../types.js';
import { bundleSegments } from './text-checks.js';
import { bundleFileSet, fileEntries, scriptEntries, trimmedText, validOs, valueTarget } from './util.js';

/** `ec2/bundle-missing-file`: a `location` or `source` that is not in `bundleFiles`. */
export const bundleMissingFile: AppSpecRule = {
  meta: {
    id: 'ec2/bundle-missing-file',
    defaultSeverity: 'warning',
    stage: 'run',
    platforms: ['server'],
    category: 'files',
    description: 'A script or files source that is not in the bundle (option `bundleFiles`).',
    rationale: 'A missing script fails its event at run time; a missing source fails the copy at Install.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/missing.sh\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/install.sh\n',
  },
  check(ctx) {
    const bundle = bundleFileSet(ctx);
    if (!bundle) return;
    const windows = validOs(ctx) === 'windows';
    const has = (path: string, dirOk: boolean): boolean => bundle.files.has(path) || (dirOk && bundle.dirs.has(path));
    const targets = [
      ...scriptEntries(ctx).map((s) => ({ entry: ctx.get(s.map, 'location'), dirOk: false })),
      ...fileEntries(ctx).map((f) => ({ entry: ctx.get(f.map, 'source'), dirOk: true })),
    ];
    for (const { entry, dirOk } of targets) {
      const text = trimmedText(ctx, entry);
      if (!entry || !text || ctx.isSuppressed(entry.value)) continue;
      const segs = bundleSegments(text, windows);
      if (!segs || segs.length === 0) continue; // outside the bundle, or the whole bundle
      const path = segs.join('/');
      if (has(path, dirOk)) continue;
      ctx.report({
        node: valueTarget(entry),
        message: dirOk
          ? `\`source\` ${JSON.stringify(text)} is not in the bundle; the copy fails at Install.`
          : `\`location\` ${JSON.stringify(text)} is not in the bundle; the event fails when the script should run.`,
        help: 'Add the file to the bundle or fix the path.',
        data: { path },
      });
    }
  },
};

import type { AppSpecRule } from '../types.js';
import { bundleSegments } from './text-checks.js';
import { fileEntries, scriptEntries, trimmedText, validOs, valueTarget } from './util.js';

/** `ec2/path-escapes-revision`: a `location` or `source` that leaves the bundle (`../x.sh`). */
export const pathEscapesRevision: AppSpecRule = {
  meta: {
    id: 'ec2/path-escapes-revision',
    defaultSeverity: 'warning',
    severity2x: 'error',
    platforms: ['server'],
    category: 'paths',
    description: 'A bundle-relative path that points outside the revision.',
    rationale: 'Agent 1.x reads files outside the revision directory; agent 2.1 and later reject such paths.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: ../shared/a.sh\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: shared/a.sh\n',
  },
  check(ctx) {
    const windows = validOs(ctx) === 'windows';
    const targets = [
      ...scriptEntries(ctx).map((s) => ({ key: 'location', entry: ctx.get(s.map, 'location') })),
      ...fileEntries(ctx).map((f) => ({ key: 'source', entry: ctx.get(f.map, 'source') })),
    ];
    for (const { key, entry } of targets) {
      const text = trimmedText(ctx, entry);
      if (!entry || text === null || ctx.isSuppressed(entry.value)) continue;
      if (bundleSegments(text, windows) !== null) continue;
      ctx.report({
        node: valueTarget(entry),
        message: `\`${key}\` ${JSON.stringify(text)} leaves the bundle through \`..\`; agent 1.x reads outside the revision and agent 2.1+ rejects it.`,
        help: 'Keep every path inside the bundle.',
      });
    }
  },
};

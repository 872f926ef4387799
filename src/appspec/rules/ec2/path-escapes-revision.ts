import type { MapEntry } from '../../parse/types.js';
import type { AppSpecRule, RuleContext } from '../types.js';
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
    for (const s of scriptEntries(ctx)) check(ctx, 'location', ctx.get(s.map, 'location'), windows);
    for (const f of fileEntries(ctx)) check(ctx, 'source', ctx.get(f.map, 'source'), windows);
  },
};

function check(ctx: RuleContext, key: string, entry: MapEntry | undefined, windows: boolean): void {
  const text = trimmedText(ctx, entry);
  if (!entry || text === null || ctx.isSuppressed(entry.value)) return;
  // Only a `..` segment can leave the bundle.
  if (!text.includes('..') || bundleSegments(text, windows) !== null) return;
  ctx.report({
    node: valueTarget(entry),
    message: `\`${key}\` ${JSON.stringify(text)} leaves the bundle through \`..\`; agent 1.x reads outside the revision and agent 2.1+ rejects it.`,
    help: 'Keep every path inside the bundle.',
  });
}

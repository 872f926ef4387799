import type { MapEntry } from '../../parse/types.js';
import type { AppSpecRule, RuleContext } from '../types.js';
import { fileEntries, permissionEntries, scriptEntries, trimmedText, validOs, valueTarget } from './util.js';

/** `ec2/backslash-path`: `os: linux` and a `\` in `location`, `source`, `destination` or `object`. */
export const backslashPath: AppSpecRule = {
  meta: {
    id: 'ec2/backslash-path',
    defaultSeverity: 'warning',
    platforms: ['server'],
    category: 'paths',
    description: 'A Linux path written with backslashes.',
    rationale:
      'On Linux a backslash is an ordinary file-name character, not a separator: `scripts\\a.sh` names one file.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts\\a.sh\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/a.sh\n',
  },
  check(ctx) {
    if (validOs(ctx) !== 'linux') return;
    for (const s of scriptEntries(ctx)) check(ctx, ctx.get(s.map, 'location'));
    for (const f of fileEntries(ctx)) {
      check(ctx, ctx.get(f.map, 'source'));
      check(ctx, ctx.get(f.map, 'destination'));
    }
    for (const p of permissionEntries(ctx)) check(ctx, ctx.get(p.map, 'object'));
  },
};

function check(ctx: RuleContext, entry: MapEntry | undefined): void {
  const text = trimmedText(ctx, entry);
  if (!entry || text === null || !text.includes('\\') || ctx.isSuppressed(entry.value)) return;
  const fixed = text.replaceAll('\\', '/');
  ctx.report({
    node: valueTarget(entry),
    message: `\`${entry.key}\` ${JSON.stringify(text)} uses backslashes; on Linux they are part of the file name, not separators (did you mean ${JSON.stringify(fixed)}?).`,
    help: `Write ${JSON.stringify(fixed)}.`,
    suggestions: [fixed],
  });
}

import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { fileEntries, isNullEntry } from './util.js';

/** `ec2/files-destination-missing`: a `files` entry without `destination`, or with a null one. */
export const filesDestinationMissing: AppSpecRule = {
  meta: {
    id: 'ec2/files-destination-missing',
    defaultSeverity: 'error',
    platforms: ['server'],
    order: RULE_ORDER.files,
    category: 'files',
    description: 'A `files` entry has no `destination`.',
    rationale: 'The agent rejects a files entry without a destination.',
    badExample: 'version: 0.0\nos: linux\nfiles:\n  - source: /\n',
    goodExample: 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /app\n',
  },
  check(ctx) {
    for (const f of fileEntries(ctx)) {
      const entry = ctx.get(f.map, 'destination');
      if (entry && (!isNullEntry(ctx, entry) || ctx.isSuppressed(entry.value))) continue;
      ctx.report({
        range: entry ? ctx.keyRange(entry) : ctx.itemRange(f.item),
        message: entry
          ? 'A `files` entry has an empty `destination`; the CodeDeploy agent rejects the AppSpec.'
          : 'A `files` entry has no `destination`; the CodeDeploy agent rejects the AppSpec.',
        help: 'Add `destination:` with an absolute instance directory.',
      });
    }
  },
};

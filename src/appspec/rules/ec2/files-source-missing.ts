import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { fileEntries, isNullEntry } from './util.js';

/** `ec2/files-source-missing`: a `files` entry without `source`, or with a null one. */
export const filesSourceMissing: AppSpecRule = {
  meta: {
    id: 'ec2/files-source-missing',
    defaultSeverity: 'error',
    platforms: ['server'],
    order: RULE_ORDER.files,
    category: 'files',
    description: 'A `files` entry has no `source`.',
    rationale: 'The agent rejects a files entry without a source.',
    badExample: 'version: 0.0\nos: linux\nfiles:\n  - destination: /app\n',
    goodExample: 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /app\n',
  },
  check(ctx) {
    for (const f of fileEntries(ctx)) {
      const entry = ctx.get(f.map, 'source');
      if (entry && (!isNullEntry(ctx, entry) || ctx.isSuppressed(entry.value))) continue;
      ctx.report({
        range: entry ? ctx.keyRange(entry) : ctx.itemRange(f.item),
        message: entry
          ? 'A `files` entry has an empty `source`; the CodeDeploy agent rejects the AppSpec.'
          : 'A `files` entry has no `source`; the CodeDeploy agent rejects the AppSpec.',
        help: 'Add `source:` with a bundle path (`/` for the whole bundle).',
      });
    }
  },
};

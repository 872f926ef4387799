import type { AppSpecRule } from '../types.js';
import { fileEntries } from './util.js';

/** `ec2/files-overwrite`: an `overwrite` key inside a `files` entry. */
export const filesOverwrite: AppSpecRule = {
  meta: {
    id: 'ec2/files-overwrite',
    defaultSeverity: 'warning',
    platforms: ['server'],
    category: 'files',
    description: '`overwrite` inside a `files` entry, which the agent ignores.',
    rationale:
      'There is no per-entry overwrite switch: the agent ignores the key, and existing files still make the deployment fail unless the top-level `file_exists_behavior` says otherwise.',
    badExample: 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /app\n    overwrite: true\n',
    goodExample:
      'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /app\nfile_exists_behavior: OVERWRITE\n',
  },
  check(ctx) {
    for (const f of fileEntries(ctx)) {
      for (const entry of ctx.entries(f.map)) {
        if (entry.key !== 'overwrite') continue;
        const v = ctx.scalar(entry.value);
        const keep = v?.kind === 'bool' && v.value === false;
        const replacement = `file_exists_behavior: ${keep ? 'RETAIN' : 'OVERWRITE'}`;
        ctx.report({
          range: ctx.keyRange(entry),
          message: '`overwrite` is not a files setting; the CodeDeploy agent ignores it silently.',
          help: `Remove it and add \`${replacement}\` at the top level of the AppSpec.`,
          suggestions: [replacement],
        });
      }
    }
  },
};

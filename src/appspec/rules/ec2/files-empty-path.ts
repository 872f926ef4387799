import type { AppSpecRule } from '../types.js';
import { fileEntries, scalarOf, valueTarget } from './util.js';

/** `ec2/files-empty-path`: `source` or `destination` is the empty string. */
export const filesEmptyPath: AppSpecRule = {
  meta: {
    id: 'ec2/files-empty-path',
    defaultSeverity: 'warning',
    severity2x: 'error',
    platforms: ['server'],
    category: 'files',
    description: '`source` or `destination` is an empty string.',
    rationale:
      'Agent 1.x reads an empty source as the whole bundle, and an empty destination is no usable directory; agent 2.x rejects empty paths.',
    badExample: 'version: 0.0\nos: linux\nfiles:\n  - source: ""\n    destination: /app\n',
    goodExample: 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /app\n',
  },
  check(ctx) {
    for (const f of fileEntries(ctx)) {
      for (const key of ['source', 'destination']) {
        const entry = ctx.get(f.map, key);
        const v = scalarOf(ctx, entry);
        if (!entry || !v || v.kind !== 'string' || v.text !== '' || ctx.isSuppressed(entry.value)) continue;
        ctx.report({
          node: valueTarget(entry),
          message:
            key === 'source'
              ? '`source` is empty; agent 1.x copies the whole bundle, agent 2.x rejects the AppSpec.'
              : '`destination` is empty, which is not a usable directory; agent 2.x rejects the AppSpec.',
          help:
            key === 'source'
              ? 'Write `source: /` for the whole bundle.'
              : 'Give an absolute directory on the instance.',
          ...(key === 'source' ? { suggestions: ['/'] } : {}),
        });
      }
    }
  },
};

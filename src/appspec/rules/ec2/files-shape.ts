import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { reportListSectionShape } from './util.js';

/** `ec2/files-shape`: `files` is a mapping or a scalar other than null/false instead of a list. */
export const filesShape: AppSpecRule = {
  meta: {
    id: 'ec2/files-shape',
    defaultSeverity: 'error',
    severity2x: 'error',
    platforms: ['server'],
    order: RULE_ORDER.files,
    category: 'files',
    description: '`files` is not a list of `source`/`destination` entries.',
    rationale: 'The agent fails with an internal error when `files` is a single mapping; an empty `{}` is ignored.',
    badExample: 'version: 0.0\nos: linux\nfiles:\n  source: /\n  destination: /app\n',
    goodExample: 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /app\n',
  },
  check(ctx) {
    reportListSectionShape(ctx, 'files', (isMap) =>
      isMap
        ? 'Put a `- ` before each `source:` so that `files` is a list.'
        : 'Write `files:` as a list of `- source: …` / `destination: …` entries.',
    );
  },
};

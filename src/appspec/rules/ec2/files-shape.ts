import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { rootMap, valueTarget } from './util.js';

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
    const root = rootMap(ctx);
    const entry = root ? ctx.get(root, 'files') : undefined;
    if (!entry || ctx.isSuppressed(entry.value) || ctx.asSeq(entry.value)) return;
    const map = ctx.asMap(entry.value);
    if (!map) {
      const v = ctx.scalar(entry.value);
      if (!v || v.kind === 'null' || (v.kind === 'bool' && v.value === false)) return;
    }
    const empty = map !== null && map.items.length === 0;
    ctx.report({
      node: valueTarget(entry),
      ...(empty ? { severity: 'warning' as const } : {}),
      message: empty
        ? '`files` is an empty mapping; the CodeDeploy agent ignores it.'
        : `\`files\` is ${ctx.describe(entry.value)} instead of a list; the CodeDeploy agent fails on this.`,
      help: map
        ? 'Put a `- ` before each `source:` so that `files` is a list.'
        : 'Write `files:` as a list of `- source: …` / `destination: …` entries.',
    });
  },
};

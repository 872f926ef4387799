import type { YamlNode } from '../../parse/types.js';
import type { AppSpecRule } from '../types.js';
import { exceptItems, isNullEntry, permissionEntries, valueTarget } from './util.js';

/** `ec2/permission-pattern-type`: `pattern` or an `except` item is not a string (number, boolean). */
export const permissionPatternType: AppSpecRule = {
  meta: {
    id: 'ec2/permission-pattern-type',
    defaultSeverity: 'warning',
    severity2x: 'error',
    stage: 'install',
    platforms: ['server'],
    category: 'permissions',
    description: '`pattern` or an `except` item is not a string.',
    rationale:
      'Agent 1.x accepts a number or boolean here without checking, and matching breaks at Install; agent 2.x rejects it.',
    badExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    pattern: 5\n',
    goodExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    pattern: "5"\n',
  },
  check(ctx) {
    for (const p of permissionEntries(ctx)) {
      const pattern = ctx.get(p.map, 'pattern');
      const nodes: { node: YamlNode | null; what: string }[] = [];
      if (pattern && !isNullEntry(ctx, pattern) && !ctx.isSuppressed(pattern.value)) {
        nodes.push({ node: valueTarget(pattern), what: '`pattern`' });
      }
      for (const item of exceptItems(ctx, p.map)) nodes.push({ node: item, what: 'An `except` item' });
      for (const { node, what } of nodes) {
        if (!node || ctx.isSuppressed(node)) continue;
        const v = ctx.scalar(node);
        if (v?.kind === 'string') continue;
        ctx.report({
          node,
          message: `${what} is ${v ? (v.kind === 'null' ? 'null' : `${ctx.describe(node)} (${v.source})`) : ctx.describe(node)}, not a string; agent 1.x fails when it matches names at Install and agent 2.x rejects it.`,
          help:
            v && v.kind !== 'null'
              ? `Quote it: ${JSON.stringify(v.source.replace(/^['"]|['"]$/g, ''))}.`
              : 'Give a name or `*` pattern as a string.',
        });
      }
    }
  },
};

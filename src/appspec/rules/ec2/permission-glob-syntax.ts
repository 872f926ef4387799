import type { YamlNode } from '../../parse/types.js';
import type { AppSpecRule } from '../types.js';
import { exceptItems, isNullEntry, permissionEntries, valueTarget } from './util.js';

const GLOB_CHARS = ['?', '[', ']', '{', '}', '!', '\\'];

/** `ec2/permission-glob-syntax`: `pattern` or an `except` item uses glob syntax other than `*`. */
export const permissionGlobSyntax: AppSpecRule = {
  meta: {
    id: 'ec2/permission-glob-syntax',
    defaultSeverity: 'warning',
    stage: 'install',
    platforms: ['server'],
    category: 'permissions',
    description: '`pattern` or `except` uses `? [ ] { } ! \\`, which agent 1.x treats as literal characters.',
    rationale:
      'Only `*` is special for agent 1.x: `*.{js,css}` matches only a name that is literally `x.{js,css}`. Agent 2.x treats `? [..] {a,b}` as glob syntax when the pattern also has `*`, so the two agents differ.',
    badExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    pattern: "*.{js,css}"\n',
    goodExample:
      'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    pattern: "*.js"\n  - object: /app\n    pattern: "*.css"\n',
  },
  check(ctx) {
    for (const p of permissionEntries(ctx)) {
      const pattern = ctx.get(p.map, 'pattern');
      const nodes: { node: YamlNode | null; what: string }[] = [];
      if (pattern && !isNullEntry(ctx, pattern) && !ctx.isSuppressed(pattern.value)) {
        nodes.push({ node: valueTarget(pattern), what: '`pattern`' });
      }
      for (const item of exceptItems(ctx, p.map)) nodes.push({ node: item, what: '`except` item' });
      for (const { node, what } of nodes) {
        if (!node || ctx.isSuppressed(node)) continue;
        const v = ctx.scalar(node);
        if (v?.kind !== 'string') continue;
        const found = GLOB_CHARS.filter((c) => v.text.includes(c));
        if (found.length === 0) continue;
        ctx.report({
          node,
          message: `${what} ${JSON.stringify(v.text)} uses ${found.map((c) => `\`${c}\``).join(' ')}; agent 1.x compares ${found.length === 1 ? 'it' : 'them'} literally (only \`*\` is a wildcard)${v.text.includes('*') ? ', while agent 2.x treats them as glob syntax' : ''}.`,
          help: 'Use `*` only; write one permission entry per alternative.',
        });
      }
    }
  },
};

import type { YamlNode } from '../../parse/types.js';
import type { AppSpecRule } from '../types.js';
import { exceptItems, isNullEntry, permissionEntries, valueTarget } from './util.js';

/** `ec2/permission-glob-slash`: `pattern` (other than `**`) or an `except` item contains `/`. */
export const permissionGlobSlash: AppSpecRule = {
  meta: {
    id: 'ec2/permission-glob-slash',
    defaultSeverity: 'warning',
    stage: 'install',
    platforms: ['server'],
    category: 'permissions',
    description: '`pattern` or `except` holds a path; agent 1.x compares only names of direct children.',
    rationale:
      'Except for `pattern: **`, the agent matches patterns and except items only against the names of entries directly inside `object`, so anything with a `/` never matches — including the paths in the User Guide examples.',
    badExample:
      'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    pattern: "**"\n    except: [logs/debug.log]\n',
    goodExample:
      'version: 0.0\nos: linux\npermissions:\n  - object: /app/logs\n    pattern: "*"\n    except: [debug.log]\n',
  },
  check(ctx) {
    for (const p of permissionEntries(ctx)) {
      const pattern = ctx.get(p.map, 'pattern');
      const nodes: { node: YamlNode | null; role: 'pattern' | 'except' }[] = [];
      if (pattern && !isNullEntry(ctx, pattern) && !ctx.isSuppressed(pattern.value)) {
        nodes.push({ node: valueTarget(pattern), role: 'pattern' });
      }
      for (const item of exceptItems(ctx, p.map)) nodes.push({ node: item, role: 'except' });
      for (const { node, role } of nodes) {
        if (!node || ctx.isSuppressed(node)) continue;
        const v = ctx.scalar(node);
        if (v?.kind !== 'string' || !v.text.includes('/') || (role === 'pattern' && v.text === '**')) continue;
        const name = v.text.split('/').filter((s) => s !== '');
        ctx.report({
          node,
          message: `${role === 'pattern' ? '`pattern`' : '`except` item'} ${JSON.stringify(v.text)} contains \`/\`; agent 1.x compares it only with the names of entries directly inside \`object\`, so it never matches.`,
          help:
            name.length > 1
              ? `Use a separate permission entry with \`object\` set to the directory and \`${role}\` set to ${JSON.stringify(name[name.length - 1])}.`
              : 'Use a name relative to `object`, without `/`.',
        });
      }
    }
  },
};

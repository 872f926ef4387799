import { suggestNames } from '../../../diagnostics/suggest.js';
import type { YamlNode } from '../../parse/types.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { permissionEntries } from './util.js';

const TYPE_ALIASES: Readonly<Record<string, readonly string[]>> = Object.assign(Object.create(null), {
  dir: ['directory'],
  folder: ['directory'],
  dirs: ['directory'],
  files: ['file'],
  directories: ['directory'],
});

/** `ec2/permission-type-value`: a `type` item that is not exactly `file` or `directory`. */
export const permissionTypeValue: AppSpecRule = {
  meta: {
    id: 'ec2/permission-type-value',
    defaultSeverity: 'error',
    platforms: ['server'],
    order: RULE_ORDER.permissions,
    category: 'permissions',
    description: 'A `type` item is not `file` or `directory`.',
    rationale: 'The agent accepts only the lower-case words file and directory and rejects anything else.',
    badExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    type: [dir]\n',
    goodExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    type: [directory]\n',
  },
  check(ctx) {
    for (const p of permissionEntries(ctx)) {
      const entry = ctx.get(p.map, 'type');
      if (!entry || ctx.isSuppressed(entry.value)) continue;
      const seq = ctx.asSeq(entry.value);
      if (!seq) continue;
      for (const item of seq.items) {
        const node = item as YamlNode | null;
        if (!node || ctx.isSuppressed(node)) continue;
        const v = ctx.scalar(node);
        if (v?.kind === 'string' && (v.value === 'file' || v.value === 'directory')) continue;
        const text = v ? v.text : ctx.describe(node);
        const suggestions = suggestNames(text, ['file', 'directory'], { aliases: TYPE_ALIASES });
        ctx.report({
          node,
          message: `\`type\` item ${JSON.stringify(text)} is not \`file\` or \`directory\`; the CodeDeploy agent rejects the AppSpec.`,
          help: suggestions.length > 0 ? `Write \`${suggestions[0]}\`.` : 'Use `file` and/or `directory`.',
          suggestions: suggestions.length > 0 ? suggestions : ['file', 'directory'],
        });
      }
    }
  },
};

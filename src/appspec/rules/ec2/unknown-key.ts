import { suggestNames } from '../../../diagnostics/suggest.js';
import { topLevelEventMatch } from './hook-names.js';
import type { AppSpecRule } from '../types.js';
import { aliasesFor, caseVariantOf, keyLevels } from './util.js';

const LEVEL_NAMES = {
  top: 'at the top level',
  script: 'in a script entry',
  files: 'in a files entry',
  permission: 'in a permissions entry',
  context: 'in a permission context',
} as const;

/** `ec2/unknown-key`: a key not defined at its level; the agent ignores it silently. */
export const unknownKey: AppSpecRule = {
  meta: {
    id: 'ec2/unknown-key',
    defaultSeverity: 'warning',
    platforms: ['server'],
    category: 'structure',
    description: 'A key that the EC2 AppSpec does not define at this level.',
    rationale:
      'The agent ignores unknown keys without a word: a typo (`permission:`), an invented key (`commands:`) or a key in the wrong place (`mode` in a files entry) silently does nothing.',
    badExample: 'version: 0.0\nos: linux\npermission:\n  - object: /app\n    mode: "755"\n',
    goodExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    mode: "755"\n',
  },
  check(ctx) {
    for (const { level, map, known } of keyLevels(ctx)) {
      for (const entry of ctx.entries(map)) {
        const key = entry.key;
        if (key !== null && (known.includes(key) || caseVariantOf(key, known))) continue;
        if (key !== null && level === 'top' && topLevelEventMatch(key)) continue;
        if (key === 'overwrite' && level === 'files') continue;
        const name = key ?? entry.keyText;
        const suggestions = key === null ? [] : suggestNames(key, known, { aliases: aliasesFor(known) });
        let help = suggestions.length > 0 ? `Did you mean \`${suggestions.join('` or `')}\`?` : undefined;
        if (level === 'files' && (key === 'mode' || key === 'owner' || key === 'group' || key === 'acls')) {
          help = `\`${key}\` belongs in a \`permissions\` entry whose object is the destination.`;
        } else if (key === 'file_exists_behavior' && level !== 'top') {
          help = 'Move `file_exists_behavior` to the top level of the AppSpec.';
        }
        ctx.report({
          range: ctx.keyRange(entry),
          message: `Unknown key \`${name}\` ${LEVEL_NAMES[level]}; the CodeDeploy agent ignores it silently.`,
          ...(help ? { help } : {}),
          ...(suggestions.length > 0 ? { suggestions } : {}),
        });
      }
    }
  },
};

import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { isNullEntry, permissionEntries, valueTarget } from './util.js';

/** `ec2/permission-except-shape`: `except` is a string, mapping or other scalar instead of a list. */
export const permissionExceptShape: AppSpecRule = {
  meta: {
    id: 'ec2/permission-except-shape',
    defaultSeverity: 'error',
    severity2x: 'error',
    platforms: ['server'],
    order: RULE_ORDER.permissions,
    category: 'permissions',
    description: '`except` is not a list of names.',
    rationale:
      'The agent iterates `except` as a list: a string makes it fail internally; a mapping passes parsing and fails at Install.',
    badExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    pattern: "*.sh"\n    except: run.sh\n',
    goodExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    pattern: "*.sh"\n    except: [run.sh]\n',
  },
  check(ctx) {
    for (const p of permissionEntries(ctx)) {
      const entry = ctx.get(p.map, 'except');
      if (!entry || isNullEntry(ctx, entry) || ctx.isSuppressed(entry.value) || ctx.asSeq(entry.value)) continue;
      const v = ctx.scalar(entry.value);
      const word = v?.kind === 'string' ? v.text : null;
      ctx.report({
        node: valueTarget(entry),
        message: `\`except\` is ${ctx.describe(entry.value)} instead of a list; the CodeDeploy agent ${ctx.asMap(entry.value) ? 'fails when it applies the permissions at Install' : 'fails on this'}.`,
        help: word !== null ? `Write \`except: [${JSON.stringify(word)}]\`.` : 'Write `except: [name, …]`.',
        ...(word !== null ? { suggestions: [`[${JSON.stringify(word)}]`] } : {}),
      });
    }
  },
};

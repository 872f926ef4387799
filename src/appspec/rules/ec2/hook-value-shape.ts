import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { hookEvents, valueTarget } from './util.js';

/** `ec2/hook-value-shape`: an event's value is a string, number, `true` or a non-empty mapping. */
export const hookValueShape: AppSpecRule = {
  meta: {
    id: 'ec2/hook-value-shape',
    defaultSeverity: 'error',
    severity2x: 'error',
    platforms: ['server'],
    order: RULE_ORDER.hooks,
    category: 'structure',
    description: 'A hook event holds something other than a list of scripts.',
    rationale:
      'The agent iterates the event value as a list of script mappings and fails internally on a string or a mapping.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    location: a.sh\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n',
  },
  check(ctx) {
    for (const event of hookEvents(ctx)) {
      const value = event.value;
      if (!value || ctx.isSuppressed(value) || ctx.asSeq(value)) continue;
      const map = ctx.asMap(value);
      if (map) {
        if (map.items.length === 0) continue;
      } else {
        const v = ctx.scalar(value);
        if (!v || v.kind === 'null' || (v.kind === 'bool' && v.value === false)) continue;
      }
      const name = event.key ?? event.keyText;
      ctx.report({
        node: valueTarget(event),
        message: `Event \`${name}\` holds ${ctx.describe(value)} instead of a list of scripts; the CodeDeploy agent fails on this.`,
        help: map
          ? 'Put a `- ` before the script keys: `- location: …`.'
          : 'Write the script as a list item: `- location: path/to/script.sh`.',
      });
    }
  },
};

import type { YamlNode } from '../../parse/types.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { eventItems, hookEvents, isNullEntry, valueRange } from './util.js';

/** `ec2/script-location-missing`: a script mapping without `location`, or with a null or blank one. */
export const scriptLocationMissing: AppSpecRule = {
  meta: {
    id: 'ec2/script-location-missing',
    defaultSeverity: 'error',
    platforms: ['server'],
    order: RULE_ORDER.hooks,
    category: 'hooks',
    description: 'A script entry has no `location`, or it is empty.',
    rationale:
      'The agent rejects a script without a location. A common cause is one dash per key (`- location: a.sh` then `- timeout: 60`), which makes every key its own script.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n    - timeout: 180\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 180\n',
  },
  check(ctx) {
    for (const event of hookEvents(ctx)) {
      const items = eventItems(ctx, event);
      // An item without location that follows a script (or another such item) is one-dash-per-key layout.
      let afterScript: boolean = false;
      for (let index = 0; index < items.length; index++) {
        const item = items[index] as YamlNode;
        const previousWasScript: boolean = afterScript;
        const map = ctx.asMap(item);
        const entry = map ? ctx.get(map, 'location') : undefined;
        afterScript = map !== null && (entry !== undefined || previousWasScript);
        if (!map || ctx.isSuppressed(item)) continue;
        const name = event.key ?? event.keyText;
        if (entry) {
          if (ctx.isSuppressed(entry.value)) continue;
          if (isNullEntry(ctx, entry)) {
            ctx.report({
              range: ctx.keyRange(entry),
              message: `A script of \`${name}\` has an empty \`location\`; the CodeDeploy agent rejects the AppSpec.`,
              help: 'Give the bundle-relative path of the script.',
            });
            continue;
          }
          const v = ctx.scalar(entry.value);
          if (v && v.text.trim() === '') {
            ctx.report({
              range: valueRange(ctx, entry),
              message: `A script of \`${name}\` has a blank \`location\` (${JSON.stringify(v.text)}); the agent trims it to nothing and rejects the AppSpec.`,
              help: 'Give the bundle-relative path of the script.',
            });
          }
          continue;
        }
        const dashPerKey = index > 0 && previousWasScript;
        const keys = ctx
          .entries(map)
          .map((e) => e.key ?? e.keyText)
          .join(', ');
        ctx.report({
          range: ctx.itemRange(item),
          message: dashPerKey
            ? `This script item of \`${name}\` has no \`location\` (only ${keys}): with one dash per key, each key becomes its own script, and the CodeDeploy agent rejects it.`
            : `A script of \`${name}\` has no \`location\`; the CodeDeploy agent rejects the AppSpec.`,
          help: dashPerKey
            ? `Remove the \`- \` before ${keys} so it belongs to the script above.`
            : 'Add `location: path/to/script.sh` to the item.',
          data: { dashPerKey },
        });
      }
    }
  },
};

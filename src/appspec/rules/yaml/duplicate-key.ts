import type { AppSpecRule } from '../types.js';
import type { MapEntry } from '../types.js';

/** `yaml/duplicate-key`: the same key twice in one mapping. */
export const duplicateKey: AppSpecRule = {
  meta: {
    id: 'yaml/duplicate-key',
    defaultSeverity: 'warning',
    platforms: 'all',
    category: 'yaml',
    description: 'The same key appears twice in one mapping.',
    rationale: 'The last value wins and the earlier entry is dropped silently: a second `hooks:` erases the first.',
    badExample: 'hooks:\n  AfterInstall: []\nhooks:\n  BeforeInstall: []\n',
    goodExample: 'hooks:\n  AfterInstall: []\n  BeforeInstall: []\n',
  },
  check(ctx) {
    for (const map of ctx.nodes.maps) {
      if (map.items.length < 2) continue;
      const seen = new Map<string, MapEntry>();
      for (const e of ctx.entries(map)) {
        const v = ctx.scalar(e.keyNode);
        if (!v || e.keyText === '<<') continue;
        const id = `${v.kind}\u0000${v.text}`;
        const earlier = seen.get(id);
        if (earlier) {
          ctx.report({
            range: ctx.keyRange(e),
            message: `Duplicate key '${e.keyText}': the earlier entry is dropped silently and only this one is used.`,
            help: 'Merge the two entries.',
            related: [{ range: ctx.keyRange(earlier), message: `First '${earlier.keyText}' here.` }],
          });
        }
        seen.set(id, e);
      }
    }
  },
};

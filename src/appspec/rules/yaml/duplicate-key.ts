import type { AppSpecRule, MapEntry, RuleContext, ScalarValue } from '../types.js';

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
      const entries = ctx.entries(map);
      if (entries.length <= PAIRWISE_MAX) checkSmall(ctx, entries);
      else checkLarge(ctx, entries);
    }
  },
};

/** Up to this many entries, comparing each key with the earlier ones is cheaper than hashing. */
const PAIRWISE_MAX = 8;

/** The resolved key of an entry, or null when it takes no part (not a scalar, or a merge key). */
function keyOf(ctx: RuleContext, e: MapEntry): ScalarValue | null {
  const v = ctx.scalar(e.keyNode);
  return !v || e.keyText === '<<' ? null : v;
}

function report(ctx: RuleContext, e: MapEntry, earlier: MapEntry): void {
  ctx.report({
    range: ctx.keyRange(e),
    message: `Duplicate key '${e.keyText}': the earlier entry is dropped silently and only this one is used.`,
    help: 'Merge the two entries.',
    related: [{ range: ctx.keyRange(earlier), message: `First '${earlier.keyText}' here.` }],
  });
}

/** Small mappings: each key against the earlier ones; the nearest earlier duplicate is the one named. */
function checkSmall(ctx: RuleContext, entries: readonly MapEntry[]): void {
  const keys: (ScalarValue | null)[] = [];
  for (let j = 0; j < entries.length; j++) {
    const e = entries[j] as MapEntry;
    const v = keyOf(ctx, e);
    keys.push(v);
    if (!v) continue;
    for (let i = j - 1; i >= 0; i--) {
      const w = keys[i];
      if (w && w.kind === v.kind && w.text === v.text) {
        report(ctx, e, entries[i] as MapEntry);
        break;
      }
    }
  }
}

/** Larger mappings: one hash lookup per key (the latest earlier entry with the same key is named). */
function checkLarge(ctx: RuleContext, entries: readonly MapEntry[]): void {
  const seen = new Map<string, MapEntry>();
  for (const e of entries) {
    const v = keyOf(ctx, e);
    if (!v) continue;
    const id = `${v.kind}\u0000${v.text}`;
    const earlier = seen.get(id);
    if (earlier) report(ctx, e, earlier);
    seen.set(id, e);
  }
}

import type { YamlNode } from '../../parse/types.js';
import type { AppSpecRule } from '../types.js';
import {
  exceptItems,
  permissionEntries,
  permissionPattern,
  permissionTypes,
  trimmedText,
  trimTrailingSlash,
} from './util.js';

/** Earlier entries of one object and one type, indexed so that each new entry is checked in O(1). */
interface TypeSlot {
  first: { item: YamlNode; pattern: string } | null;
  /** The first entry with `pattern: **` and no except (it reaches every name). */
  everything: { item: YamlNode; pattern: string } | null;
  byPattern: Map<string, { item: YamlNode; pattern: string }>;
}

/** `ec2/permission-overlap`: two entries for the same object and type whose patterns can match the same name. */
export const permissionOverlap: AppSpecRule = {
  meta: {
    id: 'ec2/permission-overlap',
    defaultSeverity: 'warning',
    stage: 'install',
    platforms: ['server'],
    category: 'permissions',
    description: 'Two permission entries can give the same path permissions.',
    rationale: 'The agent fails at Install when one path receives permissions from two entries.',
    badExample:
      'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    mode: "755"\n  - object: /app\n    owner: app\n',
    goodExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /app\n    mode: "755"\n    owner: app\n',
  },
  check(ctx) {
    const slots = new Map<string, TypeSlot>();
    for (const p of permissionEntries(ctx)) {
      const objectText = trimmedText(ctx, ctx.get(p.map, 'object'));
      const types = permissionTypes(ctx, p.map);
      if (!objectText || !types) continue;
      const object = trimTrailingSlash(objectText);
      const pattern = permissionPattern(ctx, p.map);
      const reachesAll = pattern === '**' && exceptItems(ctx, p.map).length === 0;
      const current = { item: p.item, pattern };
      let clash: { item: YamlNode; pattern: string } | null = null;
      for (const type of new Set(types)) {
        const key = `${type}\u0000${object}`;
        let slot = slots.get(key);
        if (!slot) {
          slot = { first: null, everything: null, byPattern: new Map() };
          slots.set(key, slot);
        }
        clash ??= slot.byPattern.get(pattern) ?? slot.everything ?? (reachesAll ? slot.first : null);
        slot.first ??= current;
        if (reachesAll) slot.everything ??= current;
        if (!slot.byPattern.has(pattern)) slot.byPattern.set(pattern, current);
      }
      if (!clash) continue;
      ctx.report({
        range: ctx.itemRange(p.item),
        message: `This entry and an earlier one both apply to names under ${JSON.stringify(object)} (patterns ${JSON.stringify(clash.pattern)} and ${JSON.stringify(pattern)}, shared type); the agent fails at Install when a path gets permissions from two entries.`,
        help: 'Merge the entries, or make their patterns, except lists or types disjoint.',
        related: [{ range: ctx.itemRange(clash.item), message: 'the earlier entry' }],
      });
    }
  },
};

import type { AppSpecRule } from '../types.js';
import {
  exceptItems,
  permissionEntries,
  permissionPattern,
  permissionTypes,
  trimmedText,
  trimTrailingSlash,
} from './util.js';

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
    const seen: {
      object: string;
      types: string[];
      pattern: string;
      noExcept: boolean;
      item: (typeof entries)[number]['item'];
    }[] = [];
    const entries = permissionEntries(ctx);
    for (const p of entries) {
      const objectText = trimmedText(ctx, ctx.get(p.map, 'object'));
      const types = permissionTypes(ctx, p.map);
      if (!objectText || !types) continue;
      const object = trimTrailingSlash(objectText);
      const pattern = permissionPattern(ctx, p.map);
      const noExcept = exceptItems(ctx, p.map).length === 0;
      const clash = seen.find(
        (s) =>
          s.object === object &&
          s.types.some((t) => types.includes(t)) &&
          (s.pattern === pattern || (s.pattern === '**' && s.noExcept) || (pattern === '**' && noExcept)),
      );
      if (clash) {
        ctx.report({
          range: ctx.itemRange(p.item),
          message: `This entry and an earlier one both apply to names under ${JSON.stringify(object)} (patterns ${JSON.stringify(clash.pattern)} and ${JSON.stringify(pattern)}, shared type); the agent fails at Install when a path gets permissions from two entries.`,
          help: 'Merge the entries, or make their patterns, except lists or types disjoint.',
          related: [{ range: ctx.itemRange(clash.item), message: 'the earlier entry' }],
        });
      }
      seen.push({ object, types, pattern, noExcept, item: p.item });
    }
  },
};

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintAppSpec } from '../../../../src/appspec/lint.js';

/** Keys as written, with what the agent's loader makes of them (kind and text). */
const KEYS: readonly (readonly [string, string])[] = [
  ['a', 'string a'],
  ['"a"', 'string a'],
  ['b', 'string b'],
  ['1', 'int 1'],
  ['"1"', 'string 1'],
  ['0x1', 'int 1'],
  ['yes', 'bool true'],
  ['true', 'bool true'],
  ['~', 'null '],
  ['null', 'null '],
];

describe('yaml/duplicate-key on small and large mappings', () => {
  it('reports each key equal (kind and text) to an earlier one, naming the nearest earlier one', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: KEYS.length - 1 }), { minLength: 1, maxLength: 20 }), (picks) => {
        const text = `m:\n${picks.map((k, i) => `  ${(KEYS[k] as readonly [string, string])[0]}: v${i}\n`).join('')}`;
        const expected: [number, number][] = [];
        picks.forEach((k, j) => {
          for (let i = j - 1; i >= 0; i--) {
            if (KEYS[picks[i] as number]?.[1] === KEYS[k]?.[1]) {
              expected.push([j + 2, i + 2]); // 1-based lines of the duplicate and of the earlier key
              break;
            }
          }
        });
        const found = lintAppSpec(text, { platform: 'server' })
          .diagnostics.filter((d) => d.ruleId === 'yaml/duplicate-key')
          .map((d) => [d.range.start.line, d.related?.[0]?.range.start.line ?? 0]);
        expect(found).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});

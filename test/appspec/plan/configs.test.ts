import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  batchSizes,
  predefinedConfigNames,
  resolveConfig,
  trafficSchedule,
} from '../../../src/appspec/plan/configs.js';

describe('resolveConfig', () => {
  it('accepts names with and without the prefix, and surrounding spaces', () => {
    expect(resolveConfig('HalfAtATime', 'server').name).toBe('CodeDeployDefault.HalfAtATime');
    expect(resolveConfig(' CodeDeployDefault.ECSAllAtOnce ', 'ecs').name).toBe('CodeDeployDefault.ECSAllAtOnce');
    expect(resolveConfig(undefined, 'lambda').name).toBe('CodeDeployDefault.LambdaAllAtOnce');
  });

  it('knows the predefined names of spec §6.3', () => {
    expect(predefinedConfigNames('server')).toHaveLength(3);
    expect(predefinedConfigNames('ecs')).toHaveLength(5);
    expect(predefinedConfigNames('lambda')).toHaveLength(9);
    for (const p of ['server', 'ecs', 'lambda'] as const) {
      for (const n of predefinedConfigNames(p)) expect(resolveConfig(n, p).issues).toEqual([]);
    }
  });

  it('does not resolve prototype keys', () => {
    for (const n of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(resolveConfig(n, 'server').issues[0]?.kind).toBe('unknown');
    }
  });
});

describe('batchSizes', () => {
  it('covers every instance exactly once with batches no larger than the first', () => {
    const configs = [
      { kind: 'one-at-a-time' } as const,
      { kind: 'half-at-a-time' } as const,
      { kind: 'all-at-once' } as const,
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.oneof(
          fc.constantFrom(...configs),
          fc.record({
            kind: fc.constant('minimum-healthy-hosts' as const),
            type: fc.constant('HOST_COUNT' as const),
            value: fc.integer({ min: 0, max: 600 }),
          }),
          fc.record({
            kind: fc.constant('minimum-healthy-hosts' as const),
            type: fc.constant('FLEET_PERCENT' as const),
            value: fc.integer({ min: 0, max: 99 }),
          }),
        ),
        (n, config) => {
          const b = batchSizes(config, n);
          const first = b[0] as number;
          const sum = b.reduce((x, y) => x + y, 0);
          const shapeOk = first >= 1 && b.slice(0, -1).every((x) => x === first) && (b.at(-1) as number) <= first;
          let minimumOk = true;
          if (config.kind === 'minimum-healthy-hosts') {
            const minimum = config.type === 'HOST_COUNT' ? config.value : Math.ceil((n * config.value) / 100);
            // The instances kept in service while a batch deploys meet the minimum whenever that is possible.
            minimumOk = minimum >= n || n - first >= minimum;
          }
          expect({ sum, shapeOk, minimumOk }).toEqual({ sum: n, shapeOk: true, minimumOk: true });
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('trafficSchedule', () => {
  it('rises to 100 % at increasing minutes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('canary' as const, 'linear' as const),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 2880 }),
        (kind, percentage, intervalMinutes) => {
          const t = trafficSchedule({ kind, percentage, intervalMinutes });
          expect(t[0]).toEqual({ minute: 0, percent: percentage });
          expect(t.at(-1)?.percent).toBe(100);
          for (let i = 1; i < t.length; i++) {
            expect(t[i]?.minute).toBe((t[i - 1]?.minute as number) + intervalMinutes);
            expect(t[i]?.percent).toBeGreaterThan(t[i - 1]?.percent as number);
          }
          expect(t.length).toBe(kind === 'canary' ? 2 : Math.ceil(100 / percentage));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is one full shift for all-at-once', () => {
    expect(trafficSchedule({ kind: 'all-at-once' })).toEqual([{ minute: 0, percent: 100 }]);
  });
});

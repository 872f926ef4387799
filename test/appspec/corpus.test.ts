import { describe, expect, it } from 'vitest';
import { lintAppSpec } from '../../src/appspec/lint.js';
import type { LintOptions } from '../../src/appspec/types.js';
import { corpusFiles, expectRangesInside } from './shared.js';

const PLATFORMS: Readonly<Record<string, LintOptions['platform']>> = { ec2: 'server', ecs: 'ecs', lambda: 'lambda' };

describe('corpus: every file of ../shared/corpus/appspec', () => {
  const files = corpusFiles();

  it('has files', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  for (const f of files) {
    const platform = PLATFORMS[f.platform];
    const variants: { label: string; options: LintOptions }[] = [{ label: 'inferred', options: {} }];
    if (platform) variants.push({ label: platform, options: { platform } });
    for (const { label, options } of variants) {
      it(`${f.file} (${label})${f.verdict ? `: ${f.verdict}` : ''}`, () => {
        const result = lintAppSpec(f.text, options);
        expectRangesInside(result.diagnostics, f.text, f.file);
        const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId}: ${d.message}`);
        const ids = result.diagnostics.map((d) => d.ruleId);
        if (label === 'inferred' && f.platform === 'not-appspec') expect(result.platform).toBe('not-an-appspec');
        else if (label === 'inferred' && platform) expect([platform, 'unknown']).toContain(result.platform);
        switch (f.verdict) {
          case 'accept':
            expect(errors).toEqual([]);
            break;
          case 'reject':
            expect(errors.length).toBeGreaterThan(0);
            break;
          case 'accept-after-substitution':
            expect(errors).toEqual([]);
            expect(ids.some((id) => id === 'appspec/placeholder' || id === 'appspec/template-text')).toBe(true);
            break;
          case 'not-appspec':
            expect(
              result.diagnostics.some((d) => d.ruleId === 'appspec/not-an-appspec' && d.severity === 'error'),
            ).toBe(true);
            break;
          default:
            break;
        }
      });
    }
  }
});

import { describe, expect, it } from 'vitest';
import { lintAppSpec } from '../../src/appspec/lint.js';
import { DEFAULT_MAX_RULE_INPUT_BYTES } from '../../src/appspec/rules/appspec/too-large.js';

// Structured hostile inputs: many entries rather than long lines. No timing assertions: the bound
// is the test timeout (a quadratic rule or an O(n²) string build would take minutes here).

const repeat = (n: number, entry: (i: number) => string) => Array.from({ length: n }, (_, i) => entry(i)).join('');

describe('robustness: structured 10 MB inputs', () => {
  it('100,000 permissions entries: document checks, the model and appspec/too-large', () => {
    const text = `version: 0.0\nos: linux\npermissions:\n${repeat(
      100_000,
      (i) =>
        `  - object: /var/www/d${i}\n    pattern: "*.php"\n    owner: www-data\n    mode: "0644"\n    type: [file]\n`,
    )}`;
    expect(text.length).toBeGreaterThanOrEqual(10_000_000);
    const r = lintAppSpec(text);
    expect(r.platform).toBe('server');
    expect(r.appSpec?.platform === 'server' && r.appSpec.permissions.length).toBe(100_000);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['appspec/too-large']);
    expect(r.verdict.outcome).toBe('accept');
  }, 120_000);

  it('one hook with 145,000 scripts, CRLF line ends and a syntax error at the end', () => {
    const text = `version: 0.0\r\nos: linux\r\nhooks:\r\n  AfterInstall:\r\n${repeat(
      145_000,
      (i) => `    - location: scripts/s${i}.sh\r\n      timeout: 300\r\n      runas: root\r\n`,
    )}  BeforeInstall: [\r\n`;
    expect(text.length).toBeGreaterThanOrEqual(10_000_000);
    const r = lintAppSpec(text);
    const ids = r.diagnostics.map((d) => d.ruleId);
    expect(ids).toContain('appspec/too-large');
    expect(ids).toContain('file/crlf');
    expect(ids).toContain('yaml/syntax');
    expect(r.verdict.outcome).toBe('reject');
  }, 120_000);
});

describe('robustness: structured inputs just below the cap run every rule in linear time', () => {
  it('duplicate files targets, overlapping and undeployed permissions, many scripts (≈1.9 MB)', () => {
    const files = repeat(12_000, (i) => `  - source: app/f${i % 50}.conf\n    destination: /etc/app\n`);
    const perms = repeat(
      8_000,
      (i) =>
        `  - object: /etc/app${i % 3 === 0 ? '' : `/sub${i % 40}`}\n    pattern: "**"\n    mode: 644\n    type: [file]\n`,
    );
    const scripts = repeat(8_000, (i) => `    - location: ../s${i}.sh\n      timeout: 1:30\n`);
    const text = `version: 0.0\nos: linux\nfiles:\n${files}permissions:\n${perms}hooks:\n  AfterInstall:\n${scripts}`;
    expect(text.length).toBeGreaterThan(1_500_000);
    expect(text.length).toBeLessThan(DEFAULT_MAX_RULE_INPUT_BYTES);
    const r = lintAppSpec(text);
    const count = (id: string) => r.diagnostics.filter((d) => d.ruleId === id).length;
    expect(count('appspec/too-large')).toBe(0);
    expect(count('ec2/files-duplicate-target')).toBe(12_000 - 50);
    expect(count('ec2/path-escapes-revision')).toBe(8_000);
    expect(count('yaml/implicit-type')).toBeGreaterThanOrEqual(8_000);
    expect(count('ec2/event-timeout-sum')).toBe(1);
  }, 120_000);
});

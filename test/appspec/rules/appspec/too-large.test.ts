import { describe, expect, it } from 'vitest';
import { lintAppSpec } from '../../../../src/appspec/lint.js';
import { parseAppSpec } from '../../../../src/appspec/parse/index.js';
import {
  DEFAULT_MAX_RULE_INPUT_BYTES,
  maxRuleInputBytes,
  utf8LengthExceeds,
} from '../../../../src/appspec/rules/appspec/too-large.js';

const utf8 = (s: string) => new TextEncoder().encode(s).length;

describe('utf8LengthExceeds', () => {
  it('agrees with the UTF-8 encoding at and around the limit', () => {
    const samples = ['', 'a', 'abc', 'é', '€', '😀', 'a😀b', '\ud800', '\ud800x', '\udc00', 'x\ud83d', 'é€😀a'];
    for (const s of samples) {
      const n = utf8(s);
      for (const max of [0, n - 1, n, n + 1, 3 * s.length, 3 * s.length - 1]) {
        if (max < 0) continue;
        expect(utf8LengthExceeds(s, max), `${JSON.stringify(s)} ${max}`).toBe(n > max);
      }
    }
  });

  it('decides long texts from their length alone when it can', () => {
    expect(utf8LengthExceeds('a'.repeat(11), 10)).toBe(true);
    expect(utf8LengthExceeds('€'.repeat(3), 9)).toBe(false);
    expect(utf8LengthExceeds('€'.repeat(4), 10)).toBe(true);
    expect(utf8LengthExceeds('é'.repeat(4), 10)).toBe(false);
  });
});

describe('maxRuleInputBytes option', () => {
  it('defaults to 2 MiB; takes any number ≥ 0, including Infinity', () => {
    expect(DEFAULT_MAX_RULE_INPUT_BYTES).toBe(2 * 1024 * 1024);
    expect(maxRuleInputBytes(undefined)).toBe(DEFAULT_MAX_RULE_INPUT_BYTES);
    expect(maxRuleInputBytes(Number.NaN)).toBe(DEFAULT_MAX_RULE_INPUT_BYTES);
    expect(maxRuleInputBytes(-1)).toBe(DEFAULT_MAX_RULE_INPUT_BYTES);
    expect(maxRuleInputBytes(0)).toBe(0);
    expect(maxRuleInputBytes(100)).toBe(100);
    expect(maxRuleInputBytes(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  // Findings of per-entry rules (ec2/*, appspec/placeholder, yaml/timestamp, yaml/duplicate-key)
  // and of document-level rules (file/crlf, file/invisible-char).
  const text =
    'version: 0.0\r\nos: linux\r\nos: linux\r\nhooks:\r\n  AfterInstall:\r\n    - location: <SCRIPT>\r\n      timeout: 4000\r\nwhen: 2020-01-01\r\nx: a\u200bb\r\n';

  it('below the cap every rule runs; above it only the document-level rules, and appspec/too-large says so', () => {
    const full = lintAppSpec(text);
    const fullIds = new Set(full.diagnostics.map((d) => d.ruleId));
    for (const id of [
      'appspec/placeholder',
      'yaml/duplicate-key',
      'yaml/timestamp',
      'file/crlf',
      'file/invisible-char',
    ])
      expect(fullIds).toContain(id);
    expect(fullIds).not.toContain('appspec/too-large');
    expect(full.verdict.outcome).toBe('reject');

    const capped = lintAppSpec(text, { maxRuleInputBytes: 64 });
    expect(capped.diagnostics.map((d) => d.ruleId).sort()).toEqual([
      'appspec/too-large',
      'file/crlf',
      'file/invisible-char',
    ]);
    const warning = capped.diagnostics.find((d) => d.ruleId === 'appspec/too-large');
    expect(warning?.severity).toBe('warning');
    expect(warning?.range.start).toEqual({ line: 1, column: 1, offset: 0 });
    expect(warning?.data).toEqual({ maxRuleInputBytes: 64 });
    expect(warning?.message).toContain('64 bytes');
    // The platform is still inferred and the model still built; the verdict covers the checks that ran.
    expect(capped.platform).toBe('server');
    expect(capped.appSpec?.platform === 'server' && capped.appSpec.hooks['AfterInstall']?.[0]?.timeoutSeconds).toBe(
      4000,
    );
    expect(capped.verdict.outcome).toBe('accept');
    expect(lintAppSpec(text, { maxRuleInputBytes: utf8(text) }).diagnostics).toEqual(full.diagnostics);
    expect(lintAppSpec(text, { maxRuleInputBytes: Number.POSITIVE_INFINITY }).diagnostics).toEqual(full.diagnostics);
  });

  it('syntax errors, multiple documents and non-AppSpecs are still reported above the cap', () => {
    const broken = lintAppSpec('version: 0.0\nos: linux\nhooks: [\n', { maxRuleInputBytes: 8 });
    expect(broken.diagnostics.map((d) => d.ruleId)).toContain('yaml/syntax');
    expect(broken.verdict.outcome).toBe('reject');
    const multi = lintAppSpec('version: 0.0\nos: linux\n---\na: 1\n', { maxRuleInputBytes: 8 });
    expect(multi.diagnostics.map((d) => d.ruleId).sort()).toEqual(['appspec/too-large', 'yaml/multi-document']);
    const cfn = lintAppSpec('AWSTemplateFormatVersion: "2010-09-09"\n', { maxRuleInputBytes: 8 });
    expect(cfn.diagnostics.map((d) => d.ruleId).sort()).toEqual(['appspec/not-an-appspec', 'appspec/too-large']);
    expect(lintAppSpec('', { maxRuleInputBytes: 0 }).diagnostics.map((d) => d.ruleId)).toEqual(['appspec/empty']);
  });

  it('applies to parseAppSpec as well, and can be re-graded or turned off like any rule', () => {
    const parsed = parseAppSpec(text, { maxRuleInputBytes: 64 });
    expect(parsed.diagnostics.map((d) => d.ruleId)).toContain('appspec/too-large');
    expect(parsed.diagnostics.map((d) => d.ruleId)).not.toContain('appspec/placeholder');
    const off = lintAppSpec(text, { maxRuleInputBytes: 64, rules: { 'appspec/too-large': 'off' } });
    expect(off.diagnostics.map((d) => d.ruleId)).not.toContain('appspec/too-large');
  });
});

import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/diagnostics/line-index.js';
import { applyRuleSettings, hasErrors, sortDiagnostics, unknownRuleIds } from '../../src/diagnostics/rules.js';
import type { Diagnostic } from '../../src/diagnostics/types.js';

const idx = new LineIndex('abcdef\nghij');
const d = (ruleId: string, severity: Diagnostic['severity'], start: number, end = start + 1): Diagnostic => ({
  ruleId,
  severity,
  message: ruleId,
  range: idx.range(start, end),
});

describe('applyRuleSettings', () => {
  it('drops rules set to off and re-grades others without mutating the input', () => {
    const input = [d('a', 'error', 0), d('b', 'warning', 1), d('c', 'info', 2)];
    const out = applyRuleSettings(input, { a: 'off', b: 'error', c: 'info' });
    expect(out.map((x) => [x.ruleId, x.severity])).toEqual([
      ['b', 'error'],
      ['c', 'info'],
    ]);
    expect(input[1]?.severity).toBe('warning');
  });

  it('returns a copy when there are no settings, and ignores inherited keys', () => {
    const input = [d('toString', 'error', 0)];
    expect(applyRuleSettings(input, undefined)).toEqual(input);
    expect(applyRuleSettings(input, {})).toEqual(input);
  });

  it('lists setting ids that name no rule', () => {
    expect(unknownRuleIds({ a: 'off', zz: 'error' }, [{ id: 'a', defaultSeverity: 'error', description: '' }])).toEqual(
      ['zz'],
    );
    expect(unknownRuleIds(undefined, [])).toEqual([]);
  });
});

describe('sortDiagnostics and hasErrors', () => {
  it('sorts by start, end, severity, then rule id', () => {
    const sorted = sortDiagnostics([
      d('z', 'info', 3),
      d('b', 'warning', 1, 4),
      d('a', 'warning', 1, 4),
      d('c', 'error', 1, 4),
      d('x', 'info', 1, 2),
    ]);
    expect(sorted.map((x) => x.ruleId)).toEqual(['x', 'c', 'a', 'b', 'z']);
  });

  it('detects errors', () => {
    expect(hasErrors([d('a', 'warning', 0)])).toBe(false);
    expect(hasErrors([d('a', 'warning', 0), d('b', 'error', 0)])).toBe(true);
  });
});

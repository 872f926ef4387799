import { describe, expect, it } from 'vitest';
import { START_RANGE } from '../../../src/diagnostics/line-index.js';
import { lintPolicy, lintPolicyWith } from '../../../src/iam/lint/lint.js';
import { allPolicyRules, policyRules } from '../../../src/iam/lint/rules/index.js';
import { documentRules } from '../../../src/iam/lint/rules/document/index.js';
import type { PolicyRule } from '../../../src/iam/lint/types.js';
import { parsePolicy } from '../../../src/iam/policy/parse.js';
import { POLICY_TYPES } from '../../../src/iam/policy/types.js';

const GOOD = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }],
});

describe('rule registry', () => {
  it('has unique ids and complete metadata', () => {
    const ids = policyRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of policyRules) {
      expect(r.description.length, r.id).toBeGreaterThan(10);
      expect(r.rationale?.length, r.id).toBeGreaterThan(5);
      expect(r.badExample?.length, r.id).toBeGreaterThan(5);
      expect(r.goodExample?.length, r.id).toBeGreaterThan(5);
      expect(r.appliesTo.length, r.id).toBeGreaterThan(0);
      for (const t of r.appliesTo) expect(POLICY_TYPES).toContain(t);
      expect(['correctness', 'security', 'suggestion']).toContain(r.category);
      if (r.category === 'suggestion') expect(r.defaultSeverity).toBe('info');
    }
  });

  it('holds the 29 document rules, each either reported by the parser or with a check', () => {
    expect(documentRules).toHaveLength(29);
    for (const r of documentRules) expect(Boolean(r.meta.reportedByParser) !== Boolean(r.check), r.meta.id).toBe(true);
    expect(allPolicyRules.slice(0, 29)).toEqual(documentRules);
  });
});

describe('lintPolicy', () => {
  it('finds nothing in a clean identity policy', () => {
    expect(lintPolicy(GOOD, { type: 'identity' }).diagnostics).toEqual([]);
  });

  it('returns parse errors as diagnostics and sorts by position', () => {
    const text = '{"Statement":[{"Effect":"allow","Action":"s3:GetObject","Resource":"*","Foo":1}]}';
    const d = lintPolicy(text, { type: 'identity' }).diagnostics;
    const ids = d.map((x) => x.ruleId);
    expect(ids).toEqual(['version-missing', 'effect-invalid', 'element-unknown']);
    const offsets = d.map((x) => x.range.start.offset);
    expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
    expect(d[1]?.data).toMatchObject({ policyType: 'identity' });
  });

  it('re-grades and turns off rules', () => {
    const text = '{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}';
    expect(lintPolicy(text, { type: 'identity', rules: { 'version-missing': 'off' } }).diagnostics).toEqual([]);
    const d = lintPolicy(text, { type: 'identity', rules: { 'version-missing': 'error' } }).diagnostics;
    expect(d.map((x) => [x.ruleId, x.severity])).toEqual([['version-missing', 'error']]);
  });

  it('uses per-type severities', () => {
    const text = '{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}';
    const scp = lintPolicy(text, { type: 'scp' }).diagnostics.find((x) => x.ruleId === 'version-missing');
    expect(scp?.severity).toBe('error');
  });

  it('runs rules only for their types', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Id: 'x',
      Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }],
    });
    expect(lintPolicy(text, { type: 'identity' }).diagnostics.map((x) => x.ruleId)).toEqual(['id-in-identity-policy']);
    const res = { Version: '2012-10-17', Id: 'x', Statement: [{ Effect: 'Deny', Principal: '*', Action: '*' }] };
    expect(lintPolicy(res, { type: 'resource' }).diagnostics).toEqual([]);
  });

  it('points at JSON pointers for object input', () => {
    const d = lintPolicy(
      { Statement: [{ Effect: 'Deny', Action: [], Resource: '*' }] },
      { type: 'identity' },
    ).diagnostics;
    const empty = d.find((x) => x.ruleId === 'empty-array');
    expect(empty?.pointer).toBe('/Statement/0/Action');
    expect(empty?.range).toEqual(START_RANGE);
  });

  it('lints a parsed Policy without re-reporting parse errors', () => {
    const policy = parsePolicy(
      '{"Version":"2008-10-17","Statement":{"Effect":"Deny","Action":[],"Resource":"*"}}',
    ).policy;
    expect(policy).toBeDefined();
    if (!policy) return;
    const ids = lintPolicy(policy, { type: 'identity' }).diagnostics.map((x) => x.ruleId);
    expect(ids).toContain('version-outdated');
    expect(ids).toContain('empty-array');
  });

  it('runs only size rules on invalid JSON', () => {
    const d = lintPolicy('{"Statement": [', { type: 'identity' }).diagnostics;
    expect(d.map((x) => x.ruleId)).toEqual(['json-invalid']);
    const big = `{"x":"${'a'.repeat(3000)}"`;
    expect(lintPolicy(big, { type: 'trust' }).diagnostics.map((x) => x.ruleId)).toEqual([
      'policy-size-exceeded',
      'json-invalid',
    ]);
  });

  it('skips catalog rules without a catalog and reports findings of custom rules with related locations', () => {
    const rule: PolicyRule = {
      meta: {
        id: 'custom',
        defaultSeverity: 'info',
        category: 'suggestion',
        appliesTo: ['identity'],
        description: 'custom rule',
        needsCatalog: true,
      },
      check: (ctx) =>
        ctx.report({
          at: ctx.policy.statements[0] ?? { pointer: '' },
          message: 'hello',
          help: 'h',
          suggestions: ['s'],
          related: [{ at: { pointer: '/Version', start: 1, end: 2 }, message: 'r' }],
          data: { n: 1 },
        }),
    };
    expect(lintPolicyWith([rule], GOOD, { type: 'identity' }).diagnostics).toEqual([]);
    const catalog = {} as never;
    const d = lintPolicyWith([rule], GOOD, { type: 'identity', catalog }).diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({
      ruleId: 'custom',
      severity: 'info',
      message: 'hello',
      help: 'h',
      suggestions: ['s'],
      pointer: '/Statement/0',
      data: { policyType: 'identity', n: 1 },
    });
    expect(d[0]?.range.start.column).toBe(38);
    expect(d[0]?.related?.[0]?.range.start.column).toBe(2);
    expect(lintPolicyWith([rule], GOOD, { type: 'boundary', catalog }).diagnostics).toEqual([]);
  });
});

describe('rules turned off', () => {
  it('are not run at all', () => {
    let runs = 0;
    const rule: PolicyRule = {
      meta: {
        id: 'counting',
        defaultSeverity: 'info',
        category: 'suggestion',
        appliesTo: ['identity'],
        description: 'counts runs',
      },
      check: () => {
        runs++;
      },
    };
    lintPolicyWith([rule], GOOD, { type: 'identity', rules: { counting: 'off' } });
    expect(runs).toBe(0);
    lintPolicyWith([rule], GOOD, { type: 'identity', rules: { counting: 'warning' } });
    expect(runs).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import type { EvaluationResult } from '../../src/iam/evaluate/types.js';
import { describeRequest, describeResult, describeStatement } from '../../src/vitest/describe-result.js';
import { isAuthorizer, isPolicySet } from '../../src/vitest/subject.js';

describe('describeStatement', () => {
  it('uses file:line:column when the policy had text, else the JSON pointer', () => {
    const base = {
      policyType: 'scp',
      policyId: 'org.json',
      statementIndex: 2,
      effect: 'Deny',
      pointer: '/Statement/2',
    } as const;
    expect(
      describeStatement({
        ...base,
        level: 1,
        sid: 'Guard',
        range: { start: { line: 9, column: 3, offset: 80 }, end: { line: 9, column: 4, offset: 81 } },
      }),
    ).toBe('org.json:9:3 (scp, level 1, Sid "Guard", Deny statement #2)');
    expect(describeStatement(base)).toBe('org.json#/Statement/2 (scp, Deny statement #2)');
    expect(describeStatement({ ...base, pointer: '' })).toBe('org.json (scp, Deny statement #2)');
  });
});

describe('describeRequest', () => {
  it('names the principal when there is one', () => {
    expect(describeRequest({ action: 'a:b', resource: '*' })).toBe('a:b on *');
    expect(describeRequest({ action: 'a:b', resource: '*', principal: 'arn:aws:iam::1:user/x' })).toBe(
      'a:b on * by arn:aws:iam::1:user/x',
    );
    expect(describeRequest({ action: 'a:b', resource: '*', principal: { role: 'r' } })).toBe(
      'a:b on * by {"role":"r"}',
    );
  });
});

describe('describeResult', () => {
  it('lists guardrails with levels, missing keys and diagnostics', () => {
    const result: EvaluationResult = {
      decision: 'ImplicitDeny',
      reasons: [],
      byPolicyType: { identity: 'Allow', scp: 'ImplicitDeny', rcp: 'NotApplicable' },
      missingContextKeys: ['aws:SourceIp'],
      diagnostics: [
        {
          ruleId: 'request-invalid',
          severity: 'error',
          message: 'bad ARN',
          range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
        },
      ],
      explanation: {
        decision: 'ImplicitDeny',
        deciding: [],
        context: [],
        reason: 'guardrail',
        blockedBy: [
          { type: 'scp', level: 1, policyIds: ['ou.json'] },
          { type: 'identity', policyIds: [] },
        ],
        sameAccount: true,
        scp: [],
        rcp: [],
        missingKeys: [],
        notes: [],
      },
    };
    const text = describeResult(result);
    expect(text).toContain('reason:   guardrail');
    expect(text).toContain('by policy type: identity=Allow, scp=ImplicitDeny');
    expect(text).not.toContain('rcp=');
    expect(text).toContain('blocked by: scp level 1 (ou.json)');
    expect(text).toContain('blocked by: identity\n');
    expect(text).toContain('missing context keys: aws:SourceIp');
    expect(text).toContain('error: bad ARN [request-invalid]');
  });
});

describe('subject kinds', () => {
  it('tells models and policy sets from policies', () => {
    expect(isAuthorizer({ authorize: () => undefined })).toBe(true);
    expect(isAuthorizer({ Statement: [] })).toBe(false);
    expect(isAuthorizer(null)).toBe(false);
    expect(isPolicySet({ identity: [], scp: [] })).toBe(true);
    expect(isPolicySet({})).toBe(false);
    expect(isPolicySet([])).toBe(false);
    expect(isPolicySet({ identity: [], Statement: [] })).toBe(false);
    expect(isPolicySet('text')).toBe(false);
  });
});

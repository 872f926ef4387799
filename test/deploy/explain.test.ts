import { describe, expect, it } from 'vitest';
import {
  accessFinding,
  allowStatement,
  explainDenial,
  keyPolicyStatement,
  plainFinding,
  statementText,
  trustStatement,
} from '../../src/deploy/explain.js';
import type { EvaluationResult, Explanation } from '../../src/iam/index.js';

const NA = {
  identity: 'NotApplicable',
  boundary: 'NotApplicable',
  session: 'NotApplicable',
  resource: 'NotApplicable',
  scp: 'NotApplicable',
  rcp: 'NotApplicable',
} as const;

function result(over: Partial<EvaluationResult> = {}, explanation?: Partial<Explanation>): EvaluationResult {
  return {
    decision: 'ImplicitDeny',
    reasons: [],
    byPolicyType: NA,
    missingContextKeys: [],
    diagnostics: [],
    ...over,
    ...(explanation
      ? {
          explanation: {
            decision: 'ImplicitDeny',
            reason: 'no-allow',
            deciding: [],
            blockedBy: [],
            sameAccount: true,
            scp: [],
            rcp: [],
            missingKeys: [],
            context: [],
            notes: [],
            ...explanation,
          },
        }
      : {}),
  };
}

describe('explainDenial', () => {
  it('names the deciding Deny statements, by Sid or index, with lines when known', () => {
    const e = explainDenial(
      result({
        decision: 'ExplicitDeny',
        reasons: [
          { policyType: 'identity', policyId: 'p1', statementIndex: 0, effect: 'Deny', pointer: '/Statement/0' },
          {
            policyType: 'resource',
            policyId: '',
            statementIndex: 2,
            sid: 'S',
            effect: 'Deny',
            pointer: '/Statement/2',
            range: { start: { line: 7, column: 5, offset: 90 }, end: { line: 7, column: 20, offset: 105 } },
          },
        ],
        missingContextKeys: ['aws:SourceIp', 'aws:SourceVpc'],
      }),
    );
    expect(e.side).toBe('explicit-deny');
    expect(e.text).toBe(
      'denied explicitly by identity policy p1 statement #1; resource policy (unnamed) statement S (line 7); the request lacks the context keys aws:SourceIp, aws:SourceVpc',
    );
    expect(e.range?.start.line).toBe(7);
    expect(e.deciding).toEqual([
      { policyId: 'p1', policyType: 'identity', effect: 'Deny', statementIndex: 0 },
      { policyId: '', policyType: 'resource', effect: 'Deny', statementIndex: 2, sid: 'S', line: 7 },
    ]);
  });

  it('tells identity, resource, guardrail and invalid requests apart', () => {
    expect(explainDenial(result()).side).toBe('identity');
    expect(explainDenial(result()).text).toBe('no statement of the principal’s policies allows it');
    const both = explainDenial(result({ byPolicyType: { ...NA, resource: 'ImplicitDeny' } }));
    expect(both.text).toContain('or of the resource policy');
    const key = explainDenial(result({ byPolicyType: { ...NA, identity: 'Allow', resource: 'ImplicitDeny' } }));
    expect(key.side).toBe('resource');
    expect(explainDenial(result({}, { reason: 'resource-policy-required' })).side).toBe('resource');
    const scp = explainDenial(
      result({}, { reason: 'guardrail', blockedBy: [{ type: 'scp', level: 0, policyIds: ['root-scp'] }] }),
    );
    expect(scp.side).toBe('guardrail');
    expect(scp.text).toBe('an Allow was found but the scp root-scp does not allow it');
    const res = explainDenial(result({}, { reason: 'guardrail', blockedBy: [{ type: 'resource', policyIds: [] }] }));
    expect(res.side).toBe('resource');
    expect(res.text).toContain('the resource policy does not allow it');
    const invalid = explainDenial(
      result({
        diagnostics: [
          {
            ruleId: 'x',
            severity: 'error',
            message: 'bad ARN',
            range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
          },
        ],
      }),
    );
    expect(invalid.side).toBe('invalid');
    expect(invalid.text).toContain('bad ARN');
    expect(explainDenial(result({}, { reason: 'request-invalid' })).side).toBe('invalid');
    expect(explainDenial(result({ missingContextKeys: ['k'] })).text).toContain('the request lacks the context key k');
  });
});

describe('fix statements and findings', () => {
  it('builds identity, trust and key-policy statements', () => {
    expect(allowStatement(['a:B'], '*')).toEqual({ Effect: 'Allow', Action: 'a:B', Resource: '*' });
    expect(allowStatement(['a:B', 'a:C'], 'r', {})).toEqual({ Effect: 'Allow', Action: ['a:B', 'a:C'], Resource: 'r' });
    expect(allowStatement(['a:B'], 'r', { k: 'v' }).Condition).toEqual({ StringEquals: { k: 'v' } });
    expect(trustStatement('x.amazonaws.com').Principal).toEqual({ Service: 'x.amazonaws.com' });
    expect(keyPolicyStatement('arn:r', 'kms:Decrypt')).toEqual({
      Effect: 'Allow',
      Principal: { AWS: 'arn:r' },
      Action: 'kms:Decrypt',
      Resource: '*',
    });
    expect(JSON.parse(statementText(trustStatement('s')))).toEqual(trustStatement('s'));
  });

  it('puts principal, action, resource and the explanation in message and data', () => {
    const f = accessFinding({
      ruleId: 'deploy/x',
      severity: 'warning',
      what: 'W',
      principal: 'P',
      action: 'a:B',
      resource: 'R',
      result: result({}, { reason: 'no-allow' }),
      source: 'S',
    });
    expect(f.message).toBe('W: P may not a:B on R — no statement of the principal’s policies allows it.');
    expect(f.range.start).toEqual({ line: 1, column: 1, offset: 0 });
    expect(f.data).toMatchObject({ source: 'S', principal: 'P', action: 'a:B', resource: 'R', reason: 'no-allow' });
    expect(f.help).toBeUndefined();
    expect(f.suggestions).toBeUndefined();
    const p = plainFinding('deploy/y', 'info', 'm', { source: 's' });
    expect(p).toMatchObject({ ruleId: 'deploy/y', severity: 'info', message: 'm', data: { source: 's' } });
    expect(plainFinding('deploy/y', 'info', 'm', { source: 's' }, { suggestions: [] }).suggestions).toBeUndefined();
  });
});

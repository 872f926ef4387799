// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are literal policy text here.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/iam/index.js';
import type { EvaluationInput } from '../../../src/iam/index.js';

// Minimal cases for disagreements the differential test (differential.test.ts) found between `evaluate` and the
// reference evaluator. Each expected decision is taken from spec/iam.md (section cited), not from either engine.
const A = '111122223333';
const ALICE = `arn:aws:iam::${A}:user/alice`;
const SESSION = `arn:aws:sts::${A}:assumed-role/AppRole/s1`;
const doc = (...Statement: object[]): object => ({ Version: '2012-10-17', Statement });

describe('evaluate: regressions found by differential testing', () => {
  it('§2.4 V5: a key known to be multivalued (aws:TagKeys) is never substituted, even when given as a string', () => {
    const input: EvaluationInput = {
      request: {
        principal: ALICE,
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::example-bucket/env/x',
        resourceAccount: A,
        context: { 'aws:TagKeys': 'env' },
      },
      policies: {
        identity: [
          doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-bucket/${aws:TagKeys}/*' }),
        ],
      },
    };
    expect(evaluate(input).decision).toBe('ImplicitDeny');
    // With a default the default text is used instead (§2.4 V6).
    const withDefault = {
      ...input,
      policies: {
        identity: [
          doc({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Resource: "arn:aws:s3:::example-bucket/${aws:TagKeys, 'env'}/*",
          }),
        ],
      },
    };
    expect(evaluate(withDefault).decision).toBe('Allow');
  });

  it('§2.4 V5 in a condition: the unresolved value matches nothing, so a Deny on it does not fire', () => {
    const input: EvaluationInput = {
      request: {
        principal: ALICE,
        action: 'iam:TagUser',
        resource: ALICE,
        resourceAccount: A,
        context: { 'aws:TagKeys': 'env' },
      },
      policies: {
        identity: [
          doc(
            { Effect: 'Allow', Action: '*', Resource: '*' },
            {
              Effect: 'Deny',
              Action: '*',
              Resource: '*',
              Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': '${aws:TagKeys}' } },
            },
          ),
        ],
      },
    };
    expect(evaluate(input).decision).toBe('Allow');
  });

  it('§5.3/§3.10: aws:PrincipalArn supplied under another spelling still gives the role path of a session (§2.3)', () => {
    const opsRole = `arn:aws:iam::${A}:role/ops/AppRole`;
    for (const key of ['aws:PrincipalArn', 'AWS:PRINCIPALARN', 'aws:principalarn']) {
      const input: EvaluationInput = {
        request: {
          principal: SESSION,
          action: 's3:GetObject',
          resource: 'arn:aws:s3:::b/x',
          resourceAccount: A,
          context: { [key]: opsRole },
        },
        policies: { resource: [doc({ Effect: 'Allow', Principal: { AWS: opsRole }, Action: '*', Resource: '*' })] },
      };
      expect(evaluate(input).decision).toBe('Allow');
    }
  });

  it('§4.1/§4.3: an S3 ARN without resourceAccount has no known owner, so it is not a same-account request', () => {
    const input: EvaluationInput = {
      request: { principal: ALICE, action: 's3:GetObject', resource: 'arn:aws:s3:::example-bucket/x' },
      policies: { identity: [doc({ Effect: 'Allow', Action: '*', Resource: '*' })] },
    };
    expect(evaluate(input).decision).toBe('ImplicitDeny');
    expect(evaluate({ ...input, request: { ...input.request, resourceAccount: A } }).decision).toBe('Allow');
  });

  it('§4.9: a boundary supplied for the root user does not limit it, but its Deny still counts (§4.3 step 1)', () => {
    const root = `arn:aws:iam::${A}:root`;
    const request = { principal: root, action: 's3:GetObject', resource: 'arn:aws:s3:::b/x', resourceAccount: A };
    expect(
      evaluate({ request, policies: { boundary: [doc({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' })] } })
        .decision,
    ).toBe('Allow');
    expect(
      evaluate({ request, policies: { boundary: [doc({ Effect: 'Deny', Action: 's3:*', Resource: '*' })] } }).decision,
    ).toBe('ExplicitDeny');
  });

  it('§4.5: a role trust policy is not consulted for iam: (or other non-sts) actions on the role', () => {
    const request = {
      principal: SESSION,
      action: 'iam:TagRole',
      resource: `arn:aws:iam::${A}:role/AppRole`,
      resourceAccount: A,
    };
    const trust = (Effect: string): object => doc({ Effect, Principal: '*', Action: '*', Resource: '*' });
    expect(evaluate({ request, policies: { resource: [trust('Deny')] } }).decision).toBe('ImplicitDeny');
    expect(evaluate({ request, policies: { resource: [trust('Allow')] } }).decision).toBe('ImplicitDeny');
    const sts = { ...request, action: 'sts:TagSession' };
    expect(evaluate({ request: sts, policies: { resource: [trust('Deny')] } }).decision).toBe('ExplicitDeny');
  });

  it('§4.5: sts:AssumeRole on a role needs its trust policy to allow; none supplied means none allows', () => {
    const request = {
      principal: ALICE,
      action: 'sts:AssumeRole',
      resource: `arn:aws:iam::${A}:role/AppRole`,
      resourceAccount: A,
    };
    expect(
      evaluate({ request, policies: { identity: [doc({ Effect: 'Allow', Action: '*', Resource: '*' })] } }).decision,
    ).toBe('ImplicitDeny');
  });
});

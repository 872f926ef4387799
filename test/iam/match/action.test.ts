import { describe, expect, it } from 'vitest';
import { actionService, compileActionMatcher, foldAction, isRequestAction } from '../../../src/iam/match/action.js';

const m = (values: string[], action: string): number =>
  compileActionMatcher(values)(foldAction(action), actionService(foldAction(action)));

describe('action matching (spec/iam.md §2.1)', () => {
  it('matches the doc examples', () => {
    expect(m(['iam:*AccessKey*'], 'iam:ListAccessKeys')).toBe(0);
    expect(m(['s3:Get*'], 's3:PutObject')).toBe(-1);
    expect(m(['s3:GetObjec?'], 's3:GetObject')).toBe(0);
  });

  it('is ASCII case-insensitive', () => {
    expect(m(['IAM:listaccesskeys'], 'iam:ListAccessKeys')).toBe(0);
    expect(m(['S3:*'], 's3:GetObject')).toBe(0);
    expect(m(['s3:get*'], 'S3:GETOBJECT')).toBe(0);
  });

  it('returns the first matching value', () => {
    expect(m(['sqs:*', 's3:Get*', 's3:GetObject'], 's3:GetObject')).toBe(1);
    expect(m(['s3:GetObject', 's3:*'], 's3:GetObject')).toBe(0);
    expect(m(['s3:*', 's3:GetObject'], 's3:GetObject')).toBe(0);
    expect(m(['x:y', '*'], 's3:GetObject')).toBe(1);
    expect(m(['*'], 'anything:Goes')).toBe(0);
    expect(m(['s3:Get*', 's3:*Object'], 's3:PutObject')).toBe(1);
  });

  it('never trims and matches nothing for an empty list', () => {
    expect(m(['s3:GetObject '], 's3:GetObject')).toBe(-1);
    expect(m([], 's3:GetObject')).toBe(-1);
    expect(m(['*:GetObject'], 's3:GetObject')).toBe(0); // A3: globs over the whole string
  });

  it('finds the service prefix', () => {
    expect(actionService('s3:getobject')).toBe('s3');
    expect(actionService('nocolon')).toBe('');
  });

  it('validates request actions', () => {
    expect(isRequestAction('s3:GetObject')).toBe(true);
    expect(isRequestAction('s3:Get*')).toBe(false);
    expect(isRequestAction('s3GetObject')).toBe(false);
    expect(isRequestAction(':x')).toBe(false);
    expect(isRequestAction('s3:')).toBe(false);
    expect(isRequestAction('s3:a:b')).toBe(false);
    expect(isRequestAction('s3:Get Object')).toBe(false);
  });
});

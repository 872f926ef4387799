// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are literal text in these tests
import { describe, expect, it } from 'vitest';
import {
  compileResourcePattern,
  isRequestResource,
  RESOURCE_MATCH,
  RESOURCE_NO_MATCH,
  RESOURCE_UNRESOLVED,
} from '../../../src/iam/match/resource.js';

const none = (): undefined => undefined;
const matches = (pattern: string, resource: string, variablesEnabled = true): boolean =>
  compileResourcePattern(pattern, variablesEnabled).test(resource, none) === RESOURCE_MATCH;

describe('resource patterns (spec/iam.md §2.2)', () => {
  const doc = 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/';
  it.each([
    '1/test/object.jpg',
    '1/2/test/object.jpg',
    '1/2/test/3/object.jpg',
    '1/2/3/test/4/object.jpg',
    '1///test///object.jpg',
    '1/test/.jpg',
    '/test/object.jpg',
    '1/test/',
  ])('R5: DOC-EXAMPLE-BUCKET/*/test/* matches %s', (key) => {
    expect(matches(`${doc}*/test/*`, doc + key)).toBe(true);
  });
  it.each(['1-test/object.jpg', 'test/object.jpg', '1/2/test.jpg'])(
    'R5: DOC-EXAMPLE-BUCKET/*/test/* does not match %s',
    (key) => {
      expect(matches(`${doc}*/test/*`, doc + key)).toBe(false);
    },
  );

  it('R6: end-of-segment * may run past the segment boundary', () => {
    expect(matches('arn:aws:sqs:us-east-1:*', 'arn:aws:sqs:us-east-1:111122223333:orders')).toBe(true);
    expect(
      matches(
        'arn:aws:logs:us-east-1:111122223333:log-group:/app/web:*',
        'arn:aws:logs:us-east-1:111122223333:log-group:/app/web:log-stream:abc',
      ),
    ).toBe(true);
    expect(matches('arn:aws:sqs:us-*:111122223333:q', 'arn:aws:sqs:us-east:x-1:111122223333:q')).toBe(true);
    expect(matches('arn:aws:sqs:us-*-1:111122223333:q', 'arn:aws:sqs:us-east:x-1:111122223333:q')).toBe(false);
    expect(matches('arn:aws:sqs:us-*-1:111122223333:q', 'arn:aws:sqs:us-east-1:111122223333:q')).toBe(true);
  });

  it('R3: ? in segments 1–5 never matches a colon; in the resource segment it does', () => {
    expect(matches('arn:aws:sqs:us-east-?:111122223333:q', 'arn:aws:sqs:us-east-1:111122223333:q')).toBe(true);
    expect(matches('arn:aws:sqs:us-east?1:111122223333:q', 'arn:aws:sqs:us-east:1:111122223333:q')).toBe(false);
    expect(matches('arn:aws:logs:us-east-1:111122223333:a?b', 'arn:aws:logs:us-east-1:111122223333:a:b')).toBe(true);
    expect(matches('arn:aws:ec2:*:*:instance/*', 'arn:aws:ec2:us-east-1:111122223333:instance/i-1')).toBe(true);
  });

  it('R2: * matches everything; the pseudo-resource * is matched only by *', () => {
    expect(matches('*', '*')).toBe(true);
    expect(matches('*', 'arn:aws:s3:::b')).toBe(true);
    expect(matches('arn:aws:s3:::*', '*')).toBe(false);
    expect(matches('arn:*', '*')).toBe(false);
    expect(matches('arn:*', 'arn:aws:s3:::b')).toBe(true);
  });

  it('R4: a short pattern is valid only when it ends with *', () => {
    expect(matches('arn:aws:s3', 'arn:aws:s3')).toBe(false);
    expect(matches('arn:aws:s3:us-east-1:1', 'arn:aws:s3:us-east-1:1')).toBe(false);
    expect(matches('arn:aws:s3*', 'arn:aws:s3:::b')).toBe(true);
  });

  it('is case-sensitive in every segment', () => {
    expect(matches('arn:aws:iam::111122223333:user/Bob', 'arn:aws:iam::111122223333:user/bob')).toBe(false);
    expect(matches('arn:AWS:iam::111122223333:user/bob', 'arn:aws:iam::111122223333:user/bob')).toBe(false);
  });

  it('substitutes variables in the resource segment only, as literal text', () => {
    const p = compileResourcePattern('arn:aws:s3:::b/${aws:username}/*', true);
    expect(p.variables).toEqual(['aws:username']);
    expect(compileResourcePattern('arn:aws:s3:::b/${aws:PrincipalTag/Team}', true).variableNames).toEqual([
      'aws:PrincipalTag/Team',
    ]);
    const alice = (k: string): string | undefined => (k === 'aws:username' ? 'alice' : undefined);
    const star = (k: string): string | undefined => (k === 'aws:username' ? '*' : undefined);
    expect(p.test('arn:aws:s3:::b/alice/x', alice)).toBe(RESOURCE_MATCH);
    expect(p.test('arn:aws:s3:::b/bob/x', alice)).toBe(RESOURCE_NO_MATCH);
    expect(p.test('arn:aws:s3:::b/bob/x', star)).toBe(RESOURCE_NO_MATCH); // V4: never a wildcard
    expect(p.test('arn:aws:s3:::b/*/x', star)).toBe(RESOURCE_MATCH);
    expect(p.test('arn:aws:s3:::b/alice/x', none)).toBe(RESOURCE_UNRESOLVED);
    expect(p.test('*', alice)).toBe(RESOURCE_NO_MATCH);
    expect(p.resolved(alice)).toBe('arn:aws:s3:::b/alice/*');
    expect(p.resolved(none)).toBeUndefined();
    const d = compileResourcePattern("arn:aws:s3:::b/${aws:username, 'shared'}/${*}", true);
    expect(d.test('arn:aws:s3:::b/shared/*', none)).toBe(RESOURCE_MATCH);
    expect(d.test('arn:aws:s3:::b/shared/x', none)).toBe(RESOURCE_NO_MATCH);
    expect(d.resolved(none)).toBe('arn:aws:s3:::b/shared/*');
    // Segments 1–5 stay literal (R8); a disabled version keeps everything literal (V2).
    expect(matches('arn:aws:s3:${aws:region}::b', 'arn:aws:s3:${aws:region}::b')).toBe(true);
    expect(matches('arn:aws:s3:::b/${aws:username}', 'arn:aws:s3:::b/${aws:username}', false)).toBe(true);
    expect(compileResourcePattern('arn:aws:s3:::b/${oops', true).variables).toEqual([]);
  });

  it('recognises request resources', () => {
    expect(isRequestResource('*')).toBe(true);
    expect(isRequestResource('arn:aws:s3:::b')).toBe(true);
    expect(isRequestResource('arn:aws:s3')).toBe(false);
    expect(isRequestResource('bucket')).toBe(false);
  });

  it('matches a 1 MB resource in linear time', () => {
    const big = `arn:aws:s3:::b/${'x/'.repeat(500_000)}end`;
    expect(matches(`arn:aws:s3:::b/${'*x'.repeat(50)}*end`, big)).toBe(true);
    expect(matches(`arn:aws:s3:::b/${'*x'.repeat(50)}*enx`, big)).toBe(false);
    expect(matches(`arn:aws:s?:::b/${'*x'.repeat(50)}*end`, big)).toBe(true);
  });
});

describe('matcher cache of patterns with variables', () => {
  it('never confuses two substitutions whose values joined with NUL look alike', () => {
    const p = compileResourcePattern('arn:aws:s3:::b/${aws:PrincipalTag/a}-${aws:PrincipalTag/b}', true);
    const first = (k: string): string | undefined =>
      k === 'aws:principaltag/a' ? 'x\u0000y' : k === 'aws:principaltag/b' ? 'z' : undefined;
    const second = (k: string): string | undefined =>
      k === 'aws:principaltag/a' ? 'x' : k === 'aws:principaltag/b' ? 'y\u0000z' : undefined;
    expect(p.test('arn:aws:s3:::b/x\u0000y-z', first)).toBe(RESOURCE_MATCH);
    expect(p.test('arn:aws:s3:::b/x\u0000y-z', second)).toBe(RESOURCE_NO_MATCH);
    expect(p.test('arn:aws:s3:::b/x-y\u0000z', second)).toBe(RESOURCE_MATCH);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatPrincipalArn,
  isAccountId,
  parsePrincipalArn,
  splitArn,
  splitArnSegments,
  uniqueIdKind,
} from '../../../src/iam/policy/arn.js';

describe('splitArn', () => {
  it('splits on the first five colons; the resource keeps the rest', () => {
    expect(splitArn('arn:aws:logs:us-east-1:111122223333:log-group:/app/web:*')).toEqual({
      prefix: 'arn',
      partition: 'aws',
      service: 'logs',
      region: 'us-east-1',
      account: '111122223333',
      resource: 'log-group:/app/web:*',
    });
    expect(splitArn('arn:aws:s3:::bucket')).toMatchObject({ region: '', account: '', resource: 'bucket' });
    expect(splitArn('arn:aws:s3:::')).toMatchObject({ resource: '' });
  });

  it('returns null with fewer than six segments', () => {
    expect(splitArn('arn:aws:sqs:us-east-1:*')).toBeNull();
    expect(splitArn('*')).toBeNull();
    expect(splitArn('')).toBeNull();
  });

  it('splitArnSegments returns 1..6 segments', () => {
    expect(splitArnSegments('arn:aws:sqs:us-east-1:*')).toEqual(['arn', 'aws', 'sqs', 'us-east-1', '*']);
    expect(splitArnSegments('*')).toEqual(['*']);
    expect(splitArnSegments('a:b:c:d:e:f:g')).toEqual(['a', 'b', 'c', 'd', 'e', 'f:g']);
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const seg = splitArnSegments(s);
        expect(seg.join(':')).toBe(s);
        expect(seg.length).toBeLessThanOrEqual(6);
      }),
    );
  });
});

describe('principal ARNs', () => {
  it('recognises every kind', () => {
    expect(parsePrincipalArn('arn:aws:iam::111122223333:root')).toEqual({
      kind: 'root',
      partition: 'aws',
      account: '111122223333',
    });
    expect(parsePrincipalArn('arn:aws:iam::111122223333:user/alice')).toMatchObject({
      kind: 'user',
      path: '/',
      name: 'alice',
    });
    expect(parsePrincipalArn('arn:aws-cn:iam::111122223333:role/ops/team/AppRole')).toMatchObject({
      kind: 'role',
      partition: 'aws-cn',
      path: '/ops/team/',
      name: 'AppRole',
    });
    expect(parsePrincipalArn('arn:aws:iam::111122223333:group/devs')).toMatchObject({ kind: 'group', name: 'devs' });
    expect(parsePrincipalArn('arn:aws:sts::111122223333:assumed-role/AppRole/s1')).toMatchObject({
      kind: 'assumed-role',
      name: 'AppRole',
      sessionName: 's1',
    });
    expect(parsePrincipalArn('arn:aws:sts::111122223333:federated-user/bob')).toMatchObject({
      kind: 'federated-user',
      name: 'bob',
    });
  });

  it.each([
    'arn:aws:iam::11112222333:root',
    'arn:aws:iam:us-east-1:111122223333:root',
    'arn::iam::111122223333:root',
    'ARN:aws:iam::111122223333:root',
    'arn:aws:iam::111122223333:user/',
    'arn:aws:iam::111122223333:user',
    'arn:aws:iam::111122223333:policy/p',
    'arn:aws:sts::111122223333:assumed-role/AppRole',
    'arn:aws:sts::111122223333:assumed-role//s',
    'arn:aws:sts::111122223333:assumed-role/R/s/x',
    'arn:aws:sts::111122223333:federated-user/',
    'arn:aws:sts::111122223333:federated-user/a/b',
    'arn:aws:sts::111122223333:root',
    'arn:aws:s3:::bucket',
    '111122223333',
  ])('rejects %s', (t) => {
    expect(parsePrincipalArn(t)).toBeUndefined();
  });

  it('formats back to the same text', () => {
    for (const t of [
      'arn:aws:iam::111122223333:root',
      'arn:aws:iam::111122223333:user/a/b/alice',
      'arn:aws:iam::111122223333:role/R',
      'arn:aws:iam::111122223333:group/G',
      'arn:aws:sts::111122223333:assumed-role/R/s',
      'arn:aws:sts::111122223333:federated-user/f',
    ]) {
      const p = parsePrincipalArn(t);
      expect(p && formatPrincipalArn(p)).toBe(t);
    }
  });

  it('checks account ids and unique ids', () => {
    expect(isAccountId('111122223333')).toBe(true);
    expect(isAccountId('11112222333a')).toBe(false);
    expect(isAccountId('1111222233334')).toBe(false);
    expect(uniqueIdKind('AIDAJQABLZS4A3QDU576Q')).toBe('user');
    expect(uniqueIdKind('AROA1234567890EXAMPLE')).toBe('role');
    expect(uniqueIdKind('AIDA')).toBeUndefined();
    expect(uniqueIdKind('aida1234')).toBeUndefined();
    expect(uniqueIdKind('ZZZZ1234')).toBeUndefined();
    expect(uniqueIdKind(`AIDA${'A'.repeat(125)}`)).toBeUndefined();
  });
});

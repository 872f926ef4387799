// biome-ignore-all lint/suspicious/noTemplateCurlyInString: policy variables are literal text
import { describe, expect, it } from 'vitest';
import { serviceCatalog } from '../../../../src/catalog/index.js';
import { allow, hits } from './helpers.js';

const home = 'arn:aws:s3:::b/home/${aws:username}/*';

describe('variable-ignored-version', () => {
  it('fires for ${ under 2008-10-17 or without a Version, in any element', () => {
    expect(
      hits('variable-ignored-version', allow('s3:GetObject', home), { version: '2008-10-17' })[0]?.message,
    ).toContain('under Version 2008-10-17');
    const d = hits(
      'variable-ignored-version',
      allow('s3:GetObject', home, { Condition: { StringEquals: { 'aws:username': '${aws:username}', '${k}': 'x' } } }),
      { version: null },
    );
    expect(d).toHaveLength(3);
    expect(d[0]?.message).toContain('without a Version');
  });
  it('does not fire under 2012-10-17 or without ${', () => {
    expect(hits('variable-ignored-version', allow('s3:GetObject', home))).toEqual([]);
    expect(hits('variable-ignored-version', allow('s3:GetObject', 'arn:aws:s3:::b/$x'), { version: null })).toEqual([]);
  });
});

describe('variable-position-invalid', () => {
  it('fires for variables in actions, principals, keys, ARN segments 1-5 and non-string operators', () => {
    expect(hits('variable-position-invalid', allow('s3:${aws:username}'))).toHaveLength(1);
    expect(hits('variable-position-invalid', allow('s3:*', 'arn:aws:s3:${aws:RequestedRegion}::b/*'))).toHaveLength(1);
    expect(hits('variable-position-invalid', allow('s3:*', 'arn:${x}'))).toHaveLength(1);
    const d = hits(
      'variable-position-invalid',
      allow('s3:*', '*', {
        Condition: {
          NumericLessThan: { 'aws:MultiFactorAuthAge': '${aws:PrincipalTag/age}' },
          StringEquals: { 'aws:PrincipalTag/${aws:username}': 'x' },
        },
      }),
    );
    expect(d.map((x) => x.message)).toEqual([
      "Policy variables are not substituted in a value of NumericLessThan; '${aws:PrincipalTag/age}' is literal text.",
      "Policy variables are not substituted in a condition key; 'aws:PrincipalTag/${aws:username}' is literal text.",
    ]);
    const principal = {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:user/${aws:username}' },
      Action: 's3:*',
    };
    expect(hits('variable-position-invalid', principal, { type: 'resource' })).toHaveLength(1);
  });
  it('accepts variables in the resource segment and String/Arn/Bool values', () => {
    const ok = allow('s3:*', [home, 'arn:aws:s3:::b/${aws:PrincipalTag/a:b}'], {
      Condition: {
        StringLike: { 's3:prefix': '${aws:username}/*' },
        ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:*:*:${aws:username}' },
        Bool: { 'aws:SecureTransport': '${aws:PrincipalTag/tls}' },
      },
    });
    expect(hits('variable-position-invalid', ok)).toEqual([]);
    expect(hits('variable-position-invalid', allow('s3:${aws:username}'), { version: null })).toEqual([]);
  });
});

describe('variable-multivalued-key', () => {
  it('fires for variables naming multivalued keys', () => {
    const d = hits('variable-multivalued-key', allow('s3:*', 'arn:aws:s3:::b/${aws:TagKeys}/${aws:PrincipalOrgPaths}'));
    expect(d.map((x) => x.data?.variable)).toEqual(['aws:TagKeys', 'aws:PrincipalOrgPaths']);
    expect(
      hits('variable-multivalued-key', allow('s3:*', 'arn:aws:s3:::b/${ec2:IKEVersions}'), { catalog: serviceCatalog }),
    ).toHaveLength(1);
  });
  it('does not fire for single-valued keys', () => {
    expect(hits('variable-multivalued-key', allow('s3:*', home))).toEqual([]);
  });
});

describe('variable-malformed', () => {
  it('fires for malformed ${ in resources and condition values', () => {
    expect(hits('variable-malformed', allow('s3:*', 'arn:aws:s3:::b/${aws:username/*'))[0]?.data?.reason).toBe(
      'unterminated',
    );
    const d = hits(
      'variable-malformed',
      allow('s3:*', '*', { Condition: { StringLike: { 's3:prefix': ['${}', '${a, x}'] } } }),
    );
    expect(d.map((x) => x.data?.reason)).toEqual(['empty-name', 'bad-default']);
  });
  it('does not fire for good variables or when variables are disabled', () => {
    expect(hits('variable-malformed', allow('s3:*', ["arn:aws:s3:::b/${aws:username, 'x'}/${*}"]))).toEqual([]);
    expect(hits('variable-malformed', allow('s3:*', 'arn:aws:s3:::b/${oops'), { version: null })).toEqual([]);
  });
});

describe('variable-key-unknown', () => {
  it('fires for unknown aws: keys with a suggestion', () => {
    const d = hits('variable-key-unknown', allow('s3:*', 'arn:aws:s3:::b/${aws:usernme}/*'));
    expect(d).toHaveLength(1);
    expect(d[0]?.suggestions).toEqual(['aws:username']);
    expect(
      hits('variable-key-unknown', allow('s3:*', 'arn:aws:s3:::b/${s3:nosuch}'), { catalog: serviceCatalog }),
    ).toHaveLength(1);
  });
  it('does not fire for known keys or non-aws keys without a catalog', () => {
    expect(
      hits(
        'variable-key-unknown',
        allow('s3:*', [home, 'arn:aws:s3:::b/${s3:nosuch}', 'arn:aws:s3:::b/${aws:PrincipalTag/x}']),
      ),
    ).toEqual([]);
  });
});

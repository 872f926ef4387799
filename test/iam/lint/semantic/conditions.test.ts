// biome-ignore-all lint/suspicious/noTemplateCurlyInString: policy variables are literal text
import { describe, expect, it } from 'vitest';
import { serviceCatalog } from '../../../../src/catalog/index.js';
import { allow, hits } from './helpers.js';

const cond = (condition: object, effect: 'Allow' | 'Deny' = 'Allow', action: string | string[] = '*'): object => ({
  Effect: effect,
  Action: action,
  Resource: '*',
  Condition: condition,
});
const C = { catalog: serviceCatalog };

describe('null-value-invalid', () => {
  it('fires for values other than true/false', () => {
    const d = hits('null-value-invalid', cond({ Null: { 'aws:TokenIssueTime': ['yes', 'TRUE', 'false'] } }));
    expect(d).toHaveLength(1);
    expect(d[0]?.pointer).toBe('/Statement/0/Condition/Null/aws:TokenIssueTime/0');
  });
  it('does not fire for other operators', () => {
    expect(hits('null-value-invalid', cond({ StringEquals: { 'aws:username': 'yes' } }))).toEqual([]);
  });
});

describe('condition-value-invalid', () => {
  it.each([
    ['NumericLessThan', 'aws:MultiFactorAuthAge', '1h', 'Numeric'],
    ['DateGreaterThan', 'aws:CurrentTime', 'tomorrow', 'Date'],
    ['Bool', 'aws:SecureTransport', 'yes', 'Bool'],
    ['BinaryEquals', 'aws:userid', 'not base64!', 'Binary'],
    ['IpAddress', 'aws:SourceIp', '300.1.1.1', 'IpAddress'],
    ['ArnLike', 'aws:SourceArn', 'arn:aws:s3', 'Arn'],
    ['ForAnyValue:NumericEquals', 'aws:MultiFactorAuthAge', 'x', 'Numeric'],
  ])('fires for %s %s %j', (op, key, value, family) => {
    const d = hits('condition-value-invalid', cond({ [op]: { [key]: value } }));
    expect(d).toHaveLength(1);
    expect(d[0]?.data?.family).toBe(family);
  });
  it('accepts valid values, String values, and values holding variables', () => {
    const ok = cond({
      NumericLessThan: { 'aws:MultiFactorAuthAge': ['3600', 10] },
      DateGreaterThan: { 'aws:CurrentTime': ['2024-06-01T00:00:00Z', '1735689600'] },
      Bool: { 'aws:SecureTransport': [true, 'False', '${aws:PrincipalTag/x}'] },
      IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] },
      ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::b' },
      StringEquals: { 'aws:username': 'anything at all' },
    });
    expect(hits('condition-value-invalid', ok)).toEqual([]);
  });
});

describe('condition-key-type-mismatch', () => {
  it('fires for families that do not fit global key types', () => {
    const d = hits(
      'condition-key-type-mismatch',
      cond({
        StringEquals: { 'aws:CurrentTime': '2025-01-01T00:00:00Z' },
        NumericEquals: { 'aws:username': '1' },
        Bool: { 'aws:SourceIp': 'true' },
        ArnLike: { 'aws:username': 'arn:aws:iam::1:user/x' },
      }),
    );
    expect(d.map((x) => x.data?.keyType)).toEqual(['Date', 'String', 'IPAddress', 'String']);
    expect(d[0]?.message).toBe('StringEquals compares String values, but aws:CurrentTime is of type Date.');
  });
  it('allows ARN keys with String operators, EpochTime with Numeric, Null with anything, unknown keys', () => {
    const ok = cond({
      StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/x' },
      NumericLessThan: { 'aws:EpochTime': '1735689600' },
      DateLessThan: { 'aws:EpochTime': '1735689600' },
      Null: { 'aws:SourceIp': 'true' },
      StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'x', 's3:prefix': 'y', 'aws:CalledViaAWSMCP': 'z' },
      'ForAnyValue:StringEquals': { 'aws:TagKeys': 'env' },
    });
    expect(hits('condition-key-type-mismatch', ok)).toEqual([]);
  });
  it('uses catalog key types for service keys', () => {
    expect(hits('condition-key-type-mismatch', cond({ NumericEquals: { 'kms:ViaService': '1' } }), C)).toHaveLength(1);
    expect(hits('condition-key-type-mismatch', cond({ NumericEquals: { 'kms:ViaService': '1' } }))).toEqual([]);
    expect(
      hits(
        'condition-key-type-mismatch',
        cond({ ArnLike: { 'ec2:SourceInstanceARN': 'arn:aws:ec2:*:*:instance/*' } }),
        C,
      ),
    ).toEqual([]);
  });
});

describe('wildcard-without-like', () => {
  it('fires for * or ? in literal string operators', () => {
    const d = hits(
      'wildcard-without-like',
      cond({ StringEquals: { 's3:prefix': 'home/*' }, StringNotEqualsIgnoreCase: { 'aws:username': 'a?c' } }),
    );
    expect(d.map((x) => x.suggestions?.[0])).toEqual(['StringLike', 'StringNotLike']);
  });
  it('does not fire for Like operators or escaped ${*}', () => {
    expect(hits('wildcard-without-like', cond({ StringLike: { 's3:prefix': 'home/*' } }))).toEqual([]);
    expect(hits('wildcard-without-like', cond({ StringEquals: { 's3:prefix': 'literal${*}' } }))).toEqual([]);
    expect(
      hits('wildcard-without-like', cond({ StringEquals: { 's3:prefix': 'a${*}' } }), { version: null }),
    ).toHaveLength(1);
  });
});

describe('set-operator-single-valued-key', () => {
  it('fires for set operators on single-valued keys; ForAllValues in Allow is a security finding', () => {
    const d = hits(
      'set-operator-single-valued-key',
      cond({ 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': 'o-1' } }),
    );
    expect(d).toHaveLength(1);
    expect(d[0]?.data?.security).toBe(true);
    const deny = hits(
      'set-operator-single-valued-key',
      cond({ 'ForAnyValue:StringEquals': { 'aws:username': 'a' } }, 'Deny'),
    );
    expect(deny[0]?.data?.security).toBe(false);
  });
  it('does not fire for multivalued or unknown keys', () => {
    expect(
      hits('set-operator-single-valued-key', cond({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'a', 'x:y': 'b' } })),
    ).toEqual([]);
  });
  it('uses catalog types for service keys', () => {
    expect(
      hits('set-operator-single-valued-key', cond({ 'ForAnyValue:StringEquals': { 'kms:ViaService': 'a' } }), C),
    ).toHaveLength(1);
  });
});

describe('multivalued-key-bare-operator', () => {
  it('fires for bare operators on multivalued keys', () => {
    const d = hits(
      'multivalued-key-bare-operator',
      cond({ StringEquals: { 'aws:TagKeys': 'env' }, StringLikeIfExists: { 'aws:PrincipalOrgPaths': 'o-1/*' } }),
    );
    expect(d).toHaveLength(2);
    expect(d[0]?.suggestions).toEqual(['ForAnyValue:StringEquals', 'ForAllValues:StringEquals']);
  });
  it('does not fire for set operators, Null, or single-valued keys', () => {
    const ok = cond({
      'ForAllValues:StringEquals': { 'aws:TagKeys': 'env' },
      Null: { 'aws:TagKeys': 'false' },
      StringEquals: { 'aws:username': 'x' },
    });
    expect(hits('multivalued-key-bare-operator', ok)).toEqual([]);
  });
  it('uses catalog ArrayOf types', () => {
    const bare = cond({ StringEquals: { 'ec2:IKEVersions': 'ikev2' } });
    expect(hits('multivalued-key-bare-operator', bare, C)).toHaveLength(1);
    expect(hits('multivalued-key-bare-operator', bare)).toEqual([]);
    expect(
      hits(
        'multivalued-key-bare-operator',
        cond({ StringEquals: { 'aws:RequestTag/x': 'y', 'ec2:ResourceTag/x': 'y' } }),
        C,
      ),
    ).toEqual([]);
  });
});

describe('forallvalues-allow-no-null-guard', () => {
  it('fires for Allow + ForAllValues without a guard', () => {
    const d = hits(
      'forallvalues-allow-no-null-guard',
      cond({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env'] } }),
    );
    expect(d).toHaveLength(1);
    expect(d[0]?.severity).toBe('warning');
    expect(
      hits(
        'forallvalues-allow-no-null-guard',
        cond({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'env' }, Null: { 'aws:TagKeys': ['true', 'false'] } }),
      ),
    ).toHaveLength(1);
  });
  it('does not fire with a Null false guard, a ForAnyValue presence test, or in a Deny', () => {
    expect(
      hits(
        'forallvalues-allow-no-null-guard',
        cond({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'env' }, Null: { 'AWS:TAGKEYS': 'false' } }),
      ),
    ).toEqual([]);
    expect(
      hits(
        'forallvalues-allow-no-null-guard',
        cond({
          'ForAllValues:StringEquals': { 'aws:TagKeys': 'env' },
          'ForAnyValue:StringLike': { 'aws:TagKeys': '*' },
        }),
      ),
    ).toEqual([]);
    expect(
      hits('forallvalues-allow-no-null-guard', cond({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'env' } }, 'Deny')),
    ).toEqual([]);
  });
});

describe('condition-key-unknown', () => {
  it('fires for unknown aws: keys with suggestions', () => {
    const d = hits(
      'condition-key-unknown',
      cond({ StringEquals: { 'aws:PrincipalOrgId2': 'o', 'aws:ResourceTags/team': 'x', 'aws:zzzzzzzzzz': 'y' } }),
    );
    expect(d.map((x) => x.suggestions)).toEqual([['aws:PrincipalOrgID'], ['aws:ResourceTag/team'], undefined]);
  });
  it('accepts known keys, tag families and non-aws keys without a catalog', () => {
    const ok = cond({ StringEquals: { 'AWS:USERNAME': 'a', 'aws:RequestTag/Team': 'b', 's3:nosuchkey': 'c' } });
    expect(hits('condition-key-unknown', ok)).toEqual([]);
    expect(hits('condition-key-unknown', cond({ StringEquals: { 'aws:RequestTag/': 'b' } }))).toHaveLength(1);
  });
  it('with a catalog, fires for unknown keys of known services only', () => {
    const d = hits(
      'condition-key-unknown',
      cond({ StringEquals: { 's3:prefixx': 'a', 'saml:sub': 'b', 'kms:ViaService': 'c' } }),
      C,
    );
    expect(d).toHaveLength(1);
    expect(d[0]?.suggestions).toContain('s3:prefix');
  });
});

describe('sensitive-key-wildcard', () => {
  it('fires for wildcards in account and org-ID values', () => {
    const d = hits(
      'sensitive-key-wildcard',
      cond({ StringLike: { 'aws:SourceAccount': '1111*', 'aws:PrincipalOrgID': 'o-?', 'aws:ResourceOrgID': 'o-*' } }),
    );
    expect(d).toHaveLength(3);
  });
  it('does not fire for exact values or other keys', () => {
    expect(
      hits(
        'sensitive-key-wildcard',
        cond({ StringLike: { 'aws:SourceAccount': '111122223333', 'aws:PrincipalArn': 'arn:*' } }),
      ),
    ).toEqual([]);
  });
});

describe('mfa rules', () => {
  it('mfa-deny-bool-false fires for Deny + Bool false without IfExists', () => {
    expect(hits('mfa-deny-bool-false', cond({ Bool: { 'aws:MultiFactorAuthPresent': 'false' } }, 'Deny'))).toHaveLength(
      1,
    );
    expect(
      hits('mfa-deny-bool-false', cond({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, 'Deny')),
    ).toEqual([]);
    expect(hits('mfa-deny-bool-false', cond({ Bool: { 'aws:MultiFactorAuthPresent': 'false' } }, 'Allow'))).toEqual([]);
    expect(hits('mfa-deny-bool-false', cond({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }, 'Deny'))).toEqual([]);
  });
  it('mfa-null-check fires for Null false in Allow and Null true in Deny', () => {
    expect(hits('mfa-null-check', cond({ Null: { 'aws:MultiFactorAuthPresent': 'false' } }))).toHaveLength(1);
    expect(hits('mfa-null-check', cond({ Null: { 'aws:MultiFactorAuthPresent': 'true' } }, 'Deny'))).toHaveLength(1);
    expect(hits('mfa-null-check', cond({ Null: { 'aws:MultiFactorAuthPresent': 'true' } }))).toEqual([]);
    expect(hits('mfa-null-check', cond({ Null: { 'aws:TokenIssueTime': 'false' } }))).toEqual([]);
  });
});

describe('ip-cidr-host-bits', () => {
  it('fires for host bits with a network suggestion for IPv4', () => {
    const d = hits(
      'ip-cidr-host-bits',
      cond({ IpAddress: { 'aws:SourceIp': ['203.0.113.5/24', '10.1.2.3/12', '2001:db8::1/32'] } }),
    );
    expect(d.map((x) => x.suggestions)).toEqual([['203.0.113.0/24'], ['10.0.0.0/12'], undefined]);
    expect(d[0]?.severity).toBe('info');
  });
  it('does not fire for networks and hosts', () => {
    expect(
      hits('ip-cidr-host-bits', cond({ NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '203.0.113.5'] } })),
    ).toEqual([]);
  });
});

describe('date-value-ambiguous', () => {
  it('fires for zone-less date-times and millisecond epochs', () => {
    const d = hits(
      'date-value-ambiguous',
      cond({
        DateLessThan: { 'aws:CurrentTime': ['2024-06-01T00:00:00', '1735689600000'] },
        NumericLessThan: { 'aws:EpochTime': '1735689600000' },
      }),
    );
    expect(d).toHaveLength(3);
    expect(d[0]?.message).toContain('no time zone');
    expect(d[1]?.message).toContain('milliseconds');
  });
  it('does not fire for zoned dates, second epochs, or other numeric keys', () => {
    const ok = cond({
      DateLessThan: { 'aws:CurrentTime': ['2024-06-01T00:00:00Z', '2024-06-01', '1735689600'] },
      NumericLessThan: { 'aws:EpochTime': '1735689600', 'aws:MultiFactorAuthAge': '1735689600000' },
    });
    expect(hits('date-value-ambiguous', ok)).toEqual([]);
  });
});

describe('ifexists-redundant', () => {
  it('fires for IfExists on always-present keys and with ForAllValues', () => {
    const d = hits(
      'ifexists-redundant',
      cond({
        BoolIfExists: { 'aws:SecureTransport': 'false' },
        'ForAllValues:StringEqualsIfExists': { 'aws:TagKeys': 'a' },
      }),
    );
    expect(d.map((x) => x.suggestions?.[0])).toEqual(['Bool', 'ForAllValues:StringEquals']);
  });
  it('does not fire for keys that may be absent', () => {
    expect(hits('ifexists-redundant', cond({ StringNotEqualsIfExists: { 'aws:ResourceTag/team': 'blue' } }))).toEqual(
      [],
    );
  });
});

describe('catalog-backed condition checks', () => {
  it('condition-key-not-applicable fires for service keys no action supports', () => {
    const d = hits(
      'condition-key-not-applicable',
      cond({ StringEquals: { 'ec2:InstanceType': 't3.micro' } }, 'Allow', 's3:GetObject'),
      C,
    );
    expect(d).toHaveLength(1);
    expect(d[0]?.data?.key).toBe('ec2:InstanceType');
  });
  it('condition-key-not-applicable accepts supported, cross-service, global and unknown keys, and skips broad actions', () => {
    const ok = cond(
      {
        StringEquals: {
          'ec2:InstanceType': 't3.micro',
          'ec2:SourceInstanceARN': 'x',
          'aws:username': 'a',
          'ec2:nosuch': 'b',
        },
        StringLike: { 'ec2:ResourceTag/team': 'x' },
      },
      'Allow',
      ['ec2:RunInstances', 'ec2:Describe*'],
    );
    expect(hits('condition-key-not-applicable', ok, C)).toEqual([]);
    expect(
      hits('condition-key-not-applicable', cond({ StringEquals: { 'ec2:InstanceType': 'x' } }, 'Allow', '*'), C),
    ).toEqual([]);
    expect(
      hits('condition-key-not-applicable', cond({ StringEquals: { 'ec2:InstanceType': 'x' } }, 'Allow', 'nosuch:X'), C),
    ).toEqual([]);
    expect(
      hits(
        'condition-key-not-applicable',
        cond({ StringEquals: { 'ec2:InstanceType': 'x' } }, 'Allow', 's3:GetObject'),
      ),
    ).toEqual([]);
    expect(hits('condition-key-not-applicable', allow('s3:GetObject'), C)).toEqual([]);
  });
  it('s3 object tag templates apply to s3:GetObject', () => {
    expect(
      hits(
        'condition-key-not-applicable',
        cond({ StringEquals: { 's3:ExistingObjectTag/team': 'x' } }, 'Allow', 's3:GetObject'),
        C,
      ),
    ).toEqual([]);
  });
});

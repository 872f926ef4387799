import { describe, expect, it } from 'vitest';
import {
  GLOBAL_CONDITION_KEYS,
  GLOBAL_KEY_NAMES,
  isGlobalKeyName,
  lookupGlobalKey,
} from '../../../src/iam/lint/global-keys.js';

describe('global condition keys (spec/iam.md §5.2)', () => {
  it('marks exactly the ArrayOf keys as multivalued', () => {
    const multi = GLOBAL_CONDITION_KEYS.filter((k) => k.multivalued).map((k) => k.name);
    expect(multi.sort()).toEqual(
      [
        'aws:CalledVia',
        'aws:PrincipalOrgPaths',
        'aws:PrincipalServiceNamesList',
        'aws:ResourceOrgPaths',
        'aws:SourceOrgPaths',
        'aws:TagKeys',
        'aws:VpceOrgPaths',
      ].sort(),
    );
  });
  it('types keys as the table says', () => {
    expect(lookupGlobalKey('aws:PrincipalArn')?.type).toBe('ARN');
    expect(lookupGlobalKey('aws:multifactorauthage')?.type).toBe('Numeric');
    expect(lookupGlobalKey('aws:TokenIssueTime')?.type).toBe('Date');
    expect(lookupGlobalKey('aws:EpochTime')?.numericToo).toBe(true);
    expect(lookupGlobalKey('aws:Ec2InstanceSourcePrivateIPv4')?.type).toBe('IPAddress');
    expect(lookupGlobalKey('aws:AssumedRoot')?.type).toBe('Bool');
    expect(lookupGlobalKey('aws:ResourceTag/Team')?.name).toBe('aws:ResourceTag/');
    expect(lookupGlobalKey('aws:SecureTransport')?.alwaysPresent).toBe(true);
    expect(lookupGlobalKey('aws:SourceIp')?.alwaysPresent).toBeUndefined();
    expect(lookupGlobalKey('s3:prefix')).toBeUndefined();
  });
  it('lists names and recognises the aws: prefix', () => {
    expect(GLOBAL_KEY_NAMES).toContain('aws:username');
    expect(new Set(GLOBAL_KEY_NAMES.map((n) => n.toLowerCase())).size).toBe(GLOBAL_KEY_NAMES.length);
    expect(isGlobalKeyName('AWS:x')).toBe(true);
    expect(isGlobalKeyName('awsx:y')).toBe(false);
    expect(Object.isFrozen(GLOBAL_CONDITION_KEYS[0])).toBe(true);
  });
});

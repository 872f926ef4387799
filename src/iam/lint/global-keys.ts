/**
 * The global `aws:` condition keys of spec/iam.md §5.2, usable without a service catalog.
 *
 * @module
 */

/** Value type of a condition key, in the service-authorization vocabulary. */
export type ConditionKeyType =
  | 'String'
  | 'ArrayOfString'
  | 'ARN'
  | 'ArrayOfARN'
  | 'Bool'
  | 'ArrayOfBool'
  | 'Date'
  | 'Numeric'
  | 'ArrayOfNumeric'
  | 'IPAddress'
  | 'ArrayOfIPAddress';

/** What the linter knows about one condition key. */
export interface ConditionKeyInfo {
  /** Canonical spelling; tag families end with `/` (for example `aws:ResourceTag/`). */
  readonly name: string;
  /** Value type; absent when the type comes only from injected service data. */
  readonly type?: ConditionKeyType;
  /** True for multivalued keys (supplied as arrays; need a set operator). */
  readonly multivalued: boolean;
  /** True when the name is a prefix: the key is `name` followed by a non-empty tag key. */
  readonly family?: boolean;
  /** True for `aws:EpochTime`: Numeric operators are accepted as well as Date ones. */
  readonly numericToo?: boolean;
  /** True when AWS documents the key as present in every request. */
  readonly alwaysPresent?: boolean;
}

function key(
  name: string,
  type: ConditionKeyType | undefined,
  extra: Partial<Omit<ConditionKeyInfo, 'name' | 'type'>> = {},
): ConditionKeyInfo {
  const multivalued = type?.startsWith('ArrayOf') === true;
  return Object.freeze({ name, ...(type ? { type } : {}), multivalued, ...extra });
}

const ALWAYS = { alwaysPresent: true } as const;

/** Every global condition key of spec/iam.md §5.2, in table order. */
export const GLOBAL_CONDITION_KEYS: readonly ConditionKeyInfo[] = Object.freeze([
  key('aws:PrincipalArn', 'ARN'),
  key('aws:SourceArn', 'ARN'),
  key('aws:SourceVpcArn', 'ARN'),
  key('aws:ChatbotSourceArn', 'ARN'),
  key('aws:PrincipalAccount', 'String'),
  key('aws:ResourceAccount', 'String'),
  key('aws:SourceAccount', 'String'),
  key('aws:SourceOwner', 'String'),
  key('aws:VpceAccount', 'String'),
  key('aws:PrincipalOrgID', 'String'),
  key('aws:ResourceOrgID', 'String'),
  key('aws:SourceOrgID', 'String'),
  key('aws:VpceOrgID', 'String'),
  key('aws:PrincipalOrgPaths', 'ArrayOfString'),
  key('aws:ResourceOrgPaths', 'ArrayOfString'),
  key('aws:SourceOrgPaths', 'ArrayOfString'),
  key('aws:VpceOrgPaths', 'ArrayOfString'),
  key('aws:PrincipalTag/', 'String', { family: true }),
  key('aws:ResourceTag/', 'String', { family: true }),
  key('aws:RequestTag/', 'String', { family: true }),
  key('aws:TagKeys', 'ArrayOfString'),
  key('aws:PrincipalType', 'String'),
  key('aws:userid', 'String'),
  key('aws:username', 'String'),
  key('aws:PrincipalServiceName', 'String'),
  key('aws:FederatedProvider', 'String'),
  key('aws:SourceIdentity', 'String'),
  key('aws:PrincipalServiceNamesList', 'ArrayOfString'),
  key('aws:PrincipalIsAWSService', 'Bool'),
  key('aws:MultiFactorAuthPresent', 'Bool'),
  key('aws:SecureTransport', 'Bool', ALWAYS),
  key('aws:ViaAWSService', 'Bool', ALWAYS),
  key('aws:AssumedRoot', 'Bool'),
  key('aws:CurrentTime', 'Date', ALWAYS),
  key('aws:TokenIssueTime', 'Date'),
  key('aws:EpochTime', 'Date', { numericToo: true, alwaysPresent: true }),
  key('aws:MultiFactorAuthAge', 'Numeric'),
  key('aws:SourceIp', 'IPAddress'),
  key('aws:VpcSourceIp', 'IPAddress'),
  key('aws:Ec2InstanceSourcePrivateIPv4', 'IPAddress'),
  key('aws:SourceVpc', 'String'),
  key('aws:SourceVpce', 'String'),
  key('aws:Ec2InstanceSourceVpc', 'String'),
  key('aws:RequestedRegion', 'String', ALWAYS),
  key('aws:referer', 'String'),
  key('aws:UserAgent', 'String', ALWAYS),
  key('aws:CalledVia', 'ArrayOfString'),
  key('aws:CalledViaFirst', 'String'),
  key('aws:CalledViaLast', 'String'),
  key('aws:CalledViaAWSMCP', undefined),
  key('aws:ViaAWSMCPService', undefined),
  key('aws:IsMcpServiceAction', undefined),
]);

const EXACT: ReadonlyMap<string, ConditionKeyInfo> = new Map(
  GLOBAL_CONDITION_KEYS.filter((k) => !k.family).map((k) => [k.name.toLowerCase(), k]),
);
const FAMILIES: readonly ConditionKeyInfo[] = GLOBAL_CONDITION_KEYS.filter((k) => k.family);

/** True when `name` starts with `aws:` (ASCII case-insensitive). */
export function isGlobalKeyName(name: string): boolean {
  return name.length >= 4 && name.slice(0, 4).toLowerCase() === 'aws:';
}

/**
 * The global key that `name` denotes (case-insensitive; tag families match by prefix with a non-empty
 * tag key), or `undefined` when `name` is not a known `aws:` key.
 */
export function lookupGlobalKey(name: string): ConditionKeyInfo | undefined {
  const lower = name.toLowerCase();
  const exact = EXACT.get(lower);
  if (exact) return exact;
  for (const f of FAMILIES) {
    const p = f.name.toLowerCase();
    if (lower.length > p.length && lower.startsWith(p)) return f;
  }
  return undefined;
}

/** Names of the global keys, for did-you-mean (families without their trailing tag key). */
export const GLOBAL_KEY_NAMES: readonly string[] = Object.freeze(GLOBAL_CONDITION_KEYS.map((k) => k.name));

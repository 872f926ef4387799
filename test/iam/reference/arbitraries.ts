// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are literal policy text here.
/**
 * fast-check generators of random but realistic IAM evaluation inputs (the format of conformance/iam-cases.json).
 * Vocabularies are deliberately small so that actions, resources, principals and condition values actually match
 * often: Allow, ExplicitDeny and ImplicitDeny each come out in a good share of cases.
 *
 * Every generated policy is valid under strict parsing (spec/iam.md §1.6), so both evaluators see the same
 * documents; lint-level oddities (2008-10-17 / missing Version, malformed variables, partial-wildcard principals,
 * unparsable condition values, case-variant operator names) are generated on purpose.
 *
 * @module
 */
import fc from 'fast-check';
import type { EvaluationInput, EvaluationPolicies, EvaluationRequest } from '../../../src/iam/evaluate/types.js';

/** The account of alice, carol, AppRole and the resources. */
export const ACCOUNT_A = '111122223333';
/** An external account (bob, XRole). */
export const ACCOUNT_B = '444455556666';
const A = ACCOUNT_A;
const B = ACCOUNT_B;

type Json = string | number | boolean | Json[] | { [key: string]: Json };
type Doc = { [key: string]: Json };

/** A request principal with the context keys AWS would derive for it (§5.1). */
interface PrincipalSpec {
  readonly principal: string;
  readonly derived: Readonly<Record<string, string>>;
}

const ALICE = `arn:aws:iam::${A}:user/alice`;
const CAROL = `arn:aws:iam::${A}:user/dev/carol`;
const BOB = `arn:aws:iam::${B}:user/bob`;
const ROLE = `arn:aws:iam::${A}:role/AppRole`;
const OPS_ROLE = `arn:aws:iam::${A}:role/ops/AppRole`;
const SESSION = `arn:aws:sts::${A}:assumed-role/AppRole/s1`;
const SESSION2 = `arn:aws:sts::${A}:assumed-role/AppRole/s2`;
const XROLE = `arn:aws:iam::${B}:role/XRole`;
const XSESSION = `arn:aws:sts::${B}:assumed-role/XRole/x1`;
const FED = `arn:aws:sts::${A}:federated-user/alice`;
const ROOT_A = `arn:aws:iam::${A}:root`;
const ROOT_B = `arn:aws:iam::${B}:root`;

const PRINCIPALS: readonly PrincipalSpec[] = [
  {
    principal: ALICE,
    derived: {
      'aws:username': 'alice',
      'aws:PrincipalArn': ALICE,
      'aws:PrincipalAccount': A,
      'aws:userid': 'AIDAALICE',
    },
  },
  {
    principal: CAROL,
    derived: {
      'aws:username': 'carol',
      'aws:PrincipalArn': CAROL,
      'aws:PrincipalAccount': A,
      'aws:userid': 'AIDACAROL',
    },
  },
  { principal: BOB, derived: { 'aws:username': 'bob', 'aws:PrincipalArn': BOB, 'aws:PrincipalAccount': B } },
  { principal: SESSION, derived: { 'aws:PrincipalArn': ROLE, 'aws:PrincipalAccount': A, 'aws:userid': 'AROAAPP:s1' } },
  { principal: SESSION, derived: { 'aws:PrincipalArn': OPS_ROLE, 'aws:PrincipalAccount': A } },
  { principal: SESSION2, derived: { 'aws:PrincipalArn': ROLE, 'aws:PrincipalAccount': A } },
  { principal: XSESSION, derived: { 'aws:PrincipalArn': XROLE, 'aws:PrincipalAccount': B } },
  { principal: FED, derived: { 'aws:PrincipalArn': FED, 'aws:PrincipalAccount': A, 'aws:userid': `${A}:alice` } },
  { principal: ROOT_A, derived: { 'aws:PrincipalArn': ROOT_A, 'aws:PrincipalAccount': A } },
  { principal: ROOT_B, derived: { 'aws:PrincipalArn': ROOT_B, 'aws:PrincipalAccount': B } },
  { principal: 'ec2.amazonaws.com', derived: { 'aws:PrincipalIsAWSService': 'true' } },
  { principal: 'lambda.amazonaws.com', derived: { 'aws:PrincipalIsAWSService': 'true' } },
  { principal: 'anonymous', derived: {} },
];

const ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  'sqs:SendMessage',
  'iam:TagUser',
  'ec2:StartInstances',
  'kms:Decrypt',
  'sts:AssumeRole',
  'logs:PutLogEvents',
] as const;

const RESOURCES = [
  'arn:aws:s3:::example-bucket/home/alice/a.txt',
  'arn:aws:s3:::example-bucket/data/file.txt',
  'arn:aws:s3:::example-bucket',
  'arn:aws:s3:::other-bucket/x',
  'arn:aws:s3:::example-bucket/home/${aws:username}/a.txt',
  'arn:aws:s3:::example-bucket/?',
  'arn:aws:s3:::example-bucket/blue/x',
  `arn:aws:sqs:us-east-1:${A}:orders`,
  `arn:aws:iam::${A}:role/AppRole`,
  `arn:aws:iam::${A}:user/alice`,
  `arn:aws:kms:us-east-1:${A}:key/k1`,
  `arn:aws:ec2:us-east-1:${A}:instance/i-1`,
  `arn:aws:logs:us-east-1:${A}:log-group:/app/web:log-stream:abc`,
  '*',
] as const;

/** Realistic action/resource pairs, mixed with free combinations. */
const PAIRS: readonly (readonly [string, string])[] = [
  ['s3:GetObject', 'arn:aws:s3:::example-bucket/home/alice/a.txt'],
  ['s3:GetObject', 'arn:aws:s3:::example-bucket/data/file.txt'],
  ['s3:PutObject', 'arn:aws:s3:::example-bucket/blue/x'],
  ['s3:ListBucket', 'arn:aws:s3:::example-bucket'],
  ['sqs:SendMessage', `arn:aws:sqs:us-east-1:${A}:orders`],
  ['iam:TagUser', `arn:aws:iam::${A}:user/alice`],
  ['ec2:StartInstances', `arn:aws:ec2:us-east-1:${A}:instance/i-1`],
  ['kms:Decrypt', `arn:aws:kms:us-east-1:${A}:key/k1`],
  ['sts:AssumeRole', `arn:aws:iam::${A}:role/AppRole`],
  ['logs:PutLogEvents', `arn:aws:logs:us-east-1:${A}:log-group:/app/web:log-stream:abc`],
  ['s3:ListAllMyBuckets', '*'],
];

const POLICY_ACTIONS = [
  '*',
  's3:*',
  's3:Get*',
  's3:GetObjec?',
  'S3:getobject',
  's3:PutObject',
  'sqs:*',
  'iam:Tag*',
  'ec2:*',
  'kms:*',
  'kms:Decrypt',
  'sts:AssumeRole',
  'sts:*',
  'logs:*',
  '*:GetObject',
  's3:List*',
  's3:GetObject ',
] as const;

const POLICY_RESOURCES = [
  '*',
  'arn:aws:s3:::example-bucket/*',
  'arn:aws:s3:::example-bucket',
  'arn:aws:s3:::example-bucket/home/${aws:username}/*',
  'arn:aws:s3:::example-bucket/home/${AWS:UserName}/*',
  'arn:aws:s3:::example-bucket/${aws:PrincipalTag/team}/*',
  "arn:aws:s3:::example-bucket/${aws:PrincipalTag/team, 'data'}/*",
  "arn:aws:s3:::example-bucket/${aws:PrincipalTag/team,'blue'}/*",
  'arn:aws:s3:::example-bucket/home/${aws:username',
  'arn:aws:s3:::example-bucket/${?}',
  'arn:aws:s3:::example-bucket/${*}',
  'arn:aws:s3:::example-bucket/home/*/a.txt',
  'arn:aws:s3:::*',
  'arn:aws:s3:::other-bucket/?',
  'arn:aws:sqs:us-east-1:*',
  `arn:aws:sqs:*:${A}:orders`,
  `arn:aws:sqs:us-*:${A}:*`,
  `arn:aws:iam::${A}:role/*`,
  `arn:aws:iam::${A}:user/\${aws:username}`,
  `arn:aws:kms:*:${A}:key/*`,
  `arn:aws:ec2:us-east-1:${A}:instance/*`,
  `arn:aws:logs:us-east-1:${A}:log-group:/app/web:*`,
  `arn:aws:*:*:${A}:*`,
  'arn:aws:s3*',
  `arn:aws:sqs:us-east-1:${A}`,
] as const;

/** Keys usable as variables: never given twice with colliding case in one context (behaviour undefined). */
const VARIABLES = [
  '${aws:username}',
  '${AWS:Username}',
  '${aws:PrincipalTag/team}',
  '${aws:principaltag/TEAM}',
  "${aws:PrincipalTag/team, 'blue'}",
  '${aws:userid}',
  '${aws:PrincipalArn}',
  '${aws:PrincipalAccount}',
  '${aws:TagKeys}',
  '${*}',
  '${?}',
  '${$}',
] as const;

/** Folded names of the keys used in variables: only ever one context entry each. */
const VARIABLE_KEYS: ReadonlySet<string> = new Set([
  'aws:username',
  'aws:userid',
  'aws:principaltag/team',
  'aws:principalarn',
  'aws:principalaccount',
]);

type Family = 'string' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn';

const BASE_OPERATORS: Readonly<Record<Family, readonly string[]>> = {
  string: [
    'StringEquals',
    'StringNotEquals',
    'StringEqualsIgnoreCase',
    'StringNotEqualsIgnoreCase',
    'StringLike',
    'StringNotLike',
  ],
  numeric: [
    'NumericEquals',
    'NumericNotEquals',
    'NumericLessThan',
    'NumericLessThanEquals',
    'NumericGreaterThan',
    'NumericGreaterThanEquals',
  ],
  date: [
    'DateEquals',
    'DateNotEquals',
    'DateLessThan',
    'DateLessThanEquals',
    'DateGreaterThan',
    'DateGreaterThanEquals',
  ],
  bool: ['Bool'],
  binary: ['BinaryEquals'],
  ip: ['IpAddress', 'NotIpAddress'],
  arn: ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'],
};

const FAMILIES = Object.keys(BASE_OPERATORS) as Family[];

const POLICY_VALUES: Readonly<Record<Family, readonly Json[]>> = {
  string: [
    'alice',
    'bob',
    'blue',
    'red',
    '',
    'env',
    'owner',
    'ALICE',
    'al*',
    'b?ue',
    '*',
    'o-abc123',
    'home/*',
    'true',
    `${A}`,
    ...VARIABLES,
    'home/${aws:username}/*',
    '${aws:username',
  ],
  numeric: ['10', '10.0', '-1', '3600', '1700000000', '1735689600', 'abc', 10, 1.5, 0],
  date: [
    '2024-06-01T00:00:00Z',
    '2024-06-01',
    '2024-06',
    '1735689600',
    '1735689600.5',
    '2025-01-01T01:00:00+01:00',
    '2024-06-01T00:00:00.500Z',
    '2024-06-01T00:00',
    'notadate',
    1700000000,
  ],
  bool: ['true', 'false', 'TRUE', 'False', true, false, 'yes', '${aws:username}', '${aws:PrincipalTag/team}'],
  binary: ['QQ==', 'QUI=', 'QUJD', 'QQ', 'YWxpY2U='],
  ip: [
    '203.0.113.0/24',
    '203.0.113.10',
    '203.0.113.5/24',
    '10.0.0.0/8',
    '2001:db8::/32',
    '2001:DB8::1',
    '::1',
    '0.0.0.0/0',
    'garbage',
    '203.0.113.0/33',
  ],
  arn: [
    ROLE,
    OPS_ROLE,
    `arn:aws:iam::${A}:role/*`,
    'arn:aws:iam::*:user/alice',
    `arn:aws:iam::${A}:user/\${aws:username}`,
    '${aws:PrincipalArn}',
    `arn:aws:iam::${A}:*`,
    SESSION,
    `arn:aws:someservice:*:${A}:finance/*`,
    'arn:aws:*:*:*:*',
    'not-an-arn',
  ],
};

/** Condition keys with the family of their values; `multi` keys are arrays in the context. */
const KEYS: readonly { readonly key: string; readonly family: Family; readonly multi?: true }[] = [
  { key: 'aws:username', family: 'string' },
  { key: 'AWS:UserName', family: 'string' },
  { key: 'aws:PrincipalTag/team', family: 'string' },
  { key: 'aws:ResourceTag/team', family: 'string' },
  { key: 'aws:resourcetag/TEAM', family: 'string' },
  { key: 'aws:RequestTag/env', family: 'string' },
  { key: 'aws:TagKeys', family: 'string', multi: true },
  { key: 'aws:PrincipalOrgID', family: 'string' },
  { key: 's3:prefix', family: 'string' },
  { key: 'aws:PrincipalAccount', family: 'string' },
  { key: 'aws:MultiFactorAuthAge', family: 'numeric' },
  { key: 'aws:EpochTime', family: 'date' },
  { key: 'aws:EpochTime', family: 'numeric' },
  { key: 'aws:CurrentTime', family: 'date' },
  { key: 'aws:TokenIssueTime', family: 'date' },
  { key: 'aws:MultiFactorAuthPresent', family: 'bool' },
  { key: 'aws:SecureTransport', family: 'bool' },
  { key: 'aws:PrincipalIsAWSService', family: 'bool' },
  { key: 'aws:SourceIp', family: 'ip' },
  { key: 'aws:PrincipalArn', family: 'arn' },
  { key: 'aws:SourceArn', family: 'arn' },
  { key: 'ec2:UserData', family: 'binary' },
  { key: 'aws:PrincipalOrgPaths', family: 'string', multi: true },
];

const CONTEXT_VALUES: Readonly<Record<Family, readonly string[]>> = {
  string: ['alice', 'bob', 'blue', 'red', '', 'ALICE', 'al', '*', 'b?ue', 'env', 'o-abc123', 'home/x', `${A}`],
  numeric: ['10', '3600', '10.00', '-1', 'x', '1700000000'],
  date: ['2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z', '1735689600', '1700000000', '2024-06-01', 'soon'],
  bool: ['true', 'false', 'True', 'maybe'],
  binary: ['QQ==', 'QUI=', 'QUJD', 'bad', ''],
  ip: ['203.0.113.10', '203.0.113.11', '10.1.2.3', '2001:db8::1', '2001:0DB8:0:0:0:0:0:1', 'bogus'],
  arn: [
    ROLE,
    OPS_ROLE,
    ALICE,
    SESSION,
    `arn:aws:someservice:us-east-2:999999999999:store/abc:${A}:finance/document.txt`,
    `arn:aws:someservice:us-east-2:${A}:finance/doc`,
    'short:arn',
  ],
};

const MULTI_VALUES: readonly string[][] = [['env'], ['env', 'owner'], [], [''], ['owner'], ['blue', 'red']];

const pick = <T>(items: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...items);

/** One value or an array of 0–3 values (N1, N4: empty arrays are legal). */
function valueOrList<T extends Json>(values: fc.Arbitrary<T>): fc.Arbitrary<Json> {
  return fc.oneof(
    { weight: 5, arbitrary: values },
    { weight: 4, arbitrary: fc.array(values, { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constant([] as Json[]) },
  );
}

/** Randomly re-cases an operator name now and then (§1.5 Choice: operator names are case-insensitive). */
function recase(name: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant(name) },
    { weight: 1, arbitrary: fc.constant(name.toLowerCase()) },
    { weight: 1, arbitrary: fc.constant(name.toUpperCase()) },
  );
}

const conditionEntryArb: fc.Arbitrary<[string, string, Json]> = fc
  .record({
    keyInfo: pick(KEYS),
    family: fc.option(pick(FAMILIES), { freq: 5 }),
    set: fc.constantFrom(undefined, undefined, 'ForAllValues:', 'ForAnyValue:'),
    ifExists: fc.boolean(),
    isNull: fc.integer({ min: 0, max: 9 }),
  })
  .chain(({ keyInfo, family, set, ifExists, isNull }) => {
    if (isNull === 0) {
      return fc.tuple(
        recase('Null'),
        fc.constant(keyInfo.key),
        valueOrList(pick<Json>(['true', 'false', 'True', true, false, 'maybe'])),
      );
    }
    const fam = family ?? keyInfo.family;
    return fc.tuple(
      pick(BASE_OPERATORS[fam]).chain((base) =>
        recase(base).map((written) => `${set ?? ''}${written}${ifExists ? 'IfExists' : ''}`),
      ),
      fc.constant(keyInfo.key),
      valueOrList(pick(POLICY_VALUES[fam])),
    );
  });

/** A Condition element: 1–3 entries grouped by operator (never repeating a key within one operator block). */
const conditionArb: fc.Arbitrary<Doc> = fc.array(conditionEntryArb, { minLength: 1, maxLength: 3 }).map((entries) => {
  const out: Doc = {};
  for (const [op, key, values] of entries) {
    const block = (out[op] ?? {}) as Doc;
    block[key] = values;
    out[op] = block;
  }
  return out;
});

const PRINCIPAL_VALUES: readonly Json[] = [
  '*',
  A,
  B,
  ROOT_A,
  ROOT_B,
  ALICE,
  CAROL,
  `arn:aws:iam::${A}:user/carol`,
  BOB,
  ROLE,
  OPS_ROLE,
  SESSION,
  XROLE,
  XSESSION,
  FED,
  `arn:aws:iam::${A}:user/*`,
  `arn:aws:iam::${A}:group/devs`,
  'AIDAALICE',
  'arn:aws-cn:iam::111122223333:root',
];

/** Values to draw from; biased towards the request so that statements match often. */
interface Vocabulary {
  readonly actions: readonly Json[];
  readonly resources: readonly Json[];
  readonly principals: readonly Json[];
}

const DEFAULT_VOCABULARY: Vocabulary = {
  actions: POLICY_ACTIONS,
  resources: POLICY_RESOURCES,
  principals: PRINCIPAL_VALUES,
};

function vocabularyFor(request: EvaluationRequest): Vocabulary {
  const repeat = <T>(x: T, n: number): T[] => new Array<T>(n).fill(x);
  const arn = request.principal.startsWith('arn:') ? [request.principal] : [];
  return {
    actions: [...POLICY_ACTIONS, ...repeat(request.action, 14)],
    resources: [...POLICY_RESOURCES, ...repeat(request.resource, 24)],
    principals: [...PRINCIPAL_VALUES, ...repeat('*', 3), ...arn, ...arn, ...arn],
  };
}

/** A Principal / NotPrincipal element of every form of §2.3. */
function principalElementArb(vocabulary: Vocabulary): fc.Arbitrary<Json> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant('*') },
    { weight: 8, arbitrary: valueOrList(pick(vocabulary.principals)).map((aws): Json => ({ AWS: aws })) },
    {
      weight: 2,
      arbitrary: valueOrList(pick<Json>(['ec2.amazonaws.com', 'EC2.AmazonAWS.com', 'lambda.amazonaws.com'])).map(
        (service): Json => ({ Service: service }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ aws: pick(vocabulary.principals), service: pick<Json>(['ec2.amazonaws.com', 's3.amazonaws.com']) })
        .map(({ aws, service }): Json => ({ AWS: aws, Service: service })),
    },
    {
      weight: 1,
      arbitrary: fc.constant<Json>({ Federated: `arn:aws:iam::${A}:saml-provider/corp` }),
    },
  );
}

type PolicyKind = 'identity' | 'resource' | 'scp' | 'rcp';

/** One statement for a policy of the given kind, valid under strict parsing (§1.3). */
function statementArb(kind: PolicyKind, vocabulary: Vocabulary = DEFAULT_VOCABULARY): fc.Arbitrary<Doc> {
  return fc
    .record({
      allow: kind === 'rcp' ? fc.constant(false) : fc.integer({ min: 0, max: 19 }).map((n) => n >= 3),
      notAction: kind === 'rcp' ? fc.constant(false) : fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      actions: valueOrList(pick(vocabulary.actions)),
      resourceMode: fc.integer({ min: 0, max: 9 }),
      resources: valueOrList(pick(vocabulary.resources)),
      condition: fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: conditionArb }),
      principal: principalElementArb(vocabulary),
      notPrincipal: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    })
    .map(({ allow, notAction, actions, resourceMode, resources, condition, principal, notPrincipal }) => {
      const s: Doc = { Effect: allow ? 'Allow' : 'Deny' };
      if (kind === 'resource') {
        if (notPrincipal && !allow) s['NotPrincipal'] = principal;
        else s['Principal'] = principal;
      } else if (kind === 'rcp') {
        s['Principal'] = '*';
      }
      s[notAction ? 'NotAction' : 'Action'] = actions;
      // Resource is optional only in resource policies (§1.3 note 9).
      if (!(kind === 'resource' && resourceMode >= 7)) {
        s[resourceMode === 0 ? 'NotResource' : 'Resource'] = resources;
      }
      if (condition !== null) s['Condition'] = condition;
      return s;
    });
}

/** A policy document, sometimes as JSON text, sometimes with a single statement object. */
function policyArb(kind: PolicyKind, vocabulary: Vocabulary, maxStatements = 3): fc.Arbitrary<Json> {
  const versions: readonly (string | undefined)[] =
    kind === 'scp' || kind === 'rcp'
      ? ['2012-10-17']
      : ['2012-10-17', '2012-10-17', '2012-10-17', '2012-10-17', '2012-10-17', '2012-10-17', '2008-10-17', undefined];
  return fc
    .record({
      version: pick(versions),
      statements: fc.array(statementArb(kind, vocabulary), { minLength: 1, maxLength: maxStatements }),
      single: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      asText: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    })
    .map(({ version, statements, single, asText }): Json => {
      const doc: Doc = {};
      if (version !== undefined) doc['Version'] = version;
      doc['Statement'] = single && statements.length === 1 ? statements[0]! : statements;
      return asText ? JSON.stringify(doc, null, 1) : doc;
    });
}

const FULL_ACCESS: Doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

function scpLevelArb(vocabulary: Vocabulary): fc.Arbitrary<Json[]> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant([FULL_ACCESS] as Json[]) },
    { weight: 4, arbitrary: fc.array(policyArb('scp', vocabulary, 2), { minLength: 1, maxLength: 2 }) },
    { weight: 3, arbitrary: policyArb('scp', vocabulary, 2).map((p) => [FULL_ACCESS, p] as Json[]) },
    { weight: 1, arbitrary: fc.constant([] as Json[]) },
  );
}

function rcpLevelArb(vocabulary: Vocabulary): fc.Arbitrary<Json[]> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant([] as Json[]) },
    { weight: 4, arbitrary: fc.array(policyArb('rcp', vocabulary, 2), { minLength: 1, maxLength: 2 }) },
  );
}

/** The policies of one request, drawn from a vocabulary. */
function policiesFor(vocabulary: Vocabulary): fc.Arbitrary<EvaluationPolicies> {
  return fc
    .record({
      identity: fc.array(policyArb('identity', vocabulary), { maxLength: 4 }),
      boundary: fc.oneof(
        { weight: 4, arbitrary: fc.constant([] as Json[]) },
        { weight: 1, arbitrary: policyArb('identity', vocabulary).map((p) => [p]) },
      ),
      session: fc.oneof(
        { weight: 3, arbitrary: fc.constant([] as Json[]) },
        { weight: 1, arbitrary: fc.array(policyArb('identity', vocabulary, 2), { minLength: 1, maxLength: 2 }) },
      ),
      resource: fc.oneof(
        { weight: 1, arbitrary: fc.constant([] as Json[]) },
        { weight: 1, arbitrary: policyArb('resource', vocabulary).map((p) => [p]) },
      ),
      scp: fc.oneof(
        { weight: 2, arbitrary: fc.constant([] as Json[][]) },
        { weight: 1, arbitrary: fc.array(scpLevelArb(vocabulary), { minLength: 1, maxLength: 3 }) },
      ),
      rcp: fc.oneof(
        { weight: 2, arbitrary: fc.constant([] as Json[][]) },
        { weight: 1, arbitrary: fc.array(rcpLevelArb(vocabulary), { minLength: 1, maxLength: 2 }) },
      ),
      omit: fc.subarray(['identity', 'boundary', 'session', 'resource', 'scp', 'rcp'] as const, { maxLength: 2 }),
    })
    .map(({ omit, ...all }) => {
      const out: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(all)) {
        // Absent and empty mean the same; leave some out to exercise the optional fields.
        if (!(omit as readonly string[]).includes(name) || (value as unknown[]).length > 0) out[name] = value;
      }
      return out as EvaluationPolicies;
    });
}

/** Policies independent of any request. */
export const policiesArb: fc.Arbitrary<EvaluationPolicies> = policiesFor(DEFAULT_VOCABULARY);

/** A context value of a family; single-valued keys are sometimes wrongly given as arrays (§3.9 M2). */
function contextValueArb(family: Family, multi: boolean): fc.Arbitrary<string | string[]> {
  if (multi) {
    return fc.oneof(
      { weight: 5, arbitrary: pick(MULTI_VALUES) },
      { weight: 1, arbitrary: pick(CONTEXT_VALUES[family]) },
    );
  }
  return fc.oneof(
    { weight: 9, arbitrary: pick(CONTEXT_VALUES[family]) },
    { weight: 1, arbitrary: fc.array(pick(CONTEXT_VALUES[family]), { maxLength: 2 }) },
  );
}

/** Context: some derived principal keys, some request keys, sometimes case-variant or colliding key names. */
function contextArb(spec: PrincipalSpec): fc.Arbitrary<Record<string, string | string[]>> {
  const derivedKeys = Object.keys(spec.derived);
  return fc
    .record({
      keepDerived: fc.subarray(derivedKeys),
      upperDerived: fc.boolean(),
      team: fc.option(pick(['blue', 'red', 'data', '', 'a*b']), { freq: 2 }),
      extra: fc.uniqueArray(pick(KEYS.filter((k) => !VARIABLE_KEYS.has(k.key.toLowerCase()))), {
        maxLength: 8,
        selector: (k) => k.key,
      }),
      collide: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    })
    .chain(({ keepDerived, upperDerived, team, extra, collide }) => {
      const fixed: Record<string, string | string[]> = {};
      for (const k of keepDerived) fixed[upperDerived ? k.toUpperCase() : k] = spec.derived[k]!;
      if (team !== null) fixed['aws:PrincipalTag/team'] = team;
      const entries = extra.map((k) => contextValueArb(k.family, k.multi === true).map((v) => [k.key, v] as const));
      return fc.tuple(...entries).chain((pairs) => {
        const ctx: Record<string, string | string[]> = { ...fixed };
        for (const [k, v] of pairs) ctx[k] = v;
        if (!collide) return fc.constant(ctx);
        // Two entries differing only by case (§3.9 M3), on a key never used as a variable.
        return pick(CONTEXT_VALUES.string).map((v) => ({ ...ctx, 'AWS:RESOURCETAG/Team': v }));
      });
    });
}

/** Random request case for the action (§2.1: case-insensitive). */
function actionCaseArb(action: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(action) },
    { weight: 1, arbitrary: fc.constant(action.toLowerCase()) },
    { weight: 1, arbitrary: fc.constant(action.toUpperCase()) },
  );
}

/** A request from a small vocabulary of principals, actions, resources and contexts. */
export const requestArb: fc.Arbitrary<EvaluationRequest> = fc
  .record({
    // IAM users and role sessions of the resource account are the common case; weight them up.
    spec: fc.oneof(
      { weight: 3, arbitrary: pick(PRINCIPALS.slice(0, 2)) },
      { weight: 2, arbitrary: pick(PRINCIPALS.slice(3, 6)) },
      { weight: 4, arbitrary: pick(PRINCIPALS) },
    ),
    pair: fc.oneof(
      { weight: 3, arbitrary: pick(PAIRS) },
      { weight: 1, arbitrary: fc.tuple(pick(ACTIONS), pick(RESOURCES)) },
    ),
    resourceAccount: fc.constantFrom<string | undefined>(A, A, A, A, A, A, A, A, B, undefined),
  })
  .chain(({ spec, pair, resourceAccount }) =>
    fc.record({ context: contextArb(spec), action: actionCaseArb(pair[0]) }).map(({ context, action }) => {
      const request: { -readonly [K in keyof EvaluationRequest]: EvaluationRequest[K] } = {
        principal: spec.principal,
        action,
        resource: pair[1],
        context,
      };
      if (resourceAccount !== undefined) request.resourceAccount = resourceAccount;
      return request;
    }),
  );

/** A whole evaluation input. */
export const inputArb: fc.Arbitrary<EvaluationInput> = requestArb.chain((request) =>
  policiesFor(vocabularyFor(request)).map((policies) => ({ request, policies })),
);

/** An Allow statement usable in any identity-like policy (for monotonicity properties). */
export const identityAllowStatementArb: fc.Arbitrary<Doc> = statementArb('identity').map((s) => ({
  ...s,
  Effect: 'Allow',
}));

/** An Allow statement usable in a resource policy. */
export const resourceAllowStatementArb: fc.Arbitrary<Doc> = statementArb('resource').map((s) => {
  const out: Doc = { ...s, Effect: 'Allow' };
  if ('NotPrincipal' in out) {
    out['Principal'] = out['NotPrincipal']!;
    delete out['NotPrincipal'];
  }
  return out;
});

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables and AppSpec placeholders are literal text here
/**
 * Cross-cutting property test of the public API's promise "bad input is normal input": whatever
 * a JavaScript caller passes despite the types (undefined, null, numbers, arrays, functions,
 * objects with own `__proto__`/`constructor`/`toString` keys, 10,000-deep nesting, 1 MB strings,
 * lone surrogates and NUL, cyclic objects, random JSON in any position of a valid input), every
 * exported function returns (never throws), returns plain data (JSON.stringify works; functions
 * and models are exercised through their methods instead), pollutes no prototype, and reports
 * diagnostic ranges that are 1-based, ordered and (for text input) inside the text.
 *
 * Out of scope: Proxies and getters that throw on property access. The library reads plain data;
 * a caller whose object throws when read may get that exception back (as with JSON.stringify).
 *
 * No exclusions: hand-built AppSpec models with hostile values inside, checkDeployment without a
 * model, and the renderers (formatters, planToText, planToMermaid, serializePolicy) given
 * something other than the library's own results are all fuzzed below.
 *
 * No timing assertions: the bound is the test timeout, with run counts chosen so the file takes
 * well under a minute on two shared cores.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

// ------------------------------------------------------------------ hostile values

/** Any function, called with anything: the type checker is what the hostile caller ignores. */
type Loose = (...args: unknown[]) => unknown;
const loose = (f: unknown): Loose => f as Loose;

const DEPTH = 10_000;

/** Names `v` in fast-check's counterexample reports (its printer would recurse 10,000 levels). */
function labelled<T extends object>(v: T, label: string): T {
  Object.defineProperty(v, fc.toStringMethod, { value: () => label, enumerable: false });
  return v;
}

/** `{ a: { a: ... } }`, built iteratively. */
function deepObject(depth: number): unknown {
  let v: object = { leaf: 'x' };
  for (let i = 0; i < depth; i++) v = { a: v };
  return labelled(v, `deepObject(${depth})`);
}

/** `[[[ ... ]]]`, built iteratively. */
function deepArray(depth: number): unknown {
  let v: unknown[] = ['x'];
  for (let i = 0; i < depth; i++) v = [v];
  return labelled(v, `deepArray(${depth})`);
}

/** Own `__proto__`/`constructor`/`toString` keys (JSON.parse makes them own properties). */
function pollutingObject(): unknown {
  return JSON.parse(
    '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"toString":"x","valueOf":{"a":1},"hasOwnProperty":1,"polluted":null}',
  );
}

function cyclicObject(): unknown {
  const o: Record<string, unknown> = { name: 'cyclic', Statement: [] };
  o.self = o;
  (o.Statement as unknown[]).push(o);
  return o;
}

function cyclicArray(): unknown {
  const a: unknown[] = ['x'];
  a.push(a);
  return a;
}

const HUGE = 'x'.repeat(1 << 20);
const HUGE_LINES = 'version: 0.0\n'.repeat((1 << 20) / 13);
const WEIRD_STRINGS: readonly string[] = [
  '',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDC00x\uD800',
  'x\uDFFF\uD83D',
  '\uFEFF',
  '\r',
  '\r\n\r\n',
  '\u2028\u2029',
  '${aws:username}',
  '*',
  '**/**/*?[{',
  'arn:aws:iam::111122223333:role/x',
  '__proto__',
  'constructor',
  'toString',
];

/** Strings of any UTF-16 code units, including lone surrogates and NUL. */
const codeUnitString: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0, 0xd800, 0xdc00, 0xdfff, 10, 13, 42)), {
    maxLength: 40,
  })
  .map((units) => String.fromCharCode(...units));

/** Fresh hostile values (factories, so one run cannot hand a mutated value to the next). */
const hostileFactories: readonly (() => unknown)[] = [
  () => undefined,
  () => null,
  () => 0,
  () => -0,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => -1,
  () => 1e308,
  () => 2 ** 53 + 1,
  () => true,
  () => false,
  () => [],
  () => [undefined, null],
  () => [1, 'x', {}],
  () => ({}),
  () => () => 'fn',
  () => function named() {},
  () => Object.create(null),
  () => pollutingObject(),
  () => cyclicObject(),
  () => cyclicArray(),
  () => deepObject(DEPTH),
  () => deepArray(DEPTH),
  () => HUGE,
  () => new Date(0),
  () => new Map([['a', 1]]),
  () => /x/,
];

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileFactories).map((f) => f()) },
  { weight: 2, arbitrary: fc.constantFrom(...WEIRD_STRINGS) },
  { weight: 2, arbitrary: codeUnitString },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

// ------------------------------------------------------------------ mutation of valid inputs

type Path = readonly (string | number)[];

function isPlainContainer(v: unknown): v is Record<string, unknown> | unknown[] {
  if (Array.isArray(v)) return true;
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  // Objects with methods (a model) are leaves: they are replaced whole, not rebuilt.
  return !Object.values(v).some((x) => typeof x === 'function');
}

/** Every position of `base` (the root included), depth first. */
function positions(base: unknown): Path[] {
  const out: Path[] = [];
  const stack: Path[] = [[]];
  while (stack.length > 0) {
    const path = stack.pop() as Path;
    out.push(path);
    const v = at(base, path);
    if (!isPlainContainer(v)) continue;
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) stack.push([...path, i]);
    else for (const k of Object.keys(v)) stack.push([...path, k]);
  }
  return out;
}

function at(v: unknown, path: Path): unknown {
  let cur = v;
  for (const k of path) cur = (cur as Record<string | number, unknown>)[k];
  return cur;
}

/** Sets an own, enumerable property (also for `__proto__`). */
function setOwn(o: object, key: string | number, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy of `base` with the value at `path` replaced (or, with `addKey`, a key added there). */
function mutate(base: unknown, path: Path, value: unknown, addKey?: string): unknown {
  const copy = (v: unknown, depth: number): unknown => {
    const mine = depth === path.length;
    if (mine && addKey === undefined) return value;
    if (!isPlainContainer(v)) return v;
    const next = mine ? undefined : path[depth];
    if (Array.isArray(v)) {
      const out = v.map((x, i) => (i === next ? copy(x, depth + 1) : x));
      if (mine && addKey !== undefined) out.push(value);
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) setOwn(out, k, k === next ? copy(x, depth + 1) : x);
    if (mine && addKey !== undefined) setOwn(out, addKey, value);
    return out;
  };
  return copy(base, 0);
}

/** `base` with hostile data in one random position. */
function mutated(base: unknown): fc.Arbitrary<unknown> {
  const all = positions(base);
  return fc
    .record({
      i: fc.nat({ max: all.length - 1 }),
      value: hostile,
      addKey: fc.option(fc.constantFrom('__proto__', 'constructor', 'toString', 'extra', 'prototype'), {
        nil: undefined,
      }),
    })
    .map(({ i, value, addKey }) => {
      const path = all[i] as Path;
      return mutate(base, path, value, isPlainContainer(at(base, path)) ? addKey : undefined);
    });
}

/** Either the valid base with one hostile position, or a wholly hostile value. */
const inputFrom = (base: unknown): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 4, arbitrary: mutated(base) }, { weight: 1, arbitrary: hostile });

// ------------------------------------------------------------------ result checks

/** Visits every object reachable from `v` once, iteratively. */
function walk(v: unknown, visit: (o: Record<string, unknown>) => void): void {
  const seen = new Set<unknown>();
  const stack: unknown[] = [v];
  while (stack.length > 0) {
    const cur = stack.pop();
    if (cur === null || typeof cur !== 'object' || seen.has(cur)) continue;
    seen.add(cur);
    visit(cur as Record<string, unknown>);
    if (cur instanceof Map) for (const x of cur.values()) stack.push(x);
    else for (const x of Object.values(cur)) stack.push(x);
  }
}

function isPosition(p: unknown): p is api.Position {
  return p !== null && typeof p === 'object' && 'line' in p && 'column' in p && 'offset' in p;
}

/** The first problem of a range, or undefined when it is well formed (inside the text when there is one). */
function rangeProblem(r: api.Range, textLength?: number): string | undefined {
  if (!isPosition(r.start) || !isPosition(r.end)) return 'range without start and end positions';
  for (const p of [r.start, r.end]) {
    if (!Number.isInteger(p.line) || p.line < 1) return `line ${p.line}`;
    if (!Number.isInteger(p.column) || p.column < 1) return `column ${p.column}`;
    if (!Number.isInteger(p.offset) || p.offset < 0) return `offset ${p.offset}`;
  }
  if (r.start.offset > r.end.offset) return 'start.offset > end.offset';
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.column > r.end.column)) {
    return 'start (line, column) after end';
  }
  if (textLength !== undefined && r.end.offset > textLength) return `end.offset ${r.end.offset} > ${textLength}`;
  return undefined;
}

/** Every `range` anywhere in the result is well formed; inside the text when there is one. */
function expectRanges(result: unknown, textLength?: number): void {
  const problems: string[] = [];
  walk(result, (o) => {
    if (!Object.hasOwn(o, 'range') || o.range === undefined) return;
    const problem = rangeProblem(o.range as api.Range, textLength);
    if (problem !== undefined && problems.length < 3) problems.push(`${problem}: ${JSON.stringify(o.range)}`);
  });
  expect(problems).toEqual([]);
}

/** Plain data: JSON.stringify works, and the ranges are good. */
function expectPlain(result: unknown, textLength?: number): void {
  expect(() => JSON.stringify(result)).not.toThrow();
  expectRanges(result, textLength);
}

const textLength = (v: unknown): number | undefined => (typeof v === 'string' ? v.length : undefined);

// ------------------------------------------------------------------ prototype pollution guard

const PROTOTYPES: readonly [string, object][] = [
  ['Object', Object.prototype],
  ['Array', Array.prototype],
  ['Function', Function.prototype],
  ['String', String.prototype],
];
const snapshot = (): string[] =>
  PROTOTYPES.flatMap(([name, p]) => Reflect.ownKeys(p).map((k) => `${name}.${String(k)}`)).sort();
let before: string[] = [];

function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect(snapshot()).toEqual(before);
}

beforeAll(() => {
  before = snapshot();
});
afterEach(expectNoPollution);
afterAll(expectNoPollution);

// ------------------------------------------------------------------ valid bases

const EC2_TEXT = `version: 0.0
os: linux
files:
  - source: app
    destination: /var/www/app
permissions:
  - object: /var/www/app
    pattern: "**"
    owner: www-data
    mode: 644
    type: [file]
hooks:
  BeforeInstall:
    - location: scripts/stop.sh
      timeout: 300
      runas: root
  AfterInstall:
    - location: scripts/start.sh
`;

const ECS_TEXT = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
        LoadBalancerInfo:
          ContainerName: web
          ContainerPort: 80
Hooks:
  - BeforeInstall: "arn:aws:lambda:us-east-1:111122223333:function:check"
`;

const LAMBDA_TEXT = `version: 0.0
Resources:
  - fn:
      Type: AWS::Lambda::Function
      Properties:
        Name: fn
        Alias: live
        CurrentVersion: "1"
        TargetVersion: "2"
Hooks:
  - AfterAllowTraffic: check
`;

const LINT_OPTIONS = {
  platform: 'server',
  fileName: 'appspec.yml',
  agent: '2.x',
  instanceOs: 'linux',
  bundleFiles: ['scripts/stop.sh', 'app/index.html'],
  rules: { 'ec2/version-string': 'off', 'file/crlf': 'error' },
  maxRuleInputBytes: 1_000_000,
};

const PLAN_OPTIONS = {
  platform: 'server',
  deploymentType: 'blue-green',
  loadBalancer: true,
  rollback: true,
  firstDeployment: false,
  testListener: true,
  previousAppSpec: EC2_TEXT,
  mostRecentAppSpec: null,
  deploymentConfig: { kind: 'minimum-healthy-hosts', type: 'FLEET_PERCENT', value: 50 },
  instanceCount: 7,
  instanceRole: 'both',
  ignoreApplicationStopFailures: true,
  revisionSource: 's3-versioned',
  instanceOs: 'linux',
  includeBoundaryEvents: true,
  rules: { 'plan/empty': 'off' },
};

const ACCOUNT = '111122223333';
const POLICY = {
  Version: '2012-10-17',
  Id: 'p',
  Statement: [
    {
      Sid: 'A',
      Effect: 'Allow',
      Action: ['s3:GetObject', 'ec2:Describe*'],
      Resource: 'arn:aws:s3:::bucket/${aws:username}/*',
      Condition: { StringEquals: { 'aws:PrincipalTag/team': ['web'] }, Bool: { 'aws:SecureTransport': 'true' } },
    },
    {
      Effect: 'Deny',
      NotAction: 'iam:*',
      NotResource: ['*'],
      Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
    },
  ],
};
const TRUST = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'codedeploy.amazonaws.com' }, Action: 'sts:AssumeRole' },
    { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }, Action: 'sts:AssumeRole' },
  ],
};
const BUCKET_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }],
};

const MODEL_INPUT = {
  accounts: [
    {
      id: ACCOUNT,
      partition: 'aws',
      users: [
        {
          name: 'alice',
          path: '/',
          groups: ['devs'],
          managedPolicies: [`arn:aws:iam::${ACCOUNT}:policy/app`],
          inlinePolicies: [{ name: 'inline', document: POLICY }],
          tags: { team: 'web' },
        },
      ],
      groups: [{ name: 'devs', inlinePolicies: [{ name: 'g', document: JSON.stringify(POLICY) }] }],
      roles: [
        {
          name: 'CodeDeployServiceRole',
          path: '/service-role/',
          trustPolicy: TRUST,
          managedPolicies: ['arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole'],
          tags: [{ Key: 'team', Value: 'ops' }],
          maxSessionDuration: 3600,
        },
        { name: 'web-app', trustPolicy: TRUST, inlinePolicies: [{ name: 'web', document: POLICY }] },
      ],
      instanceProfiles: [{ name: 'web-app', roles: ['web-app'] }],
      policies: [
        {
          name: 'app',
          path: '/',
          versions: [{ versionId: 'v1', document: POLICY, isDefault: true }],
          defaultVersionId: 'v1',
        },
        { name: 'AWSCodeDeployRole', arn: 'arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole', document: POLICY },
      ],
    },
  ],
  organization: {
    id: 'o-abc',
    managementAccountId: '999999999999',
    root: {
      id: 'r-root',
      scps: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }],
      units: [{ id: 'ou-1', name: 'prod', accounts: [ACCOUNT, { id: '222233334444', rcps: [] }] }],
    },
  },
  resources: [{ arn: 'arn:aws:s3:::bucket', policy: BUCKET_POLICY, account: ACCOUNT, tags: { a: 'b' } }],
  quotas: { managedPoliciesPerEntity: 10 },
};

const AUTH_DETAILS = {
  UserDetailList: [
    {
      UserName: 'alice',
      Path: '/',
      Arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
      UserId: 'AIDAEXAMPLE',
      GroupList: ['devs'],
      AttachedManagedPolicies: [{ PolicyName: 'app', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/app` }],
      UserPolicyList: [{ PolicyName: 'i', PolicyDocument: encodeURIComponent(JSON.stringify(POLICY)) }],
      Tags: [{ Key: 'team', Value: 'web' }],
    },
  ],
  GroupDetailList: [{ GroupName: 'devs', Path: '/', Arn: `arn:aws:iam::${ACCOUNT}:group/devs`, GroupPolicyList: [] }],
  RoleDetailList: [
    {
      RoleName: 'web-app',
      Path: '/',
      Arn: `arn:aws:iam::${ACCOUNT}:role/web-app`,
      AssumeRolePolicyDocument: TRUST,
      InstanceProfileList: [
        { InstanceProfileName: 'web-app', Path: '/', Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/web-app` },
      ],
      RolePolicyList: [{ PolicyName: 'r', PolicyDocument: POLICY }],
      AttachedManagedPolicies: [],
    },
  ],
  Policies: [
    {
      PolicyName: 'app',
      Path: '/',
      Arn: `arn:aws:iam::${ACCOUNT}:policy/app`,
      DefaultVersionId: 'v1',
      PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: POLICY }],
    },
  ],
};

const REQUEST = {
  principal: `arn:aws:iam::${ACCOUNT}:user/alice`,
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::bucket/alice/x',
  resourceAccount: ACCOUNT,
  context: { 'aws:SourceIp': '10.1.2.3', 'aws:PrincipalTag/team': ['web', 'ops'] },
  principalDetails: { rolePath: '/' },
  organization: { principalAccountIsManagement: false, rcpSupportedForAction: true },
  resourcePolicyRequiresExplicitAllow: false,
};
const POLICIES = {
  identity: [POLICY, JSON.stringify(POLICY)],
  resource: [BUCKET_POLICY],
  boundary: [POLICY],
  scp: [[POLICY], []],
  rcp: [[BUCKET_POLICY]],
  session: [POLICY],
  endpoint: [POLICY],
};

const validModel = (): api.IamModel => {
  const { model } = api.createModel(MODEL_INPUT as unknown as api.ModelInput);
  if (!model) throw new Error('the base model must build');
  return model;
};

const DIAGNOSTIC = {
  ruleId: 'ec2/version-string',
  severity: 'error',
  message: 'bad <version> & "quotes"\n%0A::',
  range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 13, offset: 12 } },
  help: 'fix it',
  suggestions: ['0.0'],
  pointer: '/version',
  related: [
    { range: { start: { line: 2, column: 1, offset: 13 }, end: { line: 2, column: 2, offset: 14 } }, message: 'x' },
  ],
  data: { a: 1 },
};
const FILES = [
  { path: 'dir/appspec.yml', diagnostics: [DIAGNOSTIC, { ...DIAGNOSTIC, severity: 'info', ruleId: 'x' }] },
  { path: 'b.json', diagnostics: [] },
];

// ------------------------------------------------------------------ properties

/** Run count for cheap calls; model building and whole-deployment checks use fewer. */
const RUNS = { numRuns: 500 };
const FEW = { numRuns: 150 };

/** Random AppSpec-like YAML: real keys and events, anchors, flow and block syntax, tabs, CRLF. */
const appSpecLikeYaml: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'version: 0.0\n',
        'os: linux\n',
        'os: windows\n',
        'files:\n',
        '  - source: /\n    destination: /opt/app\n',
        'permissions:\n',
        '  - object: /opt\n    pattern: "**"\n    except: [a]\n    mode: 4755\n    acls: ["u:bob:rwx"]\n',
        'hooks:\n',
        '  BeforeInstall:\n',
        '  ApplicationStart:\n',
        '    - location: scripts/run.sh\n      timeout: 3600\n      runas: root\n',
        'Resources:\n',
        '  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n',
        '        TaskDefinition: x\n',
        '  - fn:\n      Type: AWS::Lambda::Function\n      Properties: {Name: f, Alias: a, CurrentVersion: 1, TargetVersion: 2}\n',
        'Hooks:\n',
        '  - BeforeAllowTraffic: f\n',
        '&a ',
        '*a ',
        '<<: *a\n',
        '- ',
        '? ',
        ': ',
        '{',
        '}',
        '[',
        ']',
        ',',
        '"',
        "'",
        '|\n',
        '>-\n',
        '\t',
        '\r\n',
        '\n',
        '  ',
        '---\n',
        '...\n',
        '%YAML 1.2\n',
        '!!binary ',
        '!custom ',
        '# comment\n',
        '{{ placeholder }}',
        '${VAR}',
        '\uFEFF',
        '\u0000',
        '\uD800',
      ),
      codeUnitString,
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** Documents shaped like policies, with random JSON anywhere. */
const policyShaped: fc.Arbitrary<unknown> = fc.record(
  {
    Version: fc.oneof(fc.constantFrom('2012-10-17', '2008-10-17'), fc.jsonValue({ maxDepth: 1 })),
    Id: fc.jsonValue({ maxDepth: 1 }),
    Statement: fc.oneof(
      fc.array(
        fc.record(
          {
            Sid: fc.jsonValue({ maxDepth: 1 }),
            Effect: fc.oneof(fc.constantFrom('Allow', 'Deny'), fc.jsonValue({ maxDepth: 1 })),
            Principal: fc.oneof(fc.constantFrom('*', { AWS: '*' }, { Service: 's3.amazonaws.com' }), fc.jsonValue()),
            Action: fc.oneof(fc.constantFrom('*', 's3:*', 's3:Get*', ['iam:PassRole', 'x']), fc.jsonValue()),
            NotAction: fc.jsonValue({ maxDepth: 2 }),
            Resource: fc.oneof(fc.constantFrom('*', 'arn:aws:s3:::b/${aws:username}', 'arn:*:*'), fc.jsonValue()),
            NotResource: fc.jsonValue({ maxDepth: 2 }),
            Condition: fc.oneof(
              fc.dictionary(
                fc.constantFrom(
                  'StringLike',
                  'ForAllValues:StringEquals',
                  'NumericLessThan',
                  'IpAddress',
                  'Null',
                  'Bogus',
                ),
                fc.dictionary(fc.constantFrom('aws:SourceIp', 'aws:username', 's3:prefix', 'x'), fc.jsonValue()),
              ),
              fc.jsonValue(),
            ),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 4 },
      ),
      fc.jsonValue(),
    ),
  },
  { requiredKeys: [] },
);

const POLICY_TYPES = ['identity', 'resource', 'trust', 'boundary', 'scp', 'rcp', 'session', 'endpoint'];

/** Policy inputs: the valid policy with one hostile position, its text, random JSON, policy-shaped documents. */
const policyInput: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: inputFrom(POLICY) },
  { weight: 1, arbitrary: mutated(POLICY).map(safeJson) },
  { weight: 2, arbitrary: fc.jsonValue() },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: policyShaped },
  { weight: 1, arbitrary: policyShaped.map((v) => JSON.stringify(v)) },
);

/** JSON text of `v`, or `v` itself when it has none (cycles, 10,000-deep nesting is fine). */
function safeJson(v: unknown): unknown {
  try {
    return JSON.stringify(v) ?? v;
  } catch {
    return v;
  }
}

describe('AppSpec: lintAppSpec, parseAppSpec, inferPlatform, validateAppSpecSchema', () => {
  const text = fc.oneof(
    { weight: 3, arbitrary: hostile },
    { weight: 3, arbitrary: appSpecLikeYaml },
    { weight: 1, arbitrary: fc.constantFrom(EC2_TEXT, ECS_TEXT, LAMBDA_TEXT) },
  );

  it('a 1 MB text of 80,000 duplicate keys: every text function returns, ranges inside the text', () => {
    const lint = api.lintAppSpec(HUGE_LINES, { fileName: 'appspec.yml' });
    expect(lint.diagnostics.length).toBeGreaterThan(1000);
    expectPlain(lint, HUGE_LINES.length);
    expectPlain(api.parseAppSpec(HUGE_LINES), HUGE_LINES.length);
    expectPlain(api.planDeployment(HUGE_LINES, { platform: 'server' }), HUGE_LINES.length);
    expect(['server', 'unknown']).toContain(api.inferPlatform(HUGE_LINES));
  });

  it('parseAppSpec and inferPlatform take anything as text and options', () => {
    fc.assert(
      fc.property(text, inputFrom(LINT_OPTIONS), (t, options) => {
        expectPlain(loose(api.parseAppSpec)(t, options), textLength(t));
        const platform = loose(api.inferPlatform)(t);
        expect(['server', 'ecs', 'lambda', 'unknown', 'not-an-appspec']).toContain(platform);
      }),
      RUNS,
    );
  });

  it('lintAppSpec takes anything as text and options', () => {
    fc.assert(
      fc.property(text, inputFrom(LINT_OPTIONS), (t, options) => {
        const r = loose(api.lintAppSpec)(t, options) as api.LintResult;
        expectPlain(r, textLength(t));
        expect(['accept', 'reject']).toContain(r.verdict.outcome);
      }),
      RUNS,
    );
  });

  it('validateAppSpecSchema takes any value and any platform, and names only its own platforms', () => {
    const parsedBase = JSON.parse(JSON.stringify(api.parseAppSpec(EC2_TEXT).appSpec ?? {}));
    fc.assert(
      fc.property(
        inputFrom(parsedBase),
        fc.oneof(fc.constantFrom('server', 'ecs', 'lambda', '__proto__', 'constructor', 'toString'), hostile),
        (value, platform) => {
          const r = loose(api.validateAppSpecSchema)(value, platform) as api.SchemaValidationResult;
          expectPlain(r);
          if (platform !== 'server' && platform !== 'ecs' && platform !== 'lambda') expect(r.valid).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('matchPermissionGlob takes anything and answers a boolean', () => {
    const str = fc.oneof(hostile, fc.constantFrom('*', '**', 'a*b', '{a,b}', '[!x]', 'a/b', 'x'), codeUnitString);
    fc.assert(
      fc.property(str, str, inputFrom({ agent: '2.x', role: 'except' }), (pattern, name, options) => {
        expect(typeof loose(api.matchPermissionGlob)(pattern, name, options)).toBe('boolean');
      }),
      RUNS,
    );
  });
});

describe('deployment plans: planDeployment, planToText, planToMermaid', () => {
  const appSpecModel = JSON.parse(JSON.stringify(api.parseAppSpec(EC2_TEXT).appSpec));
  const ecsModel = JSON.parse(JSON.stringify(api.parseAppSpec(ECS_TEXT).appSpec));
  // Objects are whole hostile values, parser-made models, or models with one hostile position
  // (planDeployment reports their malformed parts as plan/appspec-invalid); text may be anything.
  const appSpecInput = fc.oneof(
    { weight: 2, arbitrary: hostile },
    { weight: 1, arbitrary: fc.constantFrom(appSpecModel, ecsModel) },
    { weight: 2, arbitrary: mutated(appSpecModel) },
    { weight: 2, arbitrary: mutated(ecsModel) },
    { weight: 3, arbitrary: appSpecLikeYaml },
    { weight: 1, arbitrary: fc.constantFrom(EC2_TEXT, ECS_TEXT, LAMBDA_TEXT) },
  );

  it('plans anything, and renders every plan it makes as text and Mermaid', () => {
    fc.assert(
      fc.property(
        appSpecInput,
        inputFrom(PLAN_OPTIONS),
        inputFrom({ color: true }),
        (appSpec, options, textOptions) => {
          const plan = loose(api.planDeployment)(appSpec, options) as api.DeploymentPlan;
          expectPlain(plan, textLength(appSpec));
          expect(typeof loose(api.planToText)(plan, textOptions ?? undefined)).toBe('string');
          expect(typeof api.planToMermaid(plan)).toBe('string');
        },
      ),
      RUNS,
    );
  });

  it('renders anything that is not a plan (as an empty plan) without throwing', () => {
    fc.assert(
      fc.property(hostile, hostile, (plan, textOptions) => {
        expect(typeof loose(api.planToText)(plan, textOptions)).toBe('string');
        expect(typeof loose(api.planToMermaid)(plan)).toBe('string');
      }),
      RUNS,
    );
  });
});

describe('IAM policies: parsePolicy, serializePolicy, lintPolicy', () => {
  it('parse, serialize and lint any input of any type with any options', () => {
    fc.assert(
      fc.property(
        policyInput,
        inputFrom({ type: 'identity', id: 'p', strict: false }),
        inputFrom({ type: 'resource', id: 'p', sizeLimit: 100, partitions: ['aws'], rules: { 'x-y': 'off' } }),
        fc.constantFrom(...POLICY_TYPES),
        (input, parseOptions, lintOptions, type) => {
          const parsed = loose(api.parsePolicy)(input, parseOptions) as api.ParsePolicyResult;
          expectPlain(parsed, textLength(input));
          if (parsed.policy) expectPlain(api.serializePolicy(parsed.policy));
          const loose2 = api.parsePolicy(input as object, { type: type as api.PolicyType, strict: false });
          if (loose2.policy) expectPlain(api.serializePolicy(loose2.policy));
          expectPlain(loose(api.lintPolicy)(input, lintOptions), textLength(input));
          expectPlain(api.lintPolicy(input as object, { type: type as api.PolicyType }), textLength(input));
          expectPlain(loose(api.serializePolicy)(input));
        },
      ),
      RUNS,
    );
  });
});

describe('IAM evaluation: evaluate and createEvaluator', () => {
  const randomPolicies = fc.record(
    {
      identity: fc.array(policyInput, { maxLength: 3 }),
      resource: fc.array(policyInput, { maxLength: 2 }),
      scp: fc.array(fc.array(policyInput, { maxLength: 2 }), { maxLength: 2 }),
    },
    { requiredKeys: [] },
  );

  it('evaluate takes any request, any policies and any options', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          inputFrom({ request: REQUEST, policies: POLICIES }),
          fc.record({ request: inputFrom(REQUEST), policies: randomPolicies }),
        ),
        fc.oneof(hostile, fc.constant({ explain: true })),
        (input, options) => {
          const r = loose(api.evaluate)(input, options) as api.EvaluationResult;
          expectPlain(r);
          expect(['Allow', 'ExplicitDeny', 'ImplicitDeny']).toContain(r.decision);
        },
      ),
      RUNS,
    );
  });

  it('createEvaluator takes any policies, and its evaluator any request and options', () => {
    fc.assert(
      fc.property(
        fc.oneof(inputFrom(POLICIES), randomPolicies),
        fc.array(inputFrom(REQUEST), { minLength: 1, maxLength: 3 }),
        fc.oneof(hostile, fc.constant({ explain: true })),
        (policies, requests, options) => {
          const evaluator = loose(api.createEvaluator)(policies);
          expect(typeof evaluator).toBe('function');
          for (const request of requests) {
            const r = loose(evaluator)(request, options) as api.EvaluationResult;
            expectPlain(r);
            expect(['Allow', 'ExplicitDeny', 'ImplicitDeny']).toContain(r.decision);
          }
        },
      ),
      RUNS,
    );
  });
});

/** Calls every method of a model with random (often hostile) inputs. */
function exerciseModel(model: api.IamModel, calls: readonly ModelCall[]): void {
  expectPlain(model.validate());
  for (const call of calls) {
    switch (call.kind) {
      case 'authorize':
        expectPlain(loose(model.authorize.bind(model))(call.a, call.b));
        break;
      case 'canAssume':
        expectPlain(loose(model.canAssume.bind(model))(call.a, call.b, call.c));
        break;
      case 'whoCan':
        expectPlain(loose(model.whoCan.bind(model))(call.a));
        break;
      case 'whatCan':
        expectPlain(loose(model.whatCan.bind(model))(call.a, call.b));
        break;
    }
  }
}

interface ModelCall {
  readonly kind: 'authorize' | 'canAssume' | 'whoCan' | 'whatCan';
  readonly a: unknown;
  readonly b: unknown;
  readonly c: unknown;
}

const principalRef = fc.oneof(
  hostile,
  fc.constantFrom(
    `arn:aws:iam::${ACCOUNT}:user/alice`,
    `arn:aws:iam::${ACCOUNT}:role/web-app`,
    { user: 'alice' },
    { role: 'web-app', sessionName: 's' },
    { instanceProfile: 'web-app' },
    { role: '__proto__' },
    'codedeploy.amazonaws.com',
  ),
);
const AUTHORIZE = {
  principal: { user: 'alice' },
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::bucket/x',
  context: { a: 'b' },
  sessionPolicies: [POLICY],
};
const WHO_CAN = {
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::bucket/x',
  resourceAccount: ACCOUNT,
  context: { a: ['b'] },
};
const WHAT_CAN = { resource: 'arn:aws:s3:::bucket/x', actions: ['s3:GetObject', 'iam:*'], context: {} };

const modelCalls: fc.Arbitrary<ModelCall[]> = fc.array(
  fc.oneof(
    fc.record({
      kind: fc.constant('authorize' as const),
      a: inputFrom(AUTHORIZE),
      b: hostile,
      c: fc.constant(undefined),
    }),
    fc.record({
      kind: fc.constant('canAssume' as const),
      a: principalRef,
      b: fc.oneof(hostile, fc.constant(`arn:aws:iam::${ACCOUNT}:role/CodeDeployServiceRole`)),
      c: hostile,
    }),
    fc.record({
      kind: fc.constant('whoCan' as const),
      a: inputFrom(WHO_CAN),
      b: fc.constant(undefined),
      c: fc.constant(undefined),
    }),
    fc.record({
      kind: fc.constant('whatCan' as const),
      a: principalRef,
      b: inputFrom(WHAT_CAN),
      c: fc.constant(undefined),
    }),
  ),
  { maxLength: 4 },
);

describe('IAM account model: createModel, fromAuthorizationDetails and the model methods', () => {
  it('createModel takes any input; a model it returns answers any query', () => {
    fc.assert(
      fc.property(inputFrom(MODEL_INPUT), modelCalls, (input, calls) => {
        const r = loose(api.createModel)(input) as api.CreateModelResult;
        expectPlain(r.diagnostics);
        if (r.model) exerciseModel(r.model, calls);
      }),
      FEW,
    );
  });

  it('createModel takes random JSON and policy-shaped documents as every policy', () => {
    fc.assert(
      fc.property(policyInput, policyInput, policyInput, modelCalls, (inline, trust, resource, calls) => {
        const input = {
          accounts: [
            {
              id: ACCOUNT,
              users: [{ name: 'alice', inlinePolicies: [{ name: 'i', document: inline }] }],
              roles: [{ name: 'web-app', trustPolicy: trust }],
            },
          ],
          resources: [{ arn: 'arn:aws:s3:::bucket', policy: resource }],
        };
        const r = loose(api.createModel)(input) as api.CreateModelResult;
        expectPlain(r.diagnostics);
        if (r.model) exerciseModel(r.model, calls);
      }),
      FEW,
    );
  });

  it('fromAuthorizationDetails takes any details (object or text) and any options', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          inputFrom(AUTH_DETAILS),
          mutated(AUTH_DETAILS).map(safeJson),
          fc.constant([AUTH_DETAILS, AUTH_DETAILS]),
        ),
        inputFrom({ accountId: ACCOUNT, quotas: { groupsPerUser: 1 } }),
        modelCalls,
        (details, options, calls) => {
          const r = loose(api.fromAuthorizationDetails)(details, options) as api.CreateModelResult;
          expectPlain(r.diagnostics);
          if (r.model) exerciseModel(r.model, calls);
        },
      ),
      FEW,
    );
  });
});

describe('deployment readiness and formatters', () => {
  const model = validModel();
  const DEPLOYMENT = {
    platform: 'server',
    serviceRole: 'CodeDeployServiceRole',
    instanceProfile: 'web-app',
    revision: { s3: { bucket: 'bucket', key: 'app.zip', versioned: true, kmsKeyArn: 'arn:aws:kms:us-east-1:1:key/x' } },
    deploymentType: 'in-place',
    loadBalancer: true,
    deploymentConfig: 'CodeDeployDefault.OneAtATime',
    region: 'us-east-1',
  };

  it('checkDeployment takes any input, with or without a model', () => {
    fc.assert(
      fc.property(inputFrom({ appSpec: EC2_TEXT, deployment: DEPLOYMENT, model }), (input) => {
        const r = loose(api.checkDeployment)(input) as api.DeploymentReadiness;
        expectPlain({ ...r, plan: r.plan });
        expect(typeof r.ready).toBe('boolean');
      }),
      FEW,
    );
  });

  it('checkDeployment takes any AppSpec and deployment with a real model', () => {
    fc.assert(
      fc.property(
        inputFrom({ appSpec: EC2_TEXT, deployment: DEPLOYMENT }).filter((v) => v !== null && typeof v === 'object'),
        (input) => {
          const r = api.checkDeployment({ ...(input as object), model } as api.CheckDeploymentInput);
          expectPlain({ ...r, plan: r.plan });
          expect(typeof r.ready).toBe('boolean');
        },
      ),
      FEW,
    );
  });

  // The formatters get real diagnostics of hostile texts under hostile file names, and any
  // options; the next test gives them files that are not the library's results at all.
  it('formatStylish, formatJson, formatSarif and formatGithub render diagnostics of hostile input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(codeUnitString, fc.constantFrom(...WEIRD_STRINGS)), appSpecLikeYaml), {
          maxLength: 3,
        }),
        inputFrom({ color: true }),
        inputFrom({ rules: api.appSpecRules.slice(0, 3), toolName: 't', toolVersion: '1', informationUri: 'x' }),
        (inputs, stylishOptions, sarifOptions) => {
          const files = inputs.map(([path, text]) => ({ path, diagnostics: api.lintAppSpec(text).diagnostics }));
          files.push(...(FILES as unknown as typeof files));
          expect(typeof loose(api.formatStylish)(files, stylishOptions)).toBe('string');
          expect(() => JSON.parse(api.formatJson(files))).not.toThrow();
          const sarif = loose(api.formatSarif)(files, sarifOptions) as string;
          expect(() => JSON.parse(sarif)).not.toThrow();
          expect(typeof api.formatGithub(files)).toBe('string');
        },
      ),
      RUNS,
    );
  });

  it('the formatters take files that are not the library results (rendering only their well-formed part)', () => {
    fc.assert(
      fc.property(
        fc.oneof(inputFrom(FILES), hostile),
        inputFrom({ color: true }),
        fc.oneof(inputFrom({ rules: api.appSpecRules.slice(0, 3), toolName: 't' }), hostile),
        (files, stylishOptions, sarifOptions) => {
          expect(typeof loose(api.formatStylish)(files, stylishOptions)).toBe('string');
          expect(typeof loose(api.formatGithub)(files)).toBe('string');
          expect(() => JSON.parse(loose(api.formatSarif)(files, sarifOptions) as string)).not.toThrow();
          // formatJson embeds well-formed diagnostics whole: only a caller's own non-JSON payload
          // (a 10,000-deep or cyclic extra field) may make JSON.stringify fail, as it would anyway.
          let json = true;
          try {
            JSON.stringify(files);
          } catch {
            json = false;
          }
          if (json) expect(() => JSON.parse(loose(api.formatJson)(files) as string)).not.toThrow();
        },
      ),
      RUNS,
    );
  });
});

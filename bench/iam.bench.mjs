// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are literal policy text here.
// IAM evaluation benchmark, against the built package (dist/), in one process and one run:
//   (a) @cloud-copilot/iam-simulate runSimulation (AGPL; a speed baseline only, installed in bench/ alone);
//   (b) iamspec createEvaluator(policies) once, then evaluator(request) per iteration (target ≥ 100× (a));
//   (c) iamspec evaluate({ request, policies }) with the raw JSON policy text every call (target ≥ 20× (a)).
// Workload: one identity policy of 20 statements (wildcards, ${aws:username}, ${aws:PrincipalTag/…}, StringLike,
// ForAnyValue, Date, IpAddress, Bool, IfExists, Deny with NotAction and NotResource); s3:GetObject with 9 context keys.
// Run: npm run bench -- iam   (or: npx tsup && node bench/iam.bench.mjs)
// Env: IAM_BENCH_TIME (ms per task, default 3000).
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { Bench } from 'tinybench';
import { createEvaluator, evaluate } from '../dist/iam/index.js';

const ACCOUNT = '111122223333';
const NETS = ['203.0.113.0/24', '198.51.100.0/24'];

const policy = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Describe', Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' },
    {
      Sid: 'ListOwnPrefix',
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::corp-data',
      Condition: { StringLike: { 's3:prefix': ['home/${aws:username}/*'] } },
    },
    {
      Sid: 'TeamFolder',
      Effect: 'Allow',
      Action: ['s3:Get*', 's3:Put*'],
      Resource: 'arn:aws:s3:::corp-data/team/${aws:PrincipalTag/team}/*',
      Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
    },
    { Sid: 'Queues', Effect: 'Allow', Action: 'sqs:*', Resource: `arn:aws:sqs:*:${ACCOUNT}:app-*` },
    {
      Sid: 'OwnTables',
      Effect: 'Allow',
      Action: ['dynamodb:GetItem', 'dynamodb:Query'],
      Resource: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/\${aws:username}-*`,
    },
    {
      Sid: 'Home',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: 'arn:aws:s3:::corp-data/home/${aws:username}/*',
      Condition: {
        IpAddress: { 'aws:SourceIp': NETS },
        Bool: { 'aws:SecureTransport': 'true' },
        DateGreaterThan: { 'aws:CurrentTime': '2024-01-01T00:00:00Z' },
        DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' },
      },
    },
    {
      Sid: 'OrgKeys',
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: `arn:aws:kms:*:${ACCOUNT}:key/*`,
      Condition: { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': ['o-abc123/r-ab12/ou-*'] } },
    },
    {
      Sid: 'OwnLogs',
      Effect: 'Allow',
      Action: 'logs:*',
      Resource: 'arn:aws:logs:*:*:log-group:/app/${aws:username}/*',
    },
    {
      Sid: 'PublicBuckets',
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::public-*/*',
      Condition: { 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgPaths': ['o-abc123/r-ab12/'] } },
    },
    {
      Sid: 'TeamFunctions',
      Effect: 'Allow',
      Action: 'lambda:InvokeFunction',
      Resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:\${aws:PrincipalTag/team}-*`,
    },
    {
      Sid: 'Versions',
      Effect: 'Allow',
      Action: 's3:GetObjectVersion',
      Resource: 'arn:aws:s3:::corp-data/*',
      Condition: { StringEqualsIfExists: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
    },
    { Sid: 'Self', Effect: 'Allow', Action: 'iam:GetUser', Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}` },
    {
      Sid: 'Metrics',
      Effect: 'Allow',
      Action: 'cloudwatch:*',
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
    {
      Sid: 'Shared',
      Effect: 'Allow',
      Action: 's3:*',
      Resource: 'arn:aws:s3:::corp-shared/${aws:PrincipalTag/team}/*',
      Condition: { StringLike: { 'aws:PrincipalTag/team': ['a*', 'b*'] } },
    },
    {
      Sid: 'DenyOtherServices',
      Effect: 'Deny',
      NotAction: [
        's3:*',
        'sqs:*',
        'kms:Decrypt',
        'logs:*',
        'ec2:Describe*',
        'dynamodb:*',
        'lambda:*',
        'iam:Get*',
        'cloudwatch:*',
      ],
      Resource: '*',
    },
    {
      Sid: 'DenyOtherBuckets',
      Effect: 'Deny',
      Action: 's3:*',
      NotResource: ['arn:aws:s3:::corp-*', 'arn:aws:s3:::corp-*/*', 'arn:aws:s3:::public-*/*'],
    },
    {
      Sid: 'DenyWithoutMfa',
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    },
    {
      Sid: 'DenyOutsideNetworks',
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { NotIpAddress: { 'aws:SourceIp': [...NETS, '10.0.0.0/8'] } },
    },
    { Sid: 'DenyDeletes', Effect: 'Deny', Action: ['s3:DeleteObject*', 's3:DeleteBucket*'], Resource: '*' },
    {
      Sid: 'DenyOtherRegions',
      Effect: 'Deny',
      NotAction: ['iam:*', 'sts:*', 'cloudwatch:*'],
      NotResource: 'arn:aws:s3:::corp-data/home/${aws:username}/*',
      Condition: { StringNotEqualsIfExists: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
    },
  ],
};
if (policy.Statement.length !== 20) throw new Error(`expected 20 statements, got ${policy.Statement.length}`);
const policyText = JSON.stringify(policy, null, 2);

const principal = `arn:aws:iam::${ACCOUNT}:user/alice`;
const action = 's3:GetObject';
const resource = 'arn:aws:s3:::corp-data/home/alice/report.csv';
const context = {
  'aws:username': 'alice',
  'aws:PrincipalTag/team': 'blue',
  'aws:PrincipalAccount': ACCOUNT,
  'aws:PrincipalOrgPaths': ['o-abc123/r-ab12/ou-ab12-11111111/'],
  'aws:SourceIp': '203.0.113.10',
  'aws:CurrentTime': '2025-06-01T12:00:00Z',
  'aws:SecureTransport': 'true',
  'aws:MultiFactorAuthPresent': 'true',
  'aws:RequestedRegion': 'us-east-1',
};
if (Object.keys(context).length !== 9) throw new Error('expected 9 context keys');

const request = { principal, action, resource, resourceAccount: ACCOUNT, context };
const simulation = {
  identityPolicies: [{ name: 'bench-identity', policy }],
  serviceControlPolicies: [],
  resourceControlPolicies: [],
  request: { principal, action, resource: { resource, accountId: ACCOUNT }, contextVariables: context },
};

// ------------------------------------------------------------------ agreement first

const SIMULATE_DECISION = { Allowed: 'Allow', ExplicitlyDenied: 'ExplicitDeny', ImplicitlyDenied: 'ImplicitDeny' };
const simulated = await runSimulation(simulation, {});
if (simulated.resultType === 'error') {
  console.error(JSON.stringify(simulated.errors, null, 2));
  throw new Error('iam-simulate rejected the simulation');
}
const evaluator = createEvaluator({ identity: [policy] });
const decisions = {
  '(a) iam-simulate runSimulation': SIMULATE_DECISION[simulated.overallResult] ?? simulated.overallResult,
  '(b) createEvaluator + evaluator(request)': evaluator(request).decision,
  '(c) evaluate with raw JSON text': evaluate({ request, policies: { identity: [policyText] } }).decision,
};
console.log('decisions:');
for (const [name, decision] of Object.entries(decisions)) console.log(`  ${name}: ${decision}`);
if (new Set(Object.values(decisions)).size !== 1) {
  console.error('DECISIONS DISAGREE: timing would be meaningless');
  process.exit(1);
}

// ------------------------------------------------------------------ timing

const time = Number(process.env.IAM_BENCH_TIME ?? 3000);
let sink = 0;
const bench = new Bench({ time, warmup: true });
bench
  .add('(a) iam-simulate runSimulation', async () => {
    const r = await runSimulation(simulation, {});
    sink += r.resultType.length;
  })
  .add('(b) createEvaluator(policies) once, evaluator(request)', () => {
    sink += evaluator(request).decision.length;
  })
  .add('(c) evaluate({request, policies}) with JSON text', () => {
    sink += evaluate({ request, policies: { identity: [policyText] } }).decision.length;
  });
await bench.run();
console.table(bench.table());

// Medians are robust against GC pauses and a busy machine; means are printed too.
const stats = (prefix) => {
  const latency = bench.tasks.find((t) => t.name.startsWith(prefix))?.result?.latency;
  return { median: 1000 / (latency?.p50 ?? Number.NaN), mean: 1000 / (latency?.mean ?? Number.NaN) };
};
const a = stats('(a)');
const b = stats('(b)');
const c = stats('(c)');
const fmt = (n) => Math.round(n).toLocaleString('en-US');
for (const kind of ['median', 'mean']) {
  console.log(
    `\nevaluations per second (${kind} latency): (a) ${fmt(a[kind])}  (b) ${fmt(b[kind])}  (c) ${fmt(c[kind])}`,
  );
  const rb = b[kind] / a[kind];
  const rc = c[kind] / a[kind];
  console.log(`RATIO (b)/(a) = ${rb.toFixed(1)}× (target ≥ 100×) ${rb >= 100 ? 'OK' : 'BELOW TARGET'}`);
  console.log(`RATIO (c)/(a) = ${rc.toFixed(1)}× (target ≥ 20×) ${rc >= 20 ? 'OK' : 'BELOW TARGET'}`);
}
if (sink < 0) console.log(sink);

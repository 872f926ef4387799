// IAM account model benchmark, against the built package (dist/), in one process and one run:
//   a GENERATED model (deterministic generator: 1,000 users, 300 roles, 5,000 managed policies, 50 groups,
//   role chains, instance profiles, service roles) answers one whoCan(s3:GetObject on an object), versus
//   @cloud-copilot/iam-simulate (AGPL; a speed baseline only, installed in bench/ alone) called with
//   runSimulation once per principal (every user, every role session) with that principal's identity policies.
// Target: one whoCan ≥ 100× faster than the per-principal loop. Reported: whoCan on a fresh model (cold: the
// part of the assume-role relation the query needs is learnt inside the timed call; createModel has already
// indexed and compiled each principal's policies, which the printed build time includes) and on a warm model (a
// whoCan of other objects; the learnt assume-role relation, the identity index and the evaluators are reused).
// Run: npm run bench -- model   (or: npx tsup && node bench/model.bench.mjs)
// Env: MODEL_BENCH_ROUNDS (timed rounds of each side, default 3).
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { createModel } from '../dist/iam/index.js';

const ACCOUNT = '111122223333';
const USERS = 1000;
const ROLES = 300;
const POLICIES = 5000;
const GROUPS = 50;
const BUCKETS = 40;
const rounds = Number(process.env.MODEL_BENCH_ROUNDS ?? 7);

// ------------------------------------------------------------------ deterministic generator

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20240607);
const pick = (list) => list[Math.floor(rand() * list.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

const S3_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:DeleteObject', 's3:Get*', 's3:*'];
const OTHER_ACTIONS = [
  'ec2:Describe*',
  'sqs:SendMessage',
  'sqs:ReceiveMessage',
  'logs:PutLogEvents',
  'dynamodb:GetItem',
];

function statement() {
  const r = rand();
  const bucket = `arn:aws:s3:::bucket-${int(0, BUCKETS - 1)}`;
  if (r < 0.45) {
    const action = pick(S3_ACTIONS);
    return { Effect: 'Allow', Action: action, Resource: action === 's3:ListBucket' ? bucket : `${bucket}/*` };
  }
  if (r < 0.5) return { Effect: 'Deny', Action: 's3:DeleteObject', Resource: `${bucket}/*` };
  if (r < 0.55) {
    return {
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: `${bucket}/*`,
      Condition: { StringEquals: { 'aws:PrincipalTag/team': pick(['red', 'blue', 'green']) } },
    };
  }
  return { Effect: 'Allow', Action: pick(OTHER_ACTIONS), Resource: '*' };
}

const policies = [];
for (let i = 0; i < POLICIES; i++) {
  const n = int(1, 4);
  policies.push({
    name: `policy-${i}`,
    document: { Version: '2012-10-17', Statement: Array.from({ length: n }, statement) },
  });
}
const attach = (n) =>
  Array.from({ length: n }, () => `policy-${int(0, POLICIES - 1)}`).filter((v, i, a) => a.indexOf(v) === i);
const groups = Array.from({ length: GROUPS }, (_, i) => ({ name: `group-${i}`, managedPolicies: attach(int(1, 3)) }));
const users = Array.from({ length: USERS }, (_, i) => ({
  name: `user-${i}`,
  path: i % 3 === 0 ? '/engineering/' : '/',
  groups: Array.from({ length: int(0, 2) }, () => `group-${int(0, GROUPS - 1)}`).filter(
    (v, j, a) => a.indexOf(v) === j,
  ),
  managedPolicies: attach(int(0, 2)),
  tags: { team: pick(['red', 'blue', 'green']) },
}));
const userArn = (i) => `arn:aws:iam::${ACCOUNT}:user${i % 3 === 0 ? '/engineering/' : '/'}user-${i}`;
const roleArn = (i) => `arn:aws:iam::${ACCOUNT}:role/role-${i}`;
const roles = Array.from({ length: ROLES }, (_, i) => {
  const r = rand();
  let principal;
  if (r < 0.2) principal = { Service: pick(['ec2.amazonaws.com', 'lambda.amazonaws.com', 'codedeploy.amazonaws.com']) };
  else if (r < 0.6) principal = { AWS: Array.from({ length: int(1, 3) }, () => userArn(int(0, USERS - 1))) };
  else if (r < 0.99 && i > 0)
    principal = { AWS: roleArn(int(0, i - 1)) }; // chains
  else principal = { AWS: `arn:aws:iam::${ACCOUNT}:root` };
  return {
    name: `role-${i}`,
    trustPolicy: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }],
    },
    managedPolicies: [...attach(int(1, 3)), ...(r >= 0.2 ? [`policy-assume-${i % 10}`] : [])],
    tags: { team: pick(['red', 'blue', 'green']) },
  };
});
// Callers need sts:AssumeRole on the roles they assume.
for (let k = 0; k < 10; k++) {
  policies.push({
    name: `policy-assume-${k}`,
    document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] },
  });
}
for (const u of users) if (rand() < 0.5) u.managedPolicies.push(`policy-assume-${int(0, 9)}`);
const instanceProfiles = roles
  .filter((r) => JSON.stringify(r.trustPolicy).includes('ec2.amazonaws.com'))
  .map((r) => ({ name: `profile-${r.name}`, roles: [r.name] }));

const input = { accounts: [{ id: ACCOUNT, users, groups, roles, instanceProfiles, policies }] };
const resource = 'arn:aws:s3:::bucket-7/data/report.csv';
const resource2 = 'arn:aws:s3:::bucket-7/data/other';
const request = { action: 's3:GetObject', resource, resourceAccount: ACCOUNT };

// ------------------------------------------------------------------ iam-simulate: once per principal

const byName = new Map(policies.map((p) => [p.name, p.document]));
const groupByName = new Map(groups.map((g) => [g.name, g]));
const simPrincipals = [
  ...users.map((u, i) => ({
    principal: userArn(i),
    tags: u.tags,
    docs: [...u.managedPolicies, ...u.groups.flatMap((g) => groupByName.get(g).managedPolicies)],
  })),
  ...roles.map((r) => ({
    principal: `arn:aws:sts::${ACCOUNT}:assumed-role/${r.name}/iamspec`,
    tags: r.tags,
    docs: r.managedPolicies,
  })),
];
const SIMULATE_DECISION = { Allowed: 'Allow', ExplicitlyDenied: 'ExplicitDeny', ImplicitlyDenied: 'ImplicitDeny' };
async function simulateAll() {
  const allowed = new Set();
  for (const p of simPrincipals) {
    const docs = [...new Set(p.docs)];
    const r = await runSimulation(
      {
        identityPolicies: docs.map((name) => ({ name, policy: byName.get(name) })),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        request: {
          principal: p.principal,
          action: request.action,
          resource: { resource, accountId: ACCOUNT },
          contextVariables: { 'aws:PrincipalTag/team': p.tags.team },
        },
      },
      {},
    );
    if (r.resultType === 'error') throw new Error(`iam-simulate rejected ${p.principal}: ${JSON.stringify(r.errors)}`);
    if (SIMULATE_DECISION[r.overallResult] === 'Allow') allowed.add(p.principal);
  }
  return allowed;
}

// ------------------------------------------------------------------ run

const t0 = performance.now();
const built = createModel(input);
const buildMs = performance.now() - t0;
const model = built.model;
if (!model) throw new Error(JSON.stringify(built.diagnostics.slice(0, 5)));
console.log(
  `model: ${model.users.length} users, ${model.roles.length} roles, ${model.policies.length} managed policies, ` +
    `${model.groups.length} groups, ${model.instanceProfiles.length} instance profiles; built in ${buildMs.toFixed(0)} ms`,
);

// Agreement first: every principal iam-simulate allows must be in whoCan, and whoCan must not add users.
const simulated = await simulateAll();
const who = model.whoCan(request);
const whoUsers = new Set(who.filter((e) => e.principal.includes(':user/')).map((e) => e.principal));
const simUsers = new Set([...simulated].filter((p) => p.includes(':user/')));
const sameUsers = whoUsers.size === simUsers.size && [...simUsers].every((p) => whoUsers.has(p));
const roleSession = (arn) => `arn:aws:sts::${ACCOUNT}:assumed-role/${arn.slice(arn.lastIndexOf('/') + 1)}/iamspec`;
const whoRoles = who.filter((e) => e.principal.includes(':role/'));
const rolesAgree = whoRoles.every((e) => simulated.has(roleSession(e.principal)));
const chains = whoRoles.filter((e) => e.via.length > 1).length;
console.log(
  `whoCan: ${who.length} principals (${whoUsers.size} users, ${whoRoles.length} reachable roles, ${chains} via chains); ` +
    `iam-simulate allows ${simUsers.size} users and ${simulated.size - simUsers.size} role sessions (reachable or not)`,
);
if (!sameUsers || !rolesAgree) {
  console.error('RESULTS DISAGREE: timing would be meaningless');
  process.exit(1);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const simTimes = [];
const coldTimes = [];
const warmTimes = [];
// Collect garbage before each timed step (both contenders alike), so that one step's garbage,
// such as the freshly built model's, is not billed to the next measurement.
const collect = () => globalThis.gc?.();
for (let i = 0; i < rounds; i++) {
  collect();
  let t = performance.now();
  await simulateAll();
  simTimes.push(performance.now() - t);
  const fresh = createModel(input).model;
  collect();
  t = performance.now();
  fresh.whoCan(request);
  coldTimes.push(performance.now() - t);
  for (let k = 0; k < 20; k++) {
    t = performance.now();
    fresh.whoCan({ ...request, resource: `${resource2}.${k}` });
    warmTimes.push(performance.now() - t);
  }
}
const sim = median(simTimes);
const cold = median(coldTimes);
const warm = median(warmTimes);
console.log(`\nmedian of ${rounds} rounds:`);
console.log(`  iam-simulate runSimulation × ${simPrincipals.length} principals: ${sim.toFixed(1)} ms`);
console.log(`  whoCan, fresh model (graph + evaluators built):       ${cold.toFixed(1)} ms`);
console.log(
  `  whoCan, warm model (other objects, same bucket):      ${warm.toFixed(2)} ms (median of ${warmTimes.length})`,
);
const rc = sim / cold;
const rw = sim / warm;
console.log(`RATIO cold = ${rc.toFixed(1)}× (target ≥ 100×) ${rc >= 100 ? 'OK' : 'BELOW TARGET'}`);
console.log(`RATIO warm = ${rw.toFixed(1)}× (target ≥ 100×) ${rw >= 100 ? 'OK' : 'BELOW TARGET'}`);

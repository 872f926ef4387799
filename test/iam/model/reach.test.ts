import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/iam/evaluate/evaluate.js';
import { DEFAULT_INSTANCE_ID, DEFAULT_SESSION_NAME } from '../../../src/iam/model/index.js';
import type { IamModel, ModelInput, WhoCanRequest } from '../../../src/iam/model/types.js';
import { A, B, model, V } from './helpers.js';

// whoCan against a brute force: every user × role pair asked with canAssume, every service and
// external principal asked directly, then a breadth-first walk from every user (by ARN) and every
// origin (by label), edges in role-ARN order. The chains must be the same, not only the principals.

const user = (i: number) => `arn:aws:iam::${A}:user/u${i}`;
const role = (i: number) => `arn:aws:iam::${A}:role/r${i}`;
const SERVICES = ['ec2.amazonaws.com', 'lambda.amazonaws.com'];
const ALLOW_ALL = { Version: V, Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function bruteForce(m: IamModel, input: ModelInput, request: WhoCanRequest): [string, string[], string][] {
  const users = [...m.users].sort((a, b) => compare(a.arn, b.arn));
  const roles = m.roles;
  const edges = new Map<string, string[]>();
  for (const from of [...users.map((u) => u.arn), ...roles.map((r) => r.arn)]) {
    const ref = from.includes(':user/') ? from : { role: from };
    const to = roles
      .filter((r) => r.arn !== from && m.canAssume(ref, r.arn).decision === 'Allow')
      .map((r) => r.arn)
      .sort(compare);
    edges.set(from, to);
  }
  const origins: [string, string][] = [];
  for (const r of roles) {
    for (const service of SERVICES) {
      const ok = m.authorize({ principal: service, action: 'sts:AssumeRole', resource: r.arn }).decision === 'Allow';
      if (!ok) continue;
      origins.push([service, r.arn]);
      if (service === 'ec2.amazonaws.com') {
        for (const p of m.instanceProfiles)
          if (p.roles.length === 1 && p.roles[0] === r.arn) origins.push([p.arn, r.arn]);
      }
    }
    const trustText = JSON.stringify(input.accounts[0]?.roles?.find((x) => x.name === r.name)?.trustPolicy ?? {});
    const stand: [string, string][] = [];
    if (trustText.includes(`"${B}"`)) stand.push([B, `arn:aws:iam::${B}:user/external`]);
    if (trustText.includes('"*"')) stand.push(['*', 'arn:aws:iam::000000000000:user/anyone']);
    for (const [label, principal] of stand) {
      const res = evaluate({
        request: { principal, action: 'sts:AssumeRole', resource: r.arn },
        policies: { identity: [ALLOW_ALL], resource: [r.trustPolicy] },
      });
      if (res.decision === 'Allow') origins.push([label, r.arn]);
    }
  }
  origins.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]));
  const via = new Map<string, string[]>();
  const queue: string[] = [];
  for (const u of users) {
    for (const r of edges.get(u.arn) ?? []) {
      if (!via.has(r)) {
        via.set(r, [u.arn]);
        queue.push(r);
      }
    }
  }
  for (const [label, r] of origins) {
    if (!via.has(r)) {
      via.set(r, [label]);
      queue.push(r);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const from = queue[i] as string;
    for (const r of edges.get(from) ?? []) {
      if (!via.has(r)) {
        via.set(r, [...(via.get(from) as string[]), from]);
        queue.push(r);
      }
    }
  }
  const out: [string, string[], string][] = [];
  const ask = (principal: string | { role: string; sessionName: string }) =>
    m.authorize({
      principal,
      action: request.action,
      resource: request.resource,
      ...(request.resourceAccount !== undefined ? { resourceAccount: request.resourceAccount } : {}),
    });
  for (const u of m.users) {
    const r = ask(u.arn);
    if (r.decision === 'Allow') out.push([u.arn, [], r.decision]);
  }
  for (const r of roles) {
    const chain = via.get(r.arn);
    if (!chain) continue;
    const fromProfile = m.instanceProfiles.some((p) => p.arn === chain[0]);
    const res = ask({ role: r.arn, sessionName: fromProfile ? DEFAULT_INSTANCE_ID : DEFAULT_SESSION_NAME });
    if (res.decision === 'Allow') out.push([r.arn, chain, res.decision]);
  }
  return out.sort((a, b) => compare(a[0], b[0]));
}

const USERS = 4;
const ROLES = 6;
const resourceArb = fc.constantFrom(
  '*',
  '*',
  'arn:aws:s3:::b/*',
  `arn:aws:iam::${A}:role/*`,
  `arn:aws:iam::${A}:role/r1`,
  `arn:aws:iam::${A}:role/r?`,
);
const identityStatement = fc.record({
  Effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Allow', 'Deny'),
  Action: fc.subarray(['sts:AssumeRole', 's3:GetObject', 's3:*', 'sts:*', '*'], { minLength: 1 }),
  Resource: resourceArb,
});
// Most principals may assume roles and read objects, so chains form and tie-breaks matter.
const identityDoc = fc
  .tuple(fc.constantFrom(true, true, true, false), fc.array(identityStatement, { minLength: 0, maxLength: 2 }))
  .map(([common, extra]) =>
    common ? [{ Effect: 'Allow', Action: ['sts:AssumeRole', 's3:GetObject'], Resource: '*' }, ...extra] : extra,
  );
const userArns = Array.from({ length: USERS }, (_, i) => user(i));
const roleArns = Array.from({ length: ROLES }, (_, i) => role(i));
const trustPrincipal = fc.oneof(
  { weight: 3, arbitrary: fc.record({ AWS: fc.subarray(userArns, { minLength: 1, maxLength: 2 }) }) },
  { weight: 8, arbitrary: fc.record({ AWS: fc.subarray(roleArns, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.constant({ AWS: `arn:aws:iam::${A}:root` }) },
  { weight: 1, arbitrary: fc.constant({ AWS: A }) },
  { weight: 1, arbitrary: fc.constant({ AWS: '*' }) },
  { weight: 1, arbitrary: fc.constant({ AWS: B }) },
  { weight: 1, arbitrary: fc.constant({ Service: 'ec2.amazonaws.com' }) },
  { weight: 1, arbitrary: fc.constant({ Service: 'lambda.amazonaws.com' }) },
);
const trustStatement = fc.record({
  principal: trustPrincipal,
  tag: fc.constantFrom(undefined, undefined, undefined, 'red', 'blue'),
  deny: fc.constantFrom(false, false, false, false, true),
});
const roleArb = fc.record({
  trust: fc
    .array(trustStatement, { minLength: 1, maxLength: 2 })
    .map((list) => (list.every((t) => t.deny) ? list.map((t, i) => (i === 0 ? { ...t, deny: false } : t)) : list)),
  identity: identityDoc,
  tag: fc.constantFrom('red', 'blue'),
});
const userArb = fc.record({ identity: identityDoc, tag: fc.constantFrom('red', 'blue') });

// A bucket policy: who it names decides whom whoCan must evaluate beyond the identity candidates.
const bucketPrincipal = fc.constantFrom<object | string | undefined>(
  undefined,
  '*',
  { AWS: '*' },
  { AWS: user(0) },
  { AWS: [user(1), role(2)] },
  { AWS: `arn:aws:sts::${A}:assumed-role/r0/s` },
  { AWS: `arn:aws:iam::${A}:user/path/u2` },
  { AWS: A },
  { AWS: `arn:aws:iam::${A}:root` },
  { AWS: B },
  { AWS: 'AIDAEXAMPLEUSERID00003' },
  { AWS: 'AIDAUNKNOWN' },
  { AWS: `arn:aws:iam::${A}:user/u*` },
  { AWS: `arn:aws:iam::${A}:group/g` },
  { Service: 'lambda.amazonaws.com' },
  { Federated: 'cognito-identity.amazonaws.com' },
  { CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' },
);
const bucketArb = fc.option(
  fc.record({
    principal: bucketPrincipal,
    not: fc.constantFrom(false, false, false, true),
    effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
    action: fc.constantFrom('s3:GetObject', 's3:*', '*', 'sqs:*'),
    parsed: fc.constantFrom(true, true, true, true, false),
  }),
  { nil: undefined },
);

function toInput(
  users: { identity: object[]; tag: string }[],
  roles: { trust: { principal: object; tag: string | undefined; deny: boolean }[]; identity: object[]; tag: string }[],
  profileRole: number,
  bucket?: { principal: object | string | undefined; not: boolean; effect: string; action: string; parsed: boolean },
): ModelInput {
  const doc = (statements: object[]) => ({ Version: V, Statement: statements });
  return {
    accounts: [
      {
        id: A,
        users: users.map((u, i) => ({
          name: `u${i}`,
          id: `AIDAEXAMPLEUSERID0000${i}`,
          tags: { team: u.tag },
          inlinePolicies: u.identity.length > 0 ? [{ name: 'p', document: doc(u.identity) }] : [],
        })),
        roles: roles.map((r, i) => ({
          name: `r${i}`,
          tags: { team: r.tag },
          trustPolicy: doc(
            r.trust.map((t) => ({
              Effect: t.deny ? 'Deny' : 'Allow',
              Principal: t.principal,
              Action: 'sts:AssumeRole',
              ...(t.tag ? { Condition: { StringEquals: { 'aws:PrincipalTag/team': t.tag } } } : {}),
            })),
          ),
          inlinePolicies: r.identity.length > 0 ? [{ name: 'p', document: doc(r.identity) }] : [],
        })),
        instanceProfiles: profileRole < roles.length ? [{ name: 'web', roles: [`r${profileRole}`] }] : [],
      },
    ],
    ...(bucket
      ? {
          resources: [
            {
              arn: 'arn:aws:s3:::b',
              account: A,
              policy: bucket.parsed
                ? doc([
                    {
                      Effect: bucket.effect,
                      ...(bucket.principal === undefined
                        ? {}
                        : bucket.not
                          ? { NotPrincipal: bucket.principal }
                          : { Principal: bucket.principal }),
                      Action: bucket.action,
                      Resource: 'arn:aws:s3:::b/*',
                    },
                  ])
                : '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"',
            },
          ],
        }
      : {}),
  };
}

describe('whoCan equals a brute force over every principal and role (property)', () => {
  it('same principals, same chains, same decisions', () => {
    fc.assert(
      fc.property(
        fc.array(userArb, { minLength: 1, maxLength: USERS }),
        fc.array(roleArb, { minLength: 1, maxLength: ROLES }),
        fc.nat(ROLES),
        fc.constantFrom('s3:GetObject', 's3:GetObject', 'sts:AssumeRole', 'sqs:SendMessage'),
        fc.constantFrom('arn:aws:s3:::b/k', role(0), role(1)),
        bucketArb,
        (users, roles, profileRole, action, resource, bucket) => {
          const input = toInput(users, roles, profileRole, bucket);
          const request = { action, resource, resourceAccount: A };
          const m = model(input);
          const got = m.whoCan(request).map((e) => [e.principal, [...e.via], e.result.decision]);
          expect(got).toEqual(bruteForce(m, input, request));
          // Asked again (the relation is memoised per model), the answer is the same.
          expect(m.whoCan(request).map((e) => [e.principal, [...e.via], e.result.decision])).toEqual(got);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('whoCan chains break ties like a breadth-first walk', () => {
  const assume = {
    Version: V,
    Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 's3:GetObject'], Resource: '*' }],
  };
  const trustOf = (...arns: string[]) => ({
    Version: V,
    Statement: [{ Effect: 'Allow', Principal: { AWS: arns }, Action: 'sts:AssumeRole' }],
  });
  const r = (name: string, trust: object) => ({
    name,
    trustPolicy: trust,
    inlinePolicies: [{ name: 'p', document: assume }],
  });
  const via = (m: IamModel, arn: string) =>
    m
      .whoCan({ action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', resourceAccount: A })
      .find((e) => e.principal === arn)?.via;

  it('prefers the earlier role at each level (role ARN order), whatever order the input lists them in', () => {
    const m = model({
      accounts: [
        {
          id: A,
          users: [{ name: 'u0', inlinePolicies: [{ name: 'p', document: assume }] }],
          roles: [
            r('r4', trustOf(role(2), role(3))),
            r('r3', trustOf(role(1))),
            r('r2', trustOf(role(1))),
            r('r1', trustOf(user(0))),
            r('r9', trustOf(user(0))),
            r('r8', trustOf(user(0))),
            r('r7', trustOf(role(9), role(8))),
          ],
        },
      ],
    });
    expect(via(m, role(4))).toEqual([user(0), role(1), role(2)]);
    expect(via(m, role(7))).toEqual([user(0), role(8)]);
  });

  it('enters roles from users before origins, even when an origin label sorts first', () => {
    const m = model({
      accounts: [
        {
          id: A,
          users: [{ name: 'u0', inlinePolicies: [{ name: 'p', document: assume }] }],
          roles: [
            r('r1', trustOf(B)),
            r('r2', trustOf(user(0), B)),
            r('r3', trustOf(user(0))),
            r('r4', trustOf(role(1), role(3))),
          ],
        },
      ],
    });
    expect(via(m, role(1))).toEqual([B]);
    expect(via(m, role(2))).toEqual([user(0)]);
    expect(via(m, role(4))).toEqual([user(0), role(3)]);
  });
});

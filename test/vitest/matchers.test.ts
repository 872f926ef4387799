import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/iam/index.js';
import { fromAuthorizationDetails } from '../../src/iam/model/index.js';
import {
  checkPermissionRow,
  DEFAULT_TEST_PRINCIPAL,
  describePermissions,
  iamMatchers,
  installIamMatchers,
  type PermissionRow,
} from '../../src/vitest/index.js';

installIamMatchers();

const policyText = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::artifacts/*" },
    { "Sid": "NoDelete", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*" }
  ]
}`;
const parsed = parsePolicy(policyText, { type: 'identity', id: 'deploy.json' }).policy!;
const object = JSON.parse(policyText) as object;
const get = { action: 's3:GetObject', resource: 'arn:aws:s3:::artifacts/app.zip' };
const del = { action: 's3:DeleteObject', resource: 'arn:aws:s3:::artifacts/app.zip' };
const put = { action: 's3:PutObject', resource: 'arn:aws:s3:::artifacts/app.zip' };

const root = resolve(import.meta.dirname, '../..');
const { model } = fromAuthorizationDetails(
  readFileSync(resolve(root, 'examples/account/authorization-details.json'), 'utf8'),
  {
    resources: JSON.parse(readFileSync(resolve(root, 'examples/account/resources.json'), 'utf8')).resources,
  },
);

describe('decision matchers', () => {
  it.each([
    ['JSON text', policyText],
    ['an object', object],
    ['a parsed Policy', parsed],
    ['a policy set', { identity: [policyText] }],
  ])('work on %s', (_, subject) => {
    expect(subject).toAllow(get);
    expect(subject).toDeny(del);
    expect(subject).toDeny(put);
    expect(subject).toExplicitlyDeny(del);
    expect(subject).toImplicitlyDeny(put);
    expect(subject).not.toAllow(put);
    expect(subject).not.toExplicitlyDeny(put);
    expect(subject).not.toImplicitlyDeny(del);
    expect(subject).not.toDeny(get);
  });

  it('work on an account model with entity references', () => {
    const revision = 'arn:aws:s3:::example-artifacts/web/app.zip';
    expect(model).toAllow({
      principal: { instanceProfile: 'web' },
      action: 's3:GetObject',
      resource: revision,
      context: { 'aws:SecureTransport': 'true' },
    });
    expect(model).toExplicitlyDeny({
      principal: { role: 'web-app' },
      action: 's3:GetObject',
      resource: revision,
      context: { 'aws:SecureTransport': 'false' },
    });
    expect(model).toImplicitlyDeny({
      principal: { user: 'dave' },
      action: 's3:GetObject',
      resource: revision,
      context: { 'aws:SecureTransport': 'true' },
    });
  });

  it('apply session policies given with the request', () => {
    const role = {
      identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }],
    };
    const session = 'arn:aws:sts::123456789012:assumed-role/app/s1';
    expect(role).toAllow({ principal: session, ...get });
    expect(role).toImplicitlyDeny({
      principal: session,
      ...get,
      sessionPolicies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }] }],
    });
  });

  it('have asymmetric forms', () => {
    expect({ deploy: policyText, n: 1 }).toEqual({ deploy: expect.toAllow(get), n: 1 });
    expect([policyText]).toEqual([expect.toExplicitlyDeny(del)]);
    expect({ deploy: policyText }).not.toEqual({ deploy: expect.toAllow(put) });
  });

  it('explain a failure with the decision, the deciding statement at file:line and missing keys', () => {
    const r = iamMatchers.toAllow.call({ isNot: false }, parsed, del);
    expect(r.pass).toBe(false);
    const m = r.message();
    expect(m).toContain(
      `expected s3:DeleteObject on arn:aws:s3:::artifacts/app.zip to be Allow, but it was ExplicitDeny`,
    );
    expect(m).toContain('decision: ExplicitDeny');
    expect(m).toContain('deploy.json:5:5 (identity, Sid "NoDelete", Deny statement #1)');
    const conditional = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'true' } },
        },
      ],
    };
    const miss = iamMatchers.toAllow.call({}, conditional, get).message();
    expect(miss).toContain('missing context keys: aws:SecureTransport');
    expect(miss).toContain('no statement allowed the request');
    const negated = iamMatchers.toAllow.call({ isNot: true }, parsed, get);
    expect(negated.pass).toBe(true);
    expect(negated.message()).toContain('not to be Allow');
  });

  it('report requests they cannot evaluate instead of passing', () => {
    const noPrincipal = iamMatchers.toAllow.call({}, model, get);
    expect(noPrincipal.pass).toBe(false);
    expect(noPrincipal.message()).toContain('needs a `principal`');
    const entityWithoutModel = iamMatchers.toDeny.call({}, policyText, { ...get, principal: { user: 'alice' } });
    expect(entityWithoutModel.pass).toBe(false);
    expect(entityWithoutModel.message()).toContain('need a model');
    const badShape = iamMatchers.toDeny.call({}, policyText, { action: 3 } as never);
    expect(badShape.pass).toBe(false);
    expect(badShape.message()).toContain('string `action` and `resource`');
  });

  it('use the default principal for plain policies', () => {
    const onlyAlice = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: '*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalArn': DEFAULT_TEST_PRINCIPAL } },
        },
      ],
    };
    expect(onlyAlice).toAllow(get);
  });
});

describe('toBeValidAppSpec', () => {
  const good = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/migrate.sh\n';
  it('passes valid files and fails invalid ones with the errors listed', () => {
    expect(good).toBeValidAppSpec();
    expect(good).toBeValidAppSpec({ platform: 'server' });
    expect('version: "0.0"\nos: linux\n').not.toBeValidAppSpec();
    const r = iamMatchers.toBeValidAppSpec.call({}, 'version: "0.0"\nos: linux\n');
    expect(r.pass).toBe(false);
    expect(r.message()).toMatch(/1:10 {2}error .*ec2\/version-string/);
    const ok = iamMatchers.toBeValidAppSpec.call({}, 'version: 0.0\nos: linux\nhooks:\n  AfterInstal:\n');
    expect(ok.pass).toBe(true);
    expect(ok.message()).toContain('not to be valid');
    expect(ok.message()).toContain('ec2/hook-unknown');
  });
  it('rejects a non-string subject', () => {
    const r = iamMatchers.toBeValidAppSpec.call({}, 42);
    expect(r.pass).toBe(false);
    expect(r.message()).toContain('got number');
  });
});

const cases = JSON.parse(readFileSync(resolve(root, '../shared/conformance/iam-cases.json'), 'utf8'))
  .cases as PermissionRow[];
describePermissions(null, cases.slice(0, 5), { title: 'rows from the conformance file' });
describePermissions(
  policyText,
  [
    { name: 'read', request: get, expected: 'Allow' },
    { request: del, expected: 'ExplicitDeny' },
  ],
  { title: 'rows against one policy' },
);
describePermissions(model!, [{ request: { principal: { user: 'dave' }, ...get }, expected: 'ImplicitDeny' }]);

describe('checkPermissionRow', () => {
  it('returns nothing for a matching row and an explanation otherwise', () => {
    expect(checkPermissionRow(policyText, { request: get, expected: 'Allow' })).toBeUndefined();
    const msg = checkPermissionRow(policyText, { request: get, expected: 'ExplicitDeny' });
    expect(msg).toContain('expected ExplicitDeny, got Allow');
    expect(msg).toContain('Sid "Read"');
    expect(checkPermissionRow(null, { id: 'r1', request: get, expected: 'Allow' })).toContain('row r1 has no policies');
  });
});

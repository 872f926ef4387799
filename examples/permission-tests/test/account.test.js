// The account in ../account/ (output of `aws iam get-account-authorization-details` plus the
// bucket and key policies) holds the rules this project relies on. These tests pin them down.
import { readFileSync } from 'node:fs';
import { fromAuthorizationDetails } from 'iamspec/iam';
import { describePermissions } from 'iamspec/vitest';
import { describe, expect, it } from 'vitest';

const here = (p) => new URL(p, import.meta.url);
const details = readFileSync(here('../../account/authorization-details.json'), 'utf8');
const { resources } = JSON.parse(readFileSync(here('../../account/resources.json'), 'utf8'));
const { model, diagnostics } = fromAuthorizationDetails(details, { resources });

const revision = 'arn:aws:s3:::example-artifacts/web/app.zip';
const secure = { 'aws:SecureTransport': 'true' };

describe('the account model', () => {
  it('loads without errors', () => {
    expect(model).toBeDefined();
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('web servers', () => {
  it('read the revision through the web instance profile', () => {
    expect(model).toAllow({ principal: { instanceProfile: 'web' }, action: 's3:GetObject', resource: revision, context: secure });
  });
  it('never read it over plain HTTP: the bucket policy denies insecure transport', () => {
    expect(model).toExplicitlyDeny({
      principal: { instanceProfile: 'web' },
      action: 's3:GetObject',
      resource: revision,
      context: { 'aws:SecureTransport': 'false' },
    });
  });
  it('cannot change the revision', () => {
    expect(model).toDeny({ principal: { role: 'web-app' }, action: 's3:PutObject', resource: revision, context: secure });
  });
});

describe('people', () => {
  it('carol reads the web build but is explicitly barred from release revisions', () => {
    expect(model).toAllow({ principal: { user: 'carol' }, action: 's3:GetObject', resource: revision, context: secure });
    expect(model).toExplicitlyDeny({
      principal: { user: 'carol' },
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::example-artifacts/revisions/app-1.zip',
      context: secure,
    });
  });
  it("alice's permissions boundary forbids creating IAM users, whatever her groups grant", () => {
    expect(model).toDeny({ principal: { user: 'alice' }, action: 'iam:CreateUser', resource: 'arn:aws:iam::111122223333:user/mallory' });
  });
  it('only the CI bot may become the deployer role', () => {
    const deployer = 'arn:aws:iam::111122223333:role/automation/deployer';
    expect(model.canAssume({ user: 'ci-bot' }, deployer).decision).toBe('Allow');
    expect(model.canAssume({ user: 'dave' }, deployer).decision).not.toBe('Allow');
  });
});

describePermissions(
  model,
  [
    { name: 'web role reads artifacts', request: { principal: { role: 'web-app' }, action: 's3:GetObject', resource: revision, context: secure }, expected: 'Allow' },
    { name: 'dave has nothing', request: { principal: { user: 'dave' }, action: 's3:GetObject', resource: revision, context: secure }, expected: 'ImplicitDeny' },
    { name: 'admins may do anything', request: { principal: { user: 'bob' }, action: 'iam:CreateUser', resource: 'arn:aws:iam::111122223333:user/x' }, expected: 'Allow' },
  ],
  { title: 'permission table' },
);

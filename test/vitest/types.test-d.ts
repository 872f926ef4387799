// Type test, checked by `npm run typecheck` (tsc over test/): the matcher augmentation is typed,
// and a misspelled matcher or a wrong request shape does not compile.
import { expect } from 'vitest';
import type { PermissionRequest } from '../../src/vitest/index.js';
import '../../src/vitest/index.js';

declare const policy: object;
const request: PermissionRequest = { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' };

export function typed(): void {
  expect(policy).toAllow(request);
  expect(policy).not.toDeny({ ...request, principal: { user: 'alice' }, context: { 'aws:TagKeys': ['a'] } });
  expect(policy).toExplicitlyDeny({ action: 's3:DeleteObject', resource: '*' });
  expect(policy).toImplicitlyDeny({ action: 's3:PutObject', resource: '*', principal: 'arn:aws:iam::1:user/x' });
  expect('version: 0.0').toBeValidAppSpec({ platform: 'server' });
  expect({ p: policy }).toEqual({ p: expect.toAllow(request) });

  // @ts-expect-error a misspelled matcher does not exist
  expect(policy).toAlow(request);
  // @ts-expect-error the action must be a string
  expect(policy).toAllow({ action: 1, resource: '*' });
  // @ts-expect-error the resource is required
  expect(policy).toDeny({ action: 's3:GetObject' });
  // @ts-expect-error unknown principal reference shape
  expect(policy).toAllow({ ...request, principal: { group: 'admins' } });
  // @ts-expect-error unknown platform
  expect('version: 0.0').toBeValidAppSpec({ platform: 'windows' });
}

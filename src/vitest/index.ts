/**
 * `iamspec/vitest`: matchers and table-driven tests for permission logic and AppSpec files.
 *
 * ```ts
 * import { installIamMatchers } from 'iamspec/vitest';
 * installIamMatchers();
 * expect(policy).toAllow({ action: 's3:GetObject', resource: 'arn:aws:s3:::artifacts/app.zip' });
 * ```
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import type { LintOptions } from '../appspec/types.js';
import { evaluate } from '../iam/index.js';
import type { Decision, EvaluationInput, EvaluationPolicies } from '../iam/evaluate/types.js';
import { describeResult } from './describe-result.js';
import { iamMatchers } from './matchers.js';
import { authorizeSubject, type PermissionRequest, type PermissionSubject } from './subject.js';

export { iamMatchers, toAllow, toBeValidAppSpec, toDeny, toExplicitlyDeny, toImplicitlyDeny } from './matchers.js';
export type { IamMatcherResult, MatcherContext } from './matchers.js';
export { DEFAULT_TEST_PRINCIPAL } from './subject.js';
export type { Authorizer, AuthorizeRequest, ModelPrincipal, PermissionRequest, PermissionSubject } from './subject.js';

/** The matchers' types, merged into vitest's `Matchers` by {@link installIamMatchers}'s module augmentation. */
export interface IamMatchers<R = unknown> {
  /** The request is allowed. */
  toAllow(request: PermissionRequest): R;
  /** The request is denied, explicitly or implicitly. */
  toDeny(request: PermissionRequest): R;
  /** A Deny statement applies to the request. */
  toExplicitlyDeny(request: PermissionRequest): R;
  /** Nothing allows the request and nothing denies it. */
  toImplicitlyDeny(request: PermissionRequest): R;
  /** The AppSpec text lints with no error. */
  toBeValidAppSpec(options?: LintOptions): R;
}

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: vitest's own declaration uses `any` as the default.
  interface Matchers<T = any> extends IamMatchers<T> {}
}

/** Registers the matchers with vitest's `expect`. Call it once, for example in a setup file. */
export function installIamMatchers(): void {
  expect.extend(iamMatchers);
}

/** One row of a permission table: a request and the decision expected, as in `iam-cases.json`. */
export interface PermissionRow {
  readonly id?: string;
  readonly name?: string;
  readonly request: PermissionRequest;
  readonly expected: Decision;
  /** The row's own policies; used when the table has no subject. */
  readonly policies?: EvaluationInput['policies'];
}

/** Options of {@link describePermissions}. */
export interface DescribePermissionsOptions {
  /** Title of the `describe` block. Default `permissions`. */
  readonly title?: string;
}

/**
 * Registers one vitest test per row. `subject` is a model, a policy set or one identity policy;
 * pass `null` when every row carries its own `policies` (the format of `iam-cases.json`).
 * Rows loaded from a JSON file work as they are: `describePermissions(null, JSON.parse(text).cases)`.
 */
export function describePermissions(
  subject: PermissionSubject | null,
  rows: readonly PermissionRow[],
  options: DescribePermissionsOptions = {},
): void {
  describe(options.title ?? 'permissions', () => {
    rows.forEach((row, i) => {
      const title = `${row.id ?? `#${i + 1}`}${row.name ? ` ${row.name}` : ''}: ${row.request.action} on ${row.request.resource} → ${row.expected}`;
      it(title, () => {
        const problem = checkPermissionRow(subject, row, i);
        if (problem !== undefined) throw new Error(problem);
      });
    });
  });
}

/**
 * Checks one row of a permission table: `undefined` when the decision is the expected one,
 * otherwise a failure message with the explanation. {@link describePermissions} runs this per row.
 */
export function checkPermissionRow(
  subject: PermissionSubject | null,
  row: PermissionRow,
  index = 0,
): string | undefined {
  const target: PermissionSubject | EvaluationPolicies | undefined = subject ?? row.policies;
  if (target === undefined) return `row ${row.id ?? index + 1} has no policies and the table has no subject`;
  const result = authorizeSubject(target, row.request, evaluate);
  if (result.decision === row.expected) return undefined;
  return `expected ${row.expected}, got ${result.decision}\n${describeResult(result)}`;
}

import { lintAppSpec } from '../appspec/lint.js';
import type { LintOptions } from '../appspec/types.js';
import { evaluate } from '../iam/index.js';
import type { Decision, EvaluationResult } from '../iam/evaluate/types.js';
import { describeRequest, describeResult } from './describe-result.js';
import { authorizeSubject, type PermissionRequest } from './subject.js';

/** What a matcher function returns to vitest. */
export interface IamMatcherResult {
  readonly pass: boolean;
  /** The failure message (for `.not`, the message when the matcher unexpectedly passed). */
  readonly message: () => string;
  readonly actual?: unknown;
  readonly expected?: unknown;
}

/** The part of vitest's matcher state the matchers read. */
export interface MatcherContext {
  /** True under `.not`. */
  readonly isNot?: boolean;
}

type Expectation = { readonly label: string; readonly accepts: (d: Decision) => boolean };

const ALLOW: Expectation = { label: 'Allow', accepts: (d) => d === 'Allow' };
const DENY: Expectation = { label: 'a deny (ExplicitDeny or ImplicitDeny)', accepts: (d) => d !== 'Allow' };
const EXPLICIT: Expectation = { label: 'ExplicitDeny', accepts: (d) => d === 'ExplicitDeny' };
const IMPLICIT: Expectation = { label: 'ImplicitDeny', accepts: (d) => d === 'ImplicitDeny' };

function decisionMatcher(name: string, expectation: Expectation) {
  return function (this: MatcherContext, subject: unknown, request: PermissionRequest): IamMatcherResult {
    let result: EvaluationResult;
    try {
      result = authorizeSubject(subject, request, evaluate);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return { pass: false, message: () => `${name}: could not evaluate the request: ${why}` };
    }
    const pass = expectation.accepts(result.decision);
    const not = this?.isNot ? 'not ' : '';
    return {
      pass,
      message: () =>
        `expected ${describeRequest(request)} ${not}to be ${expectation.label}, but it was ${result.decision}\n${describeResult(result)}`,
      actual: result.decision,
      expected: expectation.label,
    };
  };
}

/** `expect(subject).toAllow(request)`: the request is allowed. */
export const toAllow: (this: MatcherContext, subject: unknown, request: PermissionRequest) => IamMatcherResult =
  decisionMatcher('toAllow', ALLOW);
/** `expect(subject).toDeny(request)`: the request is denied, explicitly or implicitly. */
export const toDeny: (this: MatcherContext, subject: unknown, request: PermissionRequest) => IamMatcherResult =
  decisionMatcher('toDeny', DENY);
/** `expect(subject).toExplicitlyDeny(request)`: a Deny statement applies. */
export const toExplicitlyDeny: (
  this: MatcherContext,
  subject: unknown,
  request: PermissionRequest,
) => IamMatcherResult = decisionMatcher('toExplicitlyDeny', EXPLICIT);
/** `expect(subject).toImplicitlyDeny(request)`: nothing allows it and nothing denies it. */
export const toImplicitlyDeny: (
  this: MatcherContext,
  subject: unknown,
  request: PermissionRequest,
) => IamMatcherResult = decisionMatcher('toImplicitlyDeny', IMPLICIT);

/** `expect(text).toBeValidAppSpec(options?)`: the AppSpec text lints with no error. */
export function toBeValidAppSpec(this: MatcherContext, text: unknown, options?: LintOptions): IamMatcherResult {
  if (typeof text !== 'string') {
    return { pass: false, message: () => `toBeValidAppSpec: expected AppSpec text (a string), got ${typeof text}` };
  }
  const result = lintAppSpec(text, options);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const listed = (list: typeof result.diagnostics): string =>
    list
      .map((d) => `  ${d.range.start.line}:${d.range.start.column}  ${d.severity}  ${d.message}  ${d.ruleId}`)
      .join('\n');
  return {
    pass: errors.length === 0,
    message: () =>
      errors.length === 0
        ? `expected the AppSpec (${result.platform}) not to be valid, but it lints without errors${result.diagnostics.length > 0 ? `:\n${listed(result.diagnostics)}` : ''}`
        : `expected a valid AppSpec, but the ${result.platform} AppSpec has ${errors.length} error(s):\n${listed(errors)}`,
  };
}

/** All matchers, for `expect.extend(iamMatchers)`. */
export const iamMatchers: {
  readonly toAllow: typeof toAllow;
  readonly toDeny: typeof toDeny;
  readonly toExplicitlyDeny: typeof toExplicitlyDeny;
  readonly toImplicitlyDeny: typeof toImplicitlyDeny;
  readonly toBeValidAppSpec: typeof toBeValidAppSpec;
} = { toAllow, toDeny, toExplicitlyDeny, toImplicitlyDeny, toBeValidAppSpec };

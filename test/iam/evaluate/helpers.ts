/** Shared builders for evaluation tests (spec/iam.md §9 defaults). */
import { evaluate } from '../../../src/iam/evaluate/evaluate.js';
import type {
  EvaluateOptions,
  EvaluationPolicies,
  EvaluationRequest,
  EvaluationResult,
} from '../../../src/iam/evaluate/types.js';

export const A: string = '111122223333';
export const B: string = '444455556666';
export const ALICE: string = `arn:aws:iam::${A}:user/alice`;
export const BOB: string = `arn:aws:iam::${B}:user/bob`;
export const ROLE: string = `arn:aws:iam::${A}:role/AppRole`;
export const S1: string = `arn:aws:sts::${A}:assumed-role/AppRole/s1`;
export const FED: string = `arn:aws:sts::${A}:federated-user/alice`;
export const ROOT: string = `arn:aws:iam::${A}:root`;
export const BUCKET: string = 'arn:aws:s3:::example-bucket';
export const OBJ: string = `${BUCKET}/data/file.txt`;

type Json = Record<string, unknown>;

/** A 2012-10-17 policy with the given statements. */
export function pol(...statements: Json[]): Json {
  return { Version: '2012-10-17', Statement: statements };
}

/** An Allow statement. */
export function allow(action: string | string[], resource: string | string[] = '*', extra: Json = {}): Json {
  return { Effect: 'Allow', Action: action, Resource: resource, ...extra };
}

/** A Deny statement. */
export function deny(action: string | string[], resource: string | string[] = '*', extra: Json = {}): Json {
  return { Effect: 'Deny', Action: action, Resource: resource, ...extra };
}

/** A bucket-policy Allow naming `principal` (an AWS value or a full Principal element). */
export function grant(principal: unknown, action = 's3:GetObject', extra: Json = {}): Json {
  return {
    Effect: 'Allow',
    Principal: typeof principal === 'string' && principal !== '*' ? { AWS: principal } : principal,
    Action: action,
    Resource: `${BUCKET}/*`,
    ...extra,
  };
}

/** A request in account A on the example object unless overridden. */
export function req(principal: string, extra: Partial<EvaluationRequest> = {}): EvaluationRequest {
  return { principal, action: 's3:GetObject', resource: OBJ, resourceAccount: A, ...extra };
}

/** Evaluates and returns the full result. */
export function run(
  policies: EvaluationPolicies,
  request: EvaluationRequest,
  options?: EvaluateOptions,
): EvaluationResult {
  return evaluate({ policies, request }, options);
}

/** Evaluates and returns the decision, checking that explain and plain agree. */
export function decision(policies: EvaluationPolicies, request: EvaluationRequest): string {
  const plain = evaluate({ policies, request });
  const explained = evaluate({ policies, request }, { explain: true });
  if (plain.decision !== explained.decision) throw new Error('explain changed the decision');
  return plain.decision;
}

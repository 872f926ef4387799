/**
 * Resource-pattern helpers for the ARN rules.
 *
 * @module
 */
import { splitArnSegments } from '../../../../policy/arn.js';
import type { SourcedString, Statement } from '../../../../policy/types.js';

/** Every `Resource` and `NotResource` value of a statement. */
export function resourceValues(st: Statement): readonly SourcedString[] {
  return [...(st.resource ?? []), ...(st.notResource ?? [])];
}

/** The segments of a resource pattern that starts with `arn:`, or `undefined` for `"*"` and non-ARNs. */
export function arnSegments(value: string): string[] | undefined {
  if (value === '*' || !value.startsWith('arn:')) return undefined;
  return splitArnSegments(value);
}

/** Partitions known by default (`arn-partition-unknown`). */
export const DEFAULT_PARTITIONS: readonly string[] = Object.freeze([
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
]);

/**
 * The environment the EC2 agent gives hook scripts (spec §6.4). Values known only at run time are
 * written as `${NAME}` placeholders.
 *
 * @module
 */
import type { EnvironmentVariable, RevisionSource } from './types.js';

interface VariableDef {
  readonly name: string;
  readonly when: string;
  /** Revision sources that set it; undefined = always. */
  readonly sources?: readonly RevisionSource[];
}

const VARIABLES: readonly VariableDef[] = [
  { name: 'LIFECYCLE_EVENT', when: 'always: the name of the running event' },
  { name: 'DEPLOYMENT_ID', when: 'always: the current deployment, also when the scripts come from an older revision' },
  { name: 'APPLICATION_NAME', when: 'always' },
  { name: 'DEPLOYMENT_GROUP_NAME', when: 'always' },
  { name: 'DEPLOYMENT_GROUP_ID', when: 'always' },
  { name: 'BUNDLE_BUCKET', when: 'revision from Amazon S3 (agent 1.4.0 or later)', sources: ['s3', 's3-versioned'] },
  { name: 'BUNDLE_KEY', when: 'revision from Amazon S3 (agent 1.4.0 or later)', sources: ['s3', 's3-versioned'] },
  { name: 'BUNDLE_ETAG', when: 'revision from Amazon S3 (agent 1.4.0 or later)', sources: ['s3', 's3-versioned'] },
  { name: 'BUNDLE_VERSION', when: 'revision from Amazon S3 with object versioning enabled', sources: ['s3-versioned'] },
  { name: 'BUNDLE_COMMIT', when: 'revision from GitHub', sources: ['github'] },
];

/**
 * The variables the agent sets for hook scripts. With a known `revisionSource` only those that
 * source sets; without one, every variable with the condition under which it is set.
 */
export function environmentVariables(revisionSource: RevisionSource | undefined): EnvironmentVariable[] {
  return VARIABLES.filter((v) => revisionSource === undefined || !v.sources || v.sources.includes(revisionSource)).map(
    (v) => ({ name: v.name, when: v.when }),
  );
}

/**
 * The environment of one event's scripts: the variables certainly set (all of them when the
 * revision source is known), with `${NAME}` for run-time values.
 */
export function stepEnvironment(event: string, revisionSource: RevisionSource | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const v of VARIABLES) {
    if (v.sources && (revisionSource === undefined || !v.sources.includes(revisionSource))) continue;
    env[v.name] = v.name === 'LIFECYCLE_EVENT' ? event : `\${${v.name}}`;
  }
  return env;
}

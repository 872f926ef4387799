import type { Range } from '../diagnostics/types.js';

/** CodeDeploy compute platforms. `server` is EC2/On-Premises. */
export type Platform = 'server' | 'ecs' | 'lambda';

/** One script of an EC2/On-Premises hook, with the values the agent will use. */
export interface Ec2Script {
  /** Trimmed text of `location`. */
  readonly location: string;
  /** Integer seconds after the agent's conversion; 3600 when absent. */
  readonly timeoutSeconds: number;
  readonly timeoutExplicit: boolean;
  /** Trimmed text; null when absent or null. */
  readonly runas: string | null;
  readonly sudo: boolean;
  readonly range: Range;
}

/** One `files` entry. */
export interface Ec2File {
  readonly source: string;
  readonly destination: string;
  readonly range: Range;
}

/** One `permissions` entry, with the values the agent will use. */
export interface Ec2Permission {
  /** Trimmed text. */
  readonly object: string;
  /** `**` when absent; text form otherwise. */
  readonly pattern: string;
  readonly except: readonly string[];
  /** `['file', 'directory']` when absent. */
  readonly type: readonly string[];
  readonly owner: string | null;
  readonly group: string | null;
  /** Padded text the agent uses, for example `'420'` for an unquoted `0644`. */
  readonly mode: string | null;
  readonly acls: readonly string[] | null;
  readonly context: {
    readonly name: string | null;
    readonly user: string | null;
    readonly type: string | null;
    readonly range: string | null;
  } | null;
  readonly range: Range;
}

/** The effective model of an EC2/On-Premises AppSpec (spec/appspec.md §3.1). */
export interface Ec2AppSpec {
  readonly platform: 'server';
  /** Raw resolved value. */
  readonly version: number | string | null;
  readonly os: string | null;
  /** Event name → scripts, in document order; events with null/false values are omitted. */
  readonly hooks: Readonly<Record<string, readonly Ec2Script[]>>;
  /** Where each hook event's key is, for diagnostics. */
  readonly hookRanges: Readonly<Record<string, Range>>;
  readonly files: readonly Ec2File[];
  readonly permissions: readonly Ec2Permission[];
  readonly fileExistsBehavior: 'DISALLOW' | 'OVERWRITE' | 'RETAIN' | null;
}

/** An ECS or Lambda hook: `- Event: function`. */
export interface HookRef {
  readonly event: string;
  readonly functionName: string | null;
  readonly range: Range;
}

/** The effective model of an ECS AppSpec (spec/appspec.md §3.2). */
export interface EcsAppSpec {
  readonly platform: 'ecs';
  readonly version: number | string | null;
  /** The first resource; further ones only produce diagnostics. */
  readonly resource: {
    readonly name: string;
    readonly type: string | null;
    readonly taskDefinition: string | null;
    readonly containerName: string | null;
    readonly containerPort: number | string | null;
    readonly platformVersion: string | null;
    readonly awsvpc: {
      readonly subnets: readonly string[] | null;
      readonly securityGroups: readonly string[] | null;
      readonly assignPublicIp: string | null;
    } | null;
    readonly capacityProviderStrategy:
      | readonly {
          readonly base: number | null;
          readonly capacityProvider: string | null;
          readonly weight: number | null;
        }[]
      | null;
    readonly range: Range;
  } | null;
  readonly hooks: readonly HookRef[];
}

/** The effective model of a Lambda AppSpec (spec/appspec.md §3.3). */
export interface LambdaAppSpec {
  readonly platform: 'lambda';
  readonly version: number | string | null;
  readonly resource: {
    readonly logicalName: string;
    readonly type: string | null;
    readonly name: string | null;
    readonly alias: string | null;
    /** Numbers converted to text. */
    readonly currentVersion: string | null;
    readonly targetVersion: string | null;
    readonly range: Range;
  } | null;
  readonly hooks: readonly HookRef[];
}

/** The typed, effective model of an AppSpec file. */
export type AppSpec = Ec2AppSpec | EcsAppSpec | LambdaAppSpec;

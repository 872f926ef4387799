/**
 * Options and results of the AppSpec linter and parser (spec/appspec.md §0.4).
 *
 * @module
 */
import type { Diagnostic, RuleSetting } from '../diagnostics/types.js';
import type { AppSpec, Platform } from './model.js';

/** EC2 agent generation whose behaviour the linter predicts. */
export type AgentVersion = '1.x' | '2.x';

/** Operating system of the target instances. */
export type InstanceOs = 'linux' | 'windows';

/** What `inferPlatform` and `lintAppSpec` decide the text is. */
export type DetectedPlatform = Platform | 'unknown' | 'not-an-appspec';

/** Options of `lintAppSpec` and `parseAppSpec`. */
export interface LintOptions {
  /** Compute platform; inferred from the content when absent (§3.4). */
  readonly platform?: Platform;
  /** File name as the caller knows it, '/'-separated; enables the `file/name-*` rules. */
  readonly fileName?: string;
  /** EC2 agent generation to predict; default `'1.x'`. */
  readonly agent?: AgentVersion;
  /** OS of the target instances; enables `ec2/os-instance-mismatch`. */
  readonly instanceOs?: InstanceOs;
  /** Paths relative to the bundle root; enables `ec2/bundle-missing-file`. */
  readonly bundleFiles?: readonly string[];
  /** Per-rule severity overrides, or `'off'`. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /**
   * Inputs larger than this many UTF-8 bytes (default 2 MiB) get only the document-level rules
   * (`file/*`, YAML syntax, multi-document, `appspec/empty`, `appspec/not-an-appspec`, platform
   * inference) and an `appspec/too-large` warning; the model is still built. `Infinity` runs every
   * rule on any size.
   */
  readonly maxRuleInputBytes?: number;
}

/** The predicted outcome of a deployment with this AppSpec. */
export interface Verdict {
  readonly outcome: 'accept' | 'reject';
  /** Whose behaviour the verdict predicts. */
  readonly basis: 'agent-1.x' | 'agent-2.x' | 'service-docs';
  /** The error the EC2 agent meets first (§4.9); absent when accepted or only later-stage errors exist. */
  readonly first?: Diagnostic;
}

/** Result of `lintAppSpec`. */
export interface LintResult {
  readonly platform: DetectedPlatform;
  readonly platformSource: 'option' | 'inferred';
  /** Typed effective model, when the platform is known and the document is a mapping. */
  readonly appSpec?: AppSpec;
  /** Sorted by start offset, then end offset, severity and rule id. */
  readonly diagnostics: readonly Diagnostic[];
  readonly verdict: Verdict;
}

/** Result of `parseAppSpec`. */
export interface ParseResult {
  readonly appSpec?: AppSpec;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Turns evaluator results into explained `deploy/*` findings, and builds the policy statements
 * that would fix a denial.
 *
 * @module
 */
import { START_RANGE } from '../diagnostics/line-index.js';
import type { Diagnostic, Range, Severity } from '../diagnostics/types.js';
import type { EvaluationResult, StatementRef } from '../iam/evaluate/types.js';

/** A deciding statement, as findings report it in `data.deciding`. */
export interface DecidingStatement {
  readonly policyId: string;
  readonly policyType: string;
  readonly effect: 'Allow' | 'Deny';
  readonly statementIndex: number;
  readonly sid?: string;
  /** 1-based line in the policy text, when the policy was parsed from text. */
  readonly line?: number;
}

/** What an evaluation says about a denial, in words and as data. */
export interface DenialExplanation {
  /** One sentence, for example `no statement allows it`. */
  readonly text: string;
  readonly deciding: readonly DecidingStatement[];
  readonly missingContextKeys: readonly string[];
  /** The range of the first deciding statement that has one. */
  readonly range?: Range;
  /** Which side refused: the principal's policies, the resource policy, or a guardrail. */
  readonly side: 'identity' | 'resource' | 'guardrail' | 'explicit-deny' | 'invalid';
}

function statementLabel(ref: StatementRef): string {
  const which =
    ref.sid !== undefined && ref.sid !== '' ? `statement ${ref.sid}` : `statement #${ref.statementIndex + 1}`;
  const line = ref.range ? ` (line ${ref.range.start.line})` : '';
  return `${ref.policyType} policy ${ref.policyId || '(unnamed)'} ${which}${line}`;
}

function toDeciding(ref: StatementRef): DecidingStatement {
  return Object.freeze({
    policyId: ref.policyId,
    policyType: ref.policyType,
    effect: ref.effect,
    statementIndex: ref.statementIndex,
    ...(ref.sid !== undefined ? { sid: ref.sid } : {}),
    ...(ref.range ? { line: ref.range.start.line } : {}),
  });
}

/** Explains why `result` (not an Allow) refused the request. */
export function explainDenial(result: EvaluationResult): DenialExplanation {
  const missing = [...result.missingContextKeys];
  const missingText =
    missing.length > 0
      ? `; the request lacks the context key${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`
      : '';
  if (result.decision === 'ExplicitDeny') {
    const denies = result.reasons.filter((r) => r.effect === 'Deny');
    const range = denies.find((r) => r.range)?.range;
    return Object.freeze({
      text: `denied explicitly by ${denies.map(statementLabel).join('; ')}${missingText}`,
      deciding: Object.freeze(denies.map(toDeciding)),
      missingContextKeys: Object.freeze(missing),
      ...(range ? { range } : {}),
      side: 'explicit-deny' as const,
    });
  }
  const e = result.explanation;
  const by = result.byPolicyType;
  let text: string;
  let side: DenialExplanation['side'];
  if (e?.reason === 'request-invalid' || (result.diagnostics.length > 0 && e === undefined)) {
    text = `the request could not be evaluated: ${result.diagnostics.map((d) => d.message).join('; ')}`;
    side = 'invalid';
  } else if (e?.reason === 'guardrail' && e.blockedBy.length > 0) {
    const parts = e.blockedBy.map((g) => {
      const ids = g.policyIds.length > 0 ? ` ${g.policyIds.join(', ')}` : '';
      return `${g.type === 'resource' ? 'the resource policy' : `the ${g.type}`}${ids}`;
    });
    text = `an Allow was found but ${parts.join(' and ')} does not allow it`;
    side = e.blockedBy.some((g) => g.type === 'resource') ? 'resource' : 'guardrail';
  } else if (e?.reason === 'resource-policy-required' || (by.identity === 'Allow' && by.resource !== 'Allow')) {
    text = 'the resource policy (which must allow explicitly) has no statement that allows it';
    side = 'resource';
  } else if (by.resource === 'NotApplicable' || by.resource === undefined) {
    text = 'no statement of the principal’s policies allows it';
    side = 'identity';
  } else {
    text = 'no statement of the principal’s policies or of the resource policy allows it';
    side = 'identity';
  }
  return Object.freeze({
    text: text + missingText,
    deciding: Object.freeze([]),
    missingContextKeys: Object.freeze(missing),
    side,
  });
}

/** An IAM policy statement, as fixes suggest it. */
export interface PolicyStatementJson {
  readonly Sid?: string;
  readonly Effect: 'Allow';
  readonly Principal?: Readonly<Record<string, string>>;
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** An identity-policy statement allowing `actions` on `resource`, with `context` as StringEquals conditions. */
export function allowStatement(
  actions: readonly string[],
  resource: string,
  context?: Readonly<Record<string, string>>,
): PolicyStatementJson {
  const keys = context ? Object.keys(context) : [];
  return {
    Effect: 'Allow',
    Action: actions.length === 1 ? (actions[0] as string) : [...actions],
    Resource: resource,
    ...(context && keys.length > 0 ? { Condition: { StringEquals: { ...context } } } : {}),
  };
}

/** A trust-policy statement letting the service principal `service` assume the role. */
export function trustStatement(service: string): PolicyStatementJson {
  return { Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' };
}

/** A resource-policy statement (bucket policy, key policy) letting `principalArn` perform `action` on `resource`. */
export function resourcePolicyStatement(principalArn: string, action: string, resource: string): PolicyStatementJson {
  return { Effect: 'Allow', Principal: { AWS: principalArn }, Action: action, Resource: resource };
}

/** A key-policy statement letting `roleArn` use the key for `action` (key policies name the key as `*`). */
export function keyPolicyStatement(roleArn: string, action: string): PolicyStatementJson {
  return resourcePolicyStatement(roleArn, action, '*');
}

/** A statement as pretty-printed JSON, ready to paste. */
export function statementText(statement: PolicyStatementJson): string {
  return JSON.stringify(statement, null, 2);
}

/** The parts of a finding about one denied request. */
export interface AccessFindingInput {
  readonly ruleId: string;
  readonly severity: Severity;
  /** What fails, for example `Role web-app may not read the revision`. */
  readonly what: string;
  /** The principal as the finding names it (an ARN or a service principal). */
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly result: EvaluationResult;
  /** What the finding is about, for `data.source`: an entity ARN, `appspec`, a policy id. */
  readonly source: string;
  readonly help?: string;
  readonly suggestions?: readonly string[];
  readonly data?: Readonly<Record<string, unknown>>;
}

/** A finding about a denied request: what fails, who, which action on which resource, and why. */
export function accessFinding(input: AccessFindingInput): Diagnostic {
  const why = explainDenial(input.result);
  return Object.freeze({
    ruleId: input.ruleId,
    severity: input.severity,
    message: `${input.what}: ${input.principal} may not ${input.action} on ${input.resource} — ${why.text}.`,
    range: why.range ?? START_RANGE,
    ...(input.help !== undefined ? { help: input.help } : {}),
    ...(input.suggestions && input.suggestions.length > 0
      ? { suggestions: Object.freeze([...input.suggestions]) }
      : {}),
    data: Object.freeze({
      source: input.source,
      principal: input.principal,
      action: input.action,
      resource: input.resource,
      decision: input.result.decision,
      ...(input.result.explanation ? { reason: input.result.explanation.reason } : {}),
      explanation: why.text,
      side: why.side,
      deciding: why.deciding,
      missingContextKeys: why.missingContextKeys,
      ...input.data,
    }),
  });
}

/** A finding that is not about one request (a missing entity, an AppSpec problem). */
export function plainFinding(
  ruleId: string,
  severity: Severity,
  message: string,
  data: Readonly<Record<string, unknown>> & { readonly source: string },
  extra: { readonly help?: string; readonly suggestions?: readonly string[]; readonly range?: Range } = {},
): Diagnostic {
  return Object.freeze({
    ruleId,
    severity,
    message,
    range: extra.range ?? START_RANGE,
    ...(extra.help !== undefined ? { help: extra.help } : {}),
    ...(extra.suggestions && extra.suggestions.length > 0
      ? { suggestions: Object.freeze([...extra.suggestions]) }
      : {}),
    data: Object.freeze({ ...data }),
  });
}

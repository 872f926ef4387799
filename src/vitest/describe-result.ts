import type { EvaluationResult, StatementRef } from '../iam/evaluate/types.js';
import type { PermissionRequest } from './subject.js';

/** `policy.json:12:5 (identity, Sid "ReadArtifacts", statement #2)`. */
export function describeStatement(ref: StatementRef): string {
  const where = ref.range
    ? `${ref.policyId}:${ref.range.start.line}:${ref.range.start.column}`
    : `${ref.policyId}${ref.pointer ? `#${ref.pointer}` : ''}`;
  const level = ref.level !== undefined ? `, level ${ref.level}` : '';
  const sid = ref.sid ? `, Sid "${ref.sid}"` : '';
  return `${where} (${ref.policyType}${level}${sid}, ${ref.effect} statement #${ref.statementIndex})`;
}

/** A short, readable account of a request. */
export function describeRequest(request: PermissionRequest): string {
  const who =
    request.principal === undefined
      ? ''
      : ` by ${typeof request.principal === 'string' ? request.principal : JSON.stringify(request.principal)}`;
  return `${request.action} on ${request.resource}${who}`;
}

/** The body of a matcher failure message: decision, deciding statements, per-type verdicts, missing keys. */
export function describeResult(result: EvaluationResult): string {
  const lines = [`  decision: ${result.decision}`];
  if (result.explanation) lines.push(`  reason:   ${result.explanation.reason}`);
  if (result.reasons.length > 0) {
    lines.push('  decided by:');
    for (const r of result.reasons) lines.push(`    - ${describeStatement(r)}`);
  } else if (result.decision === 'ImplicitDeny') {
    lines.push('  decided by: no statement allowed the request');
  }
  const verdicts = Object.entries(result.byPolicyType).filter(([, v]) => v !== 'NotApplicable');
  if (verdicts.length > 0) lines.push(`  by policy type: ${verdicts.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  for (const g of result.explanation?.blockedBy ?? []) {
    lines.push(
      `  blocked by: ${g.type}${g.level !== undefined ? ` level ${g.level}` : ''}${g.policyIds.length > 0 ? ` (${g.policyIds.join(', ')})` : ''}`,
    );
  }
  if (result.missingContextKeys.length > 0)
    lines.push(`  missing context keys: ${result.missingContextKeys.join(', ')}`);
  for (const d of result.diagnostics) lines.push(`  ${d.severity}: ${d.message} [${d.ruleId}]`);
  return lines.join('\n');
}

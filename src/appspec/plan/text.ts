/**
 * A readable timeline of a deployment plan: one table row per step (event, source revision,
 * status, scripts or functions, budget), then the configuration, traffic and findings.
 *
 * @module
 */
import { TARGET_TITLES } from './mermaid.js';
import { planOrEmpty } from './shape.js';
import type { DeploymentPlan, Step } from './types.js';

/** Options of {@link planToText}. */
export interface PlanTextOptions {
  /** List the plan's diagnostics after the table. Default true. */
  readonly diagnostics?: boolean;
}

const KIND_TITLES: Readonly<Record<DeploymentPlan['kind'], string>> = {
  'server-in-place': 'EC2/On-Premises in-place deployment, no load balancer',
  'server-in-place-lb': 'EC2/On-Premises in-place deployment with a load balancer',
  'server-blue-green': 'EC2/On-Premises blue/green deployment',
  'server-blue-green-rollback': 'EC2/On-Premises blue/green rollback',
  'ecs-blue-green': 'Amazon ECS blue/green deployment',
  'ecs-rollback': 'Amazon ECS rollback',
  lambda: 'AWS Lambda deployment',
};

const SOURCE_TEXT: Readonly<Record<Step['source'], string>> = {
  current: 'current',
  'last-successful': 'last successful',
  'most-recent': 'most recent',
  none: '-',
};

/** Replaces control characters so AppSpec text cannot break the table. */
function flat(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    out += code < 32 || code === 127 ? ' ' : ch;
  }
  return out;
}

function stepItems(step: Step): string[] {
  if (step.scripts) {
    return step.scripts.map((s) => {
      const user = s.runas !== undefined ? `, as ${s.runas}` : '';
      return flat(`${s.location} (${s.timeout} s${user}${s.sudo ? ', sudo' : ''})`);
    });
  }
  return (step.functions ?? []).map(flat);
}

function statusText(step: Step): string {
  if (step.status === 'runs') return step.failureIgnored ? 'runs (failure ignored)' : 'runs';
  return step.statusReason ? `${step.status} (${step.statusReason})` : step.status;
}

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] as number)))
    .join('  ')
    .trimEnd();
}

/**
 * Renders `plan` as a plain-text timeline table followed by its settings and findings. A value
 * that is not a plan renders as an empty one.
 */
export function planToText(given: DeploymentPlan, options: PlanTextOptions = {}): string {
  const plan = planOrEmpty(given);
  const out: string[] = [`${KIND_TITLES[plan.kind]}${plan.rollback ? ' (rollback)' : ''}`];
  const header = ['#', 'Target', 'Event', 'Source', 'Status', 'Budget', 'Scripts / functions'];
  const rows: string[][] = [];
  let n = 0;
  for (const phase of plan.phases) {
    for (const step of phase.steps) {
      n++;
      const items = stepItems(step);
      rows.push([
        String(n),
        TARGET_TITLES[phase.target],
        `${step.event}${step.reserved ? '*' : ''}`,
        SOURCE_TEXT[step.source],
        statusText(step),
        step.reserved ? '' : `${step.budgetSeconds} s`,
        items[0] ?? '',
      ]);
      for (const more of items.slice(1)) rows.push(['', '', '', '', '', '', more]);
    }
  }
  if (rows.length === 0) out.push('', 'No steps: the AppSpec could not be read.');
  else {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
    out.push(
      '',
      pad(header, widths),
      pad(
        widths.map((w) => '-'.repeat(w)),
        widths,
      ),
    );
    for (const r of rows) out.push(pad(r, widths));
    out.push('', '* reserved event: the agent or the service does the work; no hooks run.');
  }
  out.push('', `Budget: ${plan.budgetSeconds} s of hooks (worst case, each event capped at 3600 s)`);
  if (plan.deploymentWorstCaseSeconds !== plan.budgetSeconds) {
    out.push(`Worst case for the whole deployment: ${plan.deploymentWorstCaseSeconds} s`);
  }
  if (plan.deploymentConfig) out.push(`Configuration: ${plan.deploymentConfig}`);
  if (plan.batches) out.push(`Batches: ${summariseBatches(plan.batches)}`);
  if (plan.traffic) out.push(`Traffic: ${plan.traffic.map((t) => `${t.percent}% at ${t.minute} min`).join(' -> ')}`);
  if (plan.environment.length > 0) out.push(`Environment: ${plan.environment.map((v) => v.name).join(', ')}`);
  if (options?.diagnostics !== false && plan.diagnostics.length > 0) {
    out.push('', 'Findings:');
    for (const d of plan.diagnostics) {
      out.push(`  ${d.range.start.line}:${d.range.start.column}  ${d.severity}  ${flat(d.message)}  ${d.ruleId}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** `5, 5` for short lists; `1000 batches: 1 × 1000` style runs for long ones. */
function summariseBatches(batches: readonly number[]): string {
  if (batches.length <= 12) return batches.join(', ');
  const runs: string[] = [];
  let i = 0;
  while (i < batches.length) {
    let j = i;
    while (j < batches.length && batches[j] === batches[i]) j++;
    runs.push(`${j - i} × ${batches[i]}`);
    i = j;
  }
  return `${batches.length} batches (${runs.join(', ')} instances)`;
}

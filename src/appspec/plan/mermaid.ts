/**
 * A Mermaid flowchart of a deployment plan, to paste into Markdown. Node ids are generated
 * (`p0s1`), and every label is quoted with Mermaid's entity codes for characters that would
 * end or change it, so AppSpec text can never break the diagram.
 *
 * @module
 */
import { planOrEmpty } from './shape.js';
import type { DeploymentPlan, Phase, PhaseTarget, Step } from './types.js';

/** Phase titles. */
export const TARGET_TITLES: Readonly<Record<PhaseTarget, string>> = {
  instance: 'Each instance',
  replacement: 'Replacement instances',
  original: 'Original instances',
  'ecs-service': 'ECS service',
  'lambda-function': 'Lambda function',
};

const ENTITIES: Readonly<Record<string, string>> = {
  '#': '#35;',
  '"': '#quot;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '`': '#96;',
};

/** Text made safe inside a quoted Mermaid label: entity codes for `# " & < > \``, spaces for controls. */
export function escapeMermaidLabel(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (Object.hasOwn(ENTITIES, ch)) out += ENTITIES[ch];
    else if (code < 32 || code === 127 || code === 0x2028 || code === 0x2029) out += ' ';
    else out += ch;
  }
  return out;
}

const MAX_SCRIPTS_SHOWN = 3;
const MAX_TEXT = 60;

function clipText(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

const REASONS: Readonly<Record<string, string>> = {
  'first-deployment': 'no previous revision',
  'no-scripts': 'no scripts',
  'no-function': 'no function',
  'no-test-listener': 'no test listener',
  'previous-appspec-unknown': 'previous AppSpec unknown',
};

/** The lines of one step's label, unescaped. */
function labelLines(step: Step, plan: DeploymentPlan): string[] {
  const lines = [step.event];
  if (step.event === 'AllowTraffic' && plan.traffic && plan.traffic.length > 1) {
    lines.push(plan.traffic.map((t) => `${t.percent}% at ${t.minute} min`).join(', '));
  }
  if (step.source === 'last-successful' || step.source === 'most-recent') {
    lines.push(`scripts of the ${step.source === 'last-successful' ? 'last successful' : 'most recent'} revision`);
  }
  if (step.status !== 'runs') {
    lines.push(`${step.status}: ${step.statusReason ? (REASONS[step.statusReason] ?? step.statusReason) : ''}`.trim());
  }
  if (step.reserved) return lines;
  const names = step.scripts?.map((s) => s.location) ?? step.functions ?? [];
  for (const name of names.slice(0, MAX_SCRIPTS_SHOWN)) lines.push(clipText(name));
  if (names.length > MAX_SCRIPTS_SHOWN) lines.push(`+${names.length - MAX_SCRIPTS_SHOWN} more`);
  if (step.budgetSeconds > 0) lines.push(`up to ${step.budgetSeconds} s`);
  return lines;
}

function nodeId(phase: number, step: number): string {
  return `p${phase}s${step}`;
}

function stepClass(step: Step): 'reserved' | 'noop' | 'runs' {
  if (step.status !== 'runs') return 'noop';
  return step.reserved ? 'reserved' : 'runs';
}

/**
 * Renders `plan` as a Mermaid `flowchart TD`: one subgraph per phase, steps in run order. A value
 * that is not a plan renders as an empty one.
 */
export function planToMermaid(given: DeploymentPlan): string {
  const plan = planOrEmpty(given);
  const out = ['flowchart TD'];
  if (plan.phases.length === 0) {
    out.push('  empty["No plan: the AppSpec could not be read"]');
    return `${out.join('\n')}\n`;
  }
  const ids: string[] = [];
  const classes: Record<'reserved' | 'noop' | 'runs', string[]> = { reserved: [], noop: [], runs: [] };
  plan.phases.forEach((phase: Phase, i: number) => {
    out.push(`  subgraph phase${i} ["${escapeMermaidLabel(TARGET_TITLES[phase.target])}"]`);
    out.push('    direction TB');
    phase.steps.forEach((step, j) => {
      const id = nodeId(i, j);
      const label = labelLines(step, plan).map(escapeMermaidLabel).join('<br/>');
      out.push(step.reserved ? `    ${id}(["${label}"])` : `    ${id}["${label}"]`);
      ids.push(id);
      classes[stepClass(step)].push(id);
    });
    out.push('  end');
  });
  for (let k = 1; k < ids.length; k++) out.push(`  ${ids[k - 1]} --> ${ids[k]}`);
  out.push('  classDef runs fill:#e8f1fb,stroke:#2f6fb3,color:#10243a');
  out.push('  classDef reserved fill:#eeeeee,stroke:#8a8a8a,color:#333333');
  out.push('  classDef noop fill:#ffffff,stroke:#b0b0b0,stroke-dasharray:4 3,color:#777777');
  for (const name of ['runs', 'reserved', 'noop'] as const) {
    if (classes[name].length > 0) out.push(`  class ${classes[name].join(',')} ${name}`);
  }
  return `${out.join('\n')}\n`;
}

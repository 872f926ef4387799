import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMermaidLabel, planToMermaid } from '../../../src/appspec/plan/mermaid.js';
import { planDeployment } from '../../../src/appspec/plan/plan.js';
import { FULL_SERVER, lambda, server } from './fixtures.js';

/** Node definition lines: `id["label"]` or `id(["label"])`. */
const NODE = /^ {4}(p\d+s\d+)(\(\[|\[)"([^"]*)"(\]\)|\])$/;

describe('planToMermaid', () => {
  it('draws one subgraph per phase and chains every step in run order', () => {
    const plan = planDeployment(FULL_SERVER, { deploymentType: 'blue-green', previousAppSpec: null });
    const text = planToMermaid(plan);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart TD');
    expect(lines.filter((l) => l.startsWith('  subgraph '))).toEqual([
      '  subgraph phase0 ["Replacement instances"]',
      '  subgraph phase1 ["Original instances"]',
    ]);
    const nodes = lines.filter((l) => NODE.test(l)).map((l) => (NODE.exec(l) as RegExpExecArray)[1]);
    const steps = plan.phases.reduce((n, p) => n + p.steps.length, 0);
    expect(nodes).toHaveLength(steps);
    const edges = lines.filter((l) => l.includes(' --> '));
    expect(edges).toHaveLength(steps - 1);
    for (const [i, e] of edges.entries()) expect(e).toBe(`  ${nodes[i]} --> ${nodes[i + 1]}`);
    expect(text).toContain('p0s0(["Start"])');
    expect(text).toContain('ApplicationStop<br/>no-op: no previous revision');
    expect(text).toMatch(/class [p0-9s,]+ noop/);
  });

  it('shows traffic shifts on AllowTraffic and functions on hook steps', () => {
    const plan = planDeployment(lambda([['BeforeAllowTraffic', 'Check']]), {
      deploymentConfig: 'LambdaLinear10PercentEvery1Minute',
    });
    const text = planToMermaid(plan);
    expect(text).toContain('AllowTraffic<br/>10% at 0 min, 20% at 1 min');
    expect(text).toContain('BeforeAllowTraffic<br/>Check<br/>up to 3600 s');
    expect(text).toContain('AfterAllowTraffic<br/>no-op: no function');
  });

  it('lists at most three scripts per step', () => {
    const app = server({ AfterInstall: ['a.sh', 'b.sh', 'c.sh', 'd.sh', 'e.sh'] });
    expect(planToMermaid(planDeployment(app, { previousAppSpec: null }))).toContain(
      'a.sh<br/>b.sh<br/>c.sh<br/>+2 more',
    );
  });

  it('draws a single node for an empty plan', () => {
    const plan = planDeployment({} as never);
    expect(planToMermaid(plan)).toBe('flowchart TD\n  empty["No plan: the AppSpec could not be read"]\n');
  });

  it('never lets AppSpec text break a label or a line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ maxLength: 40 }), (location, fn) => {
        const plan = planDeployment(server({ AfterInstall: [location] }), { previousAppSpec: null });
        const ecsPlan = planDeployment(lambda([['BeforeAllowTraffic', fn]]));
        for (const text of [planToMermaid(plan), planToMermaid(ecsPlan)]) {
          for (const line of text.trimEnd().split('\n')) {
            if (line.startsWith('    p')) {
              const m = NODE.exec(line);
              expect(m, line).not.toBeNull();
              const label = ((m as RegExpExecArray)[3] as string).replaceAll('<br/>', '');
              expect(label).not.toMatch(/["`<>]/);
              expect(label.replace(/#(?:quot|amp|lt|gt|35|96);/g, '')).not.toContain('#');
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('escapeMermaidLabel', () => {
  it('uses entity codes for the characters that end or change a label', () => {
    expect(escapeMermaidLabel('a "b" <c> & #d `e`')).toBe('a #quot;b#quot; #lt;c#gt; #amp; #35;d #96;e#96;');
    expect(escapeMermaidLabel('x\ny\tz\u2028')).toBe('x y z ');
    expect(escapeMermaidLabel('plain text/ok.sh')).toBe('plain text/ok.sh');
  });
});

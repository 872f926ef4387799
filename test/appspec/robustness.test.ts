import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { lintAppSpec } from '../../src/appspec/lint.js';
import { parseAppSpec } from '../../src/appspec/parse/index.js';
import type { LintOptions } from '../../src/appspec/types.js';
import { LineIndex } from '../../src/diagnostics/line-index.js';
import { agentCases, badRange, corpusFiles, expectRangesInside } from './shared.js';

const SEEDS: string[] = [...corpusFiles().map((f) => f.text), ...agentCases().map((c) => c.yaml)];
const PLATFORMS: readonly (LintOptions['platform'] | undefined)[] = [undefined, 'server', 'ecs', 'lambda'];
const SNIPPETS = [
  ':',
  '-',
  '\t',
  '"',
  "'",
  '&a ',
  '*a',
  '\n',
  '\r\n',
  '[',
  ']',
  '{',
  '}',
  '#',
  '!',
  '|',
  '>',
  '<<: *a\n',
  '\uFEFF',
  ' ',
  '---\n',
  '%YAML 1.1\n',
  '?',
  ',',
  '\u00a0',
  '\u0000',
  '  - ',
  ': ',
  '[[[[',
  '{{',
  '0644',
  '1:30',
  '.',
  '~',
];

/** Lints `text` and returns a problem description, or null when nothing threw and every range is inside. */
function problem(text: string, platform: LintOptions['platform'] | undefined, agent: '1.x' | '2.x'): string | null {
  const options: LintOptions = platform ? { platform, agent } : { agent };
  const r = lintAppSpec(text, options);
  const internal = r.diagnostics.find((d) => d.ruleId === 'appspec/internal-error');
  if (internal) return internal.message;
  if (r.verdict.outcome === 'reject' && !r.diagnostics.some((d) => d.severity === 'error'))
    return 'reject without error';
  return badRange(r.diagnostics, text, new LineIndex(text));
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), code: fc.integer({ min: 0, max: 0x2fff }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), what: fc.constantFrom(...SNIPPETS) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('crlf' as const) }),
  fc.record({ kind: fc.constant('nest' as const), depth: fc.integer({ min: 1, max: 400 }), flow: fc.boolean() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, ms: readonly Mutation[]): string {
  let t = text;
  for (const m of ms) {
    switch (m.kind) {
      case 'flip': {
        const at = t.length === 0 ? 0 : m.at % t.length;
        t = t.slice(0, at) + String.fromCharCode(m.code) + t.slice(at + 1);
        break;
      }
      case 'insert': {
        const at = m.at % (t.length + 1);
        t = t.slice(0, at) + m.what + t.slice(at);
        break;
      }
      case 'delete': {
        const at = t.length === 0 ? 0 : m.at % t.length;
        t = t.slice(0, at) + t.slice(at + m.len);
        break;
      }
      case 'crlf':
        t = t.replace(/\n/g, '\r\n');
        break;
      case 'nest':
        t = m.flow ? `a: ${'['.repeat(m.depth)}x${']'.repeat(m.depth)}\n${t}` : `${'- '.repeat(m.depth)}x\n${t}`;
        break;
    }
  }
  return t;
}

describe('robustness: lint never throws and every range lies inside the input', () => {
  it('mutated corpus files and conformance cases (6,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEEDS),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...PLATFORMS),
        fc.constantFrom('1.x' as const, '2.x' as const),
        (seed, ms, platform, agent) => problem(mutate(seed, ms), platform, agent) === null,
      ),
      { numRuns: 6000 },
    );
  });

  it('random YAML-ish token soup (3,000 runs)', () => {
    const soup = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            ...SNIPPETS,
            'version',
            'os',
            'hooks',
            'files',
            'Resources',
            'Hooks',
            'location',
            'linux',
            '0.0',
            'AfterInstall',
          ),
          fc.string({ maxLength: 4 }),
        ),
        { maxLength: 60 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(soup, fc.constantFrom(...PLATFORMS), (text, platform) => problem(text, platform, '1.x') === null),
      { numRuns: 3000 },
    );
  });

  it('random strings, including binary data as latin1 (1,500 runs)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.uint8Array({ maxLength: 300 }).map((b) => String.fromCharCode(...b)),
        ),
        fc.constantFrom(...PLATFORMS),
        (text, platform) => problem(text, platform, '1.x') === null,
      ),
      { numRuns: 1500 },
    );
  });
});

describe('robustness: hostile inputs', () => {
  const run = (text: string, options: LintOptions = {}) => {
    const r = lintAppSpec(text, options);
    expectRangesInside(r.diagnostics, text);
    return r;
  };

  it('empty text', () => {
    const r = run('');
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['appspec/empty']);
    expect(r.diagnostics[0]?.range.start).toEqual({ line: 1, column: 1, offset: 0 });
  });

  it('binary data', () => {
    let seed = 7;
    const bytes = Array.from({ length: 50_000 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    });
    const r = run(String.fromCharCode(...bytes));
    expect(r.verdict.outcome).toBe('reject');
  });

  it('BOM, tabs and CRLF', () => {
    expect(run('\uFEFFversion: 0.0\r\nos: linux\r\n').diagnostics.map((d) => d.ruleId)).toEqual([
      'file/bom',
      'file/crlf',
    ]);
    expect(run('version: 0.0\nos: linux\nhooks:\n\tAfterInstall: []\n').diagnostics.map((d) => d.ruleId)).toContain(
      'yaml/tab-indent',
    );
  });

  it('a 10 MB input (comments, a long block scalar, long lines) finishes in seconds', () => {
    const comment = `# ${'x'.repeat(98)}\n`;
    const block = `  ${'y'.repeat(200)}\n`;
    const text = `version: 0.0\nos: linux\n${comment.repeat(50_000)}notes: |\n${block.repeat(25_000)}`;
    expect(text.length).toBeGreaterThanOrEqual(10_000_000);
    const t0 = performance.now();
    const r = lintAppSpec(text);
    expect(r.platform).toBe('server');
    expect(r.verdict.outcome).toBe('accept');
    expect(performance.now() - t0).toBeLessThan(15_000); // a few seconds on an idle machine
  });

  it('a 1 MB structured input costs a small multiple of a bare YAML parse', () => {
    const entry = (i: number) =>
      `  - object: /var/www/d${i}\n    pattern: "*.php"\n    owner: www-data\n    mode: "0644"\n    type: [file]\n`;
    const text = `version: 0.0\nos: linux\npermissions:\n${Array.from({ length: 10_000 }, (_, i) => entry(i)).join('')}`;
    let t0 = performance.now();
    parseDocument(text);
    const bare = performance.now() - t0;
    t0 = performance.now();
    const r = lintAppSpec(text, { platform: 'server' });
    const ms = performance.now() - t0;
    expect(r.appSpec?.platform === 'server' && r.appSpec.permissions.length).toBe(10_000);
    // Relative bound: absolute times vary with the machine's load; a quadratic rule would blow it.
    expect(ms).toBeLessThan(Math.max(8 * bare, 2000));
  });

  it('10,000-deep nesting, flow and block, is refused without overflowing the stack', () => {
    for (const text of [
      `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
      `${'- '.repeat(10_000)}x\n`,
      `${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`,
      Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
    ]) {
      const r = run(text);
      expect(r.diagnostics.some((d) => d.ruleId === 'yaml/syntax' && d.severity === 'error')).toBe(true);
    }
  });

  it('alias bombs (billion laughs) stay cheap and are reported', () => {
    const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++)
      lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]`);
    const text = `version: 0.0\nos: linux\n${lines.join('\n')}\nhooks: *a9\n`;
    const t0 = performance.now();
    const r = run(text, { platform: 'server' });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.diagnostics.filter((d) => d.ruleId === 'yaml/alias').length).toBeGreaterThan(80);
    expect(parseAppSpec(text).appSpec?.platform).toBe('server');
  });

  it('unknown tags, multiple documents and JSON', () => {
    expect(run('version: 0.0\nos: !Custom linux\n').diagnostics.map((d) => d.ruleId)).toContain('yaml/tag');
    expect(run('version: 0.0\nos: linux\n---\nfoo: 1\n---\nbar: 2\n').diagnostics.map((d) => d.ruleId)).toContain(
      'yaml/multi-document',
    );
    const json = run(
      '{"version": 0.0, "Resources": [{"myFn": {"Type": "AWS::Lambda::Function", "Properties": {"Name": "f", "Alias": "live", "CurrentVersion": "1", "TargetVersion": "2"}}}]}',
    );
    expect(json.platform).toBe('lambda');
  });
});

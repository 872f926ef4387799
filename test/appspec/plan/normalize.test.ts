import { describe, expect, it } from 'vitest';
import { MAX_MODEL_PROBLEMS, normalizeAppSpecModel } from '../../../src/appspec/plan/normalize.js';
import { planDeployment } from '../../../src/appspec/plan/plan.js';
import { planToMermaid } from '../../../src/appspec/plan/mermaid.js';
import { planToText } from '../../../src/appspec/plan/text.js';
import { ecs, FULL_SERVER, lambda } from './fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: models broken by hand, at any depth
type Broken = any;

/** A writable deep copy of a model, to break by hand. */
const copy = (v: unknown): Broken => JSON.parse(JSON.stringify(v));

function modelProblems(appSpec: unknown): unknown {
  const plan = planDeployment(appSpec as never, { previousAppSpec: null });
  const d = plan.diagnostics.find((x) => x.ruleId === 'plan/appspec-invalid' && x.data?.problems);
  expect(() => JSON.stringify(plan)).not.toThrow();
  expect(typeof planToText(plan)).toBe('string');
  expect(typeof planToMermaid(plan)).toBe('string');
  return d;
}

describe('normalizeAppSpecModel', () => {
  it('accepts a well-formed model unchanged in content and reports nothing', () => {
    for (const m of [FULL_SERVER, ecs([['BeforeInstall', 'f']]), lambda([['BeforeAllowTraffic', null]])]) {
      const r = normalizeAppSpecModel(m);
      expect(r.problems).toEqual([]);
      expect(copy(r.appSpec)).toEqual(copy(m));
    }
  });

  it('is no model for non-objects and unknown platforms', () => {
    for (const v of [undefined, null, 0, 'x', [], { platform: 'nonsense' }, {}]) {
      const r = normalizeAppSpecModel(v);
      expect(r.appSpec).toBeUndefined();
      expect(r.problems.length).toBe(1);
    }
  });

  it('names the malformed paths of a server model and keeps the rest', () => {
    const m = copy(FULL_SERVER);
    const first = Object.keys(m.hooks)[0] as string;
    const second = Object.keys(m.hooks)[1] as string;
    m.hooks[first] = null;
    m.hooks[second][0] = null;
    m.hooks.Odd = [{ location: 'a.sh', timeoutSeconds: Number.NaN, sudo: 'yes', runas: 0, range: null }];
    m.hookRanges.Odd = 5;
    m.files = 'x';
    m.permissions = [null];
    m.version = {};
    m.os = 7;
    m.fileExistsBehavior = 'MAYBE';
    const r = normalizeAppSpecModel(m);
    expect(r.problems).toEqual(
      expect.arrayContaining([
        `hooks.${first} is not a list of scripts; left out`,
        `hooks.${second}[0] is not a script (an object with a string location); left out`,
        'hooks.Odd[0].timeoutSeconds is not a finite number of seconds; 3600 is used',
        'hooks.Odd[0].sudo is not a boolean; false is used',
        'hooks.Odd[0].runas is not a string or null; null is used',
        'hooks.Odd[0].range is not a range; 1:1 is used',
        'hookRanges.Odd is not a range; left out',
        'files is not a list; an empty one is used',
        'permissions[0] is not a permissions entry (a string object); left out',
        'version is not a number, a string or null; null is used',
        'appSpec.os is not a string or null; null is used',
        "fileExistsBehavior is not 'DISALLOW', 'OVERWRITE', 'RETAIN' or null; null is used",
      ]),
    );
    const model = r.appSpec;
    expect(model?.platform).toBe('server');
    if (model?.platform !== 'server') return;
    expect(Object.hasOwn(model.hooks, first)).toBe(false);
    expect(model.hooks.Odd?.[0]).toMatchObject({ location: 'a.sh', timeoutSeconds: 3600, sudo: false, runas: null });
    expect(model.files).toEqual([]);
    expect(model.os).toBeNull();
  });

  it('reports a hooks map that is not one, and bad ranges in files', () => {
    const m = copy(FULL_SERVER);
    m.hooks = [];
    m.hookRanges = 0;
    m.files = [
      {
        source: 'a',
        destination: 'b',
        range: { start: { line: 2, column: 1, offset: 5 }, end: { line: 1, column: 1, offset: 0 } },
      },
      3,
    ];
    const r = normalizeAppSpecModel(m);
    expect(r.problems).toEqual([
      'hooks is not a map of event names to script lists; no hooks are used',
      'hookRanges is not a map of event names to ranges; none are used',
      'files[0].range is not a range; 1:1 is used',
      'files[1] is not a file entry (string source and destination); left out',
    ]);
  });

  it('names malformed ECS and Lambda hooks and resources', () => {
    const m = copy(ecs([['BeforeInstall', 'f']]));
    m.hooks = [
      null,
      { event: 0, functionName: 'f' },
      { event: 'BeforeInstall', functionName: 0, range: m.hooks[0]?.range },
    ];
    m.resource = 'x';
    const r = normalizeAppSpecModel(m);
    expect(r.problems).toEqual([
      'hooks[0] is not a hook (an object with a string event); left out',
      'hooks[1] is not a hook (an object with a string event); left out',
      'hooks[2].functionName is not a string or null; null is used',
      'resource is not an object or null; null is used',
    ]);
    expect(r.appSpec?.platform === 'ecs' && r.appSpec.hooks).toMatchObject([
      { event: 'BeforeInstall', functionName: null },
    ]);
    const l = copy(lambda());
    l.hooks = 'x';
    expect(normalizeAppSpecModel(l).problems).toEqual(['hooks is not a list; an empty one is used']);
  });

  it('caps the list of problems', () => {
    const m = copy(ecs());
    m.hooks = new Array(MAX_MODEL_PROBLEMS + 7).fill(null);
    const r = normalizeAppSpecModel(m);
    expect(r.problems.length).toBe(MAX_MODEL_PROBLEMS + 1);
    expect(r.problems.at(-1)).toBe('… and 7 more problems');
  });

  it('clips and flattens odd event names in paths', () => {
    const m = copy(FULL_SERVER);
    m.hooks = { [`a\n${'x'.repeat(100)}`]: 1 };
    const [p] = normalizeAppSpecModel(m).problems;
    expect(p?.includes('\n')).toBe(false);
    expect(p?.length).toBeLessThan(120);
  });
});

describe('planDeployment with a malformed AppSpec object', () => {
  it.each([
    ['hooks.BeforeInstall = null', (m: Broken) => (m.hooks.BeforeInstall = null), 'hooks.BeforeInstall is not a list'],
    ['hooks.BeforeInstall = 0', (m: Broken) => (m.hooks.BeforeInstall = 0), 'hooks.BeforeInstall is not a list'],
    [
      'hooks.BeforeInstall[0] = null',
      (m: Broken) => (m.hooks.BeforeInstall = [null]),
      'hooks.BeforeInstall[0] is not a script',
    ],
    [
      'location 0',
      (m: Broken) => (m.hooks.BeforeInstall = [{ location: 0 }]),
      'hooks.BeforeInstall[0] is not a script',
    ],
    [
      'location Object.create(null)',
      (m: Broken) => (m.hooks.BeforeInstall = [{ location: Object.create(null) }]),
      'hooks.BeforeInstall[0] is not a script',
    ],
    [
      'cyclic location',
      (m: Broken) => {
        const c: Broken = {};
        c.c = c;
        m.hooks.BeforeInstall = [{ location: c }];
      },
      'hooks.BeforeInstall[0] is not a script',
    ],
  ])('%s: an error naming the path, and a plan of the rest', (_name, breakIt, text) => {
    const m = copy(FULL_SERVER);
    breakIt(m);
    const d = modelProblems(m) as { severity: string; message: string } | undefined;
    expect(d?.severity).toBe('error');
    expect(d?.message).toContain(text);
  });

  it('plans ECS hooks with a bad event or function name without throwing', () => {
    const hooks = [
      ['BeforeInstall', 'f'],
      ['AfterInstall', 'g'],
    ] as const;
    const m = copy(ecs(hooks));
    m.hooks[0] = null;
    expect((modelProblems(m) as { message: string }).message).toContain('hooks[0] is not a hook');
    const n = copy(ecs(hooks));
    n.hooks[0].event = 0;
    n.hooks[1].functionName = 0;
    const d = modelProblems(n) as { data: { problems: string[] } };
    expect(d.data.problems).toEqual([
      'hooks[0] is not a hook (an object with a string event); left out',
      'hooks[1].functionName is not a string or null; null is used',
    ]);
  });

  it('reports the malformed parts of a previous AppSpec object too', () => {
    const prev = copy(FULL_SERVER);
    prev.hooks.ApplicationStop = [7];
    const plan = planDeployment(FULL_SERVER, { previousAppSpec: prev as never });
    const d = plan.diagnostics.find((x) => x.data?.problems);
    expect(d?.data?.input).toBe('previous');
    expect(d?.message).toContain('The previous AppSpec object is malformed');
  });

  it('summarises more than three problems in the message', () => {
    const m = copy(FULL_SERVER);
    m.hooks = { A: 1, B: 2, C: 3, D: 4, E: 5 };
    const d = modelProblems(m) as { message: string };
    expect(d.message).toContain('and 2 more');
  });
});

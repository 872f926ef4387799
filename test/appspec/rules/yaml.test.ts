import { describe, expect, it } from 'vitest';
import { lintAppSpec } from '../../../src/appspec/lint.js';
import { covered, findings } from './helpers.js';

const HEAD = 'version: 0.0\nos: linux\n';

describe('yaml/*', () => {
  it('yaml/syntax: at the parser position, with the parser code', () => {
    const text = `${HEAD}hooks: [a, b\n`;
    const ds = findings('yaml/syntax', text);
    expect(ds.length).toBeGreaterThan(0);
    expect(ds[0]?.data?.code).toBeTypeOf('string');
    expect(ds[0]?.range.start.line).toBeGreaterThanOrEqual(3);
    expect(findings('yaml/syntax', HEAD)).toEqual([]);
    expect(findings('yaml/syntax', `a: ${'['.repeat(500)}${']'.repeat(500)}`)[0]?.data?.code).toBe('NESTING_TOO_DEEP');
  });

  it('yaml/tab-indent replaces yaml/syntax for TAB indentation', () => {
    const text = `${HEAD}hooks:\n\tAfterInstall:\n\t\t- location: a.sh\n`;
    const r = lintAppSpec(text, { platform: 'server' });
    const ids = r.diagnostics.map((d) => d.ruleId);
    expect(ids).toContain('yaml/tab-indent');
    expect(ids).not.toContain('yaml/syntax');
    expect(r.verdict.first?.ruleId).toBe('yaml/tab-indent');
    expect(findings('yaml/tab-indent', `${HEAD}x: "a\tb"\ny: [1,\t2]\n`)).toEqual([]);
  });

  it('yaml/multi-document on the second ---', () => {
    const text = `---\n${HEAD}---\nversion: 1\n`;
    const [d] = findings('yaml/multi-document', text);
    expect(covered(text, d)).toBe('---');
    expect(d?.range.start.line).toBe(4);
    expect(findings('yaml/multi-document', `---\n${HEAD}...\n`)).toEqual([]);
  });

  it('yaml/duplicate-key on the later key with a related earlier one', () => {
    const text = `${HEAD}hooks:\n  AfterInstall: []\n  AfterInstall: []\nhooks: {}\n`;
    const ds = findings('yaml/duplicate-key', text);
    expect(ds.map((d) => covered(text, d))).toEqual(['AfterInstall', 'hooks']);
    expect(ds[1]?.related?.[0]?.range.start.line).toBe(3);
    expect(findings('yaml/duplicate-key', `${HEAD}a: 1\n"b": 2\n1: x\n1.0: y\n`)).toEqual([]);
    expect(findings('yaml/duplicate-key', `${HEAD}0644: a\n420: b\n`)).toHaveLength(1); // same agent value
  });

  it('yaml/alias: error for EC2, warning for ECS/Lambda; merge keys', () => {
    const text = `${HEAD}x: &a [1]\ny: *a\nz:\n  <<: {b: 1}\n`;
    const ds = findings('yaml/alias', text);
    expect(ds.map((d) => [covered(text, d), d.severity])).toEqual([
      ['*a', 'error'],
      ['<<', 'error'],
    ]);
    expect(
      findings('yaml/alias', 'Resources: &r []\nHooks: *r\nversion: 0.0\n', { platform: 'ecs' })[0]?.severity,
    ).toBe('warning');
    expect(findings('yaml/alias', `${HEAD}m: &m {a: 1}\nn:\n  <<: *m\n`)).toHaveLength(1);
  });

  it('yaml/timestamp: EC2 only, plain dates and timestamps', () => {
    const text = `${HEAD}a: 2020-01-01\nb: "2020-01-01"\nc: 2020-01-01 10:00:00\n`;
    expect(findings('yaml/timestamp', text).map((d) => covered(text, d))).toEqual([
      '2020-01-01',
      '2020-01-01 10:00:00',
    ]);
    expect(findings('yaml/timestamp', text, { platform: 'ecs' })).toEqual([]);
  });

  it('yaml/tag: !ruby is an error, other non-core tags warn, core tags pass', () => {
    const text = `${HEAD}a: !ruby/object:Foo {}\nb: !Custom x\nc: !!str 1\nd: !!map {}\n`;
    const ds = findings('yaml/tag', text);
    expect(ds.map((d) => d.severity)).toEqual(['error', 'warning']);
    expect(findings('yaml/tag', `${HEAD}a: !Ref x\n`, { platform: 'server' })).toEqual([]); // not an AppSpec: covered there
  });

  it('yaml/implicit-type: EC2 text fields whose agent text differs', () => {
    const text = `${HEAD}hooks:
  AfterInstall:
    - location: 1.10
      runas: yes
      timeout: 1:30
    - location: run.sh
      runas: true
      timeout: 60
files:
  - source: 0x1f
    destination: /x
permissions:
  - object: /x
    pattern: :sym
    owner: 0755
    except: [0644, "0644", a]
    acls: [.inf]
    context: {type: on}
`;
    const ds = findings('yaml/implicit-type', text);
    expect(ds.map((d) => covered(text, d))).toEqual([
      '1.10',
      'yes',
      '1:30',
      '0x1f',
      ':sym',
      '0755',
      '0644',
      '.inf',
      'on',
    ]);
    expect(ds[0]?.message).toContain("'1.1'");
    expect(findings('yaml/implicit-type', text, { platform: 'ecs' })).toEqual([]);
    expect(findings('yaml/implicit-type', '- a\n', { platform: 'server' })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { covered, findings, HEAD, lint } from './helpers.js';

const ids = (text: string, options = {}): string[] => lint(text, options).diagnostics.map((d) => d.ruleId);

describe('did-you-mean (spec §4.10)', () => {
  const suggestion = (text: string, ruleId: string): readonly string[] | undefined =>
    findings(text, ruleId)[0]?.suggestions;

  it('uses the fixed aliases of each level', () => {
    const hook = (extra: string) => `${HEAD}hooks:\n  AfterInstall:\n    - location: a.sh\n${extra}`;
    expect(suggestion(`${HEAD}permission: []\n`, 'ec2/unknown-key')).toEqual(['permissions']);
    expect(suggestion(`${HEAD}hook: {}\n`, 'ec2/unknown-key')).toEqual(['hooks']);
    expect(suggestion(`${HEAD}fileExistsBehavior: OVERWRITE\n`, 'ec2/unknown-key')).toEqual(['file_exists_behavior']);
    expect(suggestion(hook('      user: ec2-user\n'), 'ec2/unknown-key')).toEqual(['runas']);
    expect(suggestion(hook('      commands: x\n'), 'ec2/unknown-key')).toEqual(['location']);
    expect(suggestion(`${HEAD}files:\n  - src: /\n    dest: /x\n`, 'ec2/unknown-key')).toEqual(['source']);
    const perm = `${HEAD}permissions:\n  - object: /x\n    exclude: [a]\n    types: [file]\n    acl: []\n`;
    expect(findings(perm, 'ec2/unknown-key').map((d) => d.suggestions)).toEqual([['except'], ['type'], ['acls']]);
  });

  it('does not offer an alias that belongs to another level', () => {
    const text = `${HEAD}permissions:\n  - object: /x\n    context:\n      type: t\n      user: u\n`;
    expect(findings(text, 'ec2/unknown-key')).toEqual([]);
    expect(
      suggestion(`${HEAD}files:\n  - source: /\n    destination: /x\n    path: y\n`, 'ec2/unknown-key'),
    ).toBeUndefined();
  });

  it('falls back to edit distance, ties all listed', () => {
    expect(suggestion(`${HEAD}hoks: {}\n`, 'ec2/unknown-key')).toEqual(['hooks']);
    expect(suggestion(`${HEAD}hooks:\n  ApplicationStrat:\n    - location: a.sh\n`, 'ec2/hook-unknown')).toEqual([
      'ApplicationStart',
    ]);
    expect(suggestion(`${HEAD}hooks:\n  Install:\n    - location: a.sh\n`, 'ec2/hook-reserved')).toEqual([
      'BeforeInstall',
      'AfterInstall',
    ]);
    expect(suggestion(`${HEAD}hooks:\n  allowtraffic:\n    - location: a.sh\n`, 'ec2/hook-reserved')).toEqual([
      'BeforeAllowTraffic',
      'AfterAllowTraffic',
    ]);
    expect(
      findings(`${HEAD}hooks:\n  Start:\n    - location: a.sh\n`, 'ec2/hook-reserved')[0]?.suggestions,
    ).toBeUndefined();
  });

  it('suggests linux or windows for os values', () => {
    expect(suggestion('version: 0.0\nos: amazonlinux\n', 'ec2/os-value')).toEqual(['linux']);
    expect(suggestion('version: 0.0\nos: Windows\n', 'ec2/os-value')).toEqual(['windows']);
    expect(suggestion('version: 0.0\nos: linx\n', 'ec2/os-value')).toEqual(['linux']);
    expect(suggestion('version: 0.0\nos: beos\n', 'ec2/os-value')).toEqual(['linux', 'windows']);
    expect(suggestion(`${HEAD}file_exists_behavior: retain\n`, 'ec2/file-exists-behavior-value')).toEqual(['RETAIN']);
    expect(suggestion(`${HEAD}file_exists_behavior: on\n`, 'ec2/file-exists-behavior-value')).toEqual(['OVERWRITE']);
  });
});

describe('suppression (spec §4.9)', () => {
  it('skips everything below a node reported by a shape rule', () => {
    const list = ids(`${HEAD}hooks:\n  - afterInstall:\n      - location: a.sh --x\n`);
    expect(list).toContain('ec2/hooks-shape');
    expect(list.filter((id) => id.startsWith('ec2/hook') && id !== 'ec2/hooks-shape')).toEqual([]);
    expect(list).not.toContain('ec2/location-args');
    const perm = ids(`${HEAD}permissions:\n  object: /x\n  mode: 0755\n`);
    expect(perm).toContain('ec2/permissions-shape');
    expect(perm).not.toContain('ec2/mode-octal-rejected');
    expect(ids('- version: "0.0"\n')).toEqual(['ec2/top-level-shape']);
  });

  it('stops at a context that is not a mapping', () => {
    const list = ids(`${HEAD}permissions:\n  - object: /x\n    context: [user: u, range: s2-s1]\n`);
    expect(list).toContain('ec2/context-type-missing');
    expect(list).not.toContain('ec2/context-range');
    expect(list).not.toContain('ec2/context-user-key');
  });

  it('reports a mis-cased version twice: missing, and the key with its suggestion', () => {
    const text = 'Version: 0.0\nos: linux\n';
    expect(ids(text)).toEqual(expect.arrayContaining(['ec2/version-missing', 'ec2/key-case']));
    const keyCase = findings(text, 'ec2/key-case')[0];
    expect(keyCase && covered(text, keyCase)).toBe('Version');
    expect(keyCase?.suggestions).toEqual(['version']);
    const missing = findings(text, 'ec2/version-missing')[0];
    expect(missing?.range.start.offset).toBe(0);
    expect(missing?.range.end.offset).toBe(0);
    expect(missing?.related?.[0] && covered(text, { ...missing, range: missing.related[0].range })).toBe('Version');
  });
});

describe('verdict.first follows the agent evaluation order', () => {
  it('meets version before os, os before hooks, hooks before files and permissions, then file_exists_behavior', () => {
    const text =
      'file_exists_behavior: x\npermissions:\n  - mode: "1"\nfiles:\n  - /\nhooks:\n  A:\n    - b.sh\nos: ubuntu\nversion: "0.0"\n';
    const order = ['ec2/version-string', 'ec2/os-value', 'ec2/script-shape', 'ec2/files-item-shape'];
    let current = text;
    for (const id of order) {
      expect(lint(current).verdict.first?.ruleId).toBe(id);
      const d = findings(current, id)[0];
      expect(d).toBeDefined();
      // Remove the reported line and check that the next step takes over.
      const lineStart = current.lastIndexOf('\n', (d?.range.start.offset ?? 0) - 1) + 1;
      const lineEnd = current.indexOf('\n', d?.range.start.offset ?? 0) + 1;
      current = current.slice(0, lineStart) + current.slice(lineEnd);
      if (id === 'ec2/version-string') current += 'version: 0.0\n';
      if (id === 'ec2/os-value') current += 'os: linux\n';
    }
    expect(lint(current).verdict.first?.ruleId).toBe('ec2/permission-object-missing');
    expect(lint('version: 0.0\nos: linux\nfile_exists_behavior: x\n').verdict.first?.ruleId).toBe(
      'ec2/file-exists-behavior-value',
    );
  });

  it('checks a script shape, then its location, then its timeout', () => {
    const text = `${HEAD}hooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 0\n    - timeout: 5\n`;
    expect(lint(text).verdict.first?.ruleId).toBe('ec2/timeout-invalid');
    expect(lint(`${HEAD}hooks:\n  AfterInstall:\n    - timeout: yes\n`).verdict.first?.ruleId).toBe(
      'ec2/script-location-missing',
    );
  });

  it('never picks warnings or install-time findings, and accepts when only those exist', () => {
    const text = `${HEAD}permissions:\n  - object: /x\n    mode: 0644\n    acls: ["d:u:bob:rwx"]\n`;
    const r = lint(text);
    expect(r.verdict.outcome).toBe('accept');
    expect(r.verdict.first).toBeUndefined();
    const two = lint(`${HEAD}permissions:\n  - object: /x\n    pattern: "*.sh"\n    type: [file]\n`, { agent: '2.x' });
    expect(two.verdict.outcome).toBe('reject');
  });
});

describe('positions', () => {
  it('point at values including quotes, keys, items and the document start', () => {
    const text = `${HEAD}hooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: "300"\n    - "b.sh"\n`;
    const coerced = findings(text, 'ec2/timeout-coerced')[0];
    expect(coerced && covered(text, coerced)).toBe('"300"');
    expect(coerced?.data).toEqual({ effectiveTimeout: 300 });
    const shape = findings(text, 'ec2/script-shape')[0];
    expect(shape && covered(text, shape)).toBe('- "b.sh"');
    const missingOs = findings('# c\nversion: 0.0\n', 'ec2/os-missing')[0];
    expect(missingOs?.range.start).toEqual({ line: 2, column: 1, offset: 4 });
  });

  it('work the same for JSON and CRLF input', () => {
    const json = '{"version": "0.0", "os": "linux", "hooks": {"AfterInstall": [{"location": "a.sh", "timeout": 0}]}}';
    const v = findings(json, 'ec2/version-string')[0];
    expect(v && covered(json, v)).toBe('"0.0"');
    const t = findings(json, 'ec2/timeout-invalid')[0];
    expect(t && covered(json, t)).toBe('0');
    const crlf = 'version: 0.0\r\nos: linux\r\npermissions:\r\n  - object: /x\r\n    mode: 0755\r\n';
    const m = findings(crlf, 'ec2/mode-octal-rejected')[0];
    expect(m?.range.start).toMatchObject({ line: 5, column: 11 });
    expect(m && covered(crlf, m)).toBe('0755');
  });
});

describe('messages say what the agent sees', () => {
  it('shows YAML 1.1 values as the agent converts them', () => {
    expect(findings('version: 0.0\nos: on\n', 'ec2/os-value')[0]?.message).toContain('"true"');
    expect(findings('version: 0x0a\nos: linux\n', 'ec2/version-value')[0]?.message).toContain('10');
    const mode = findings(`${HEAD}permissions:\n  - object: /x\n    mode: 0644\n`, 'ec2/mode-octal-silent')[0];
    expect(mode?.data).toEqual({ agentMode: '420', writtenMode: '644' });
    expect(mode?.suggestions).toEqual(['"0644"']);
  });

  it('handles hostile names without throwing', () => {
    const text = `${HEAD}__proto__: 1\nconstructor: 2\nhooks:\n  __proto__:\n    - location: a.sh\n  ${'x'.repeat(1000)}:\n    - location: a.sh\n`;
    expect(() => lint(text)).not.toThrow();
    expect(findings(text, 'ec2/unknown-key').length).toBe(2);
    expect(findings(text, 'ec2/hook-unknown').length).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { command, detectKind, lintPolicyFile, parseRuleFlags } from '../../src/cli/commands/lint.js';
import { UsageError } from '../../src/cli/io.js';
import { fakeIO } from './fake-io.js';

const GOOD = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n';
const WARN = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\nhooks:\n  BeforeInstall: []\n';
const BAD = 'version: "0.0"\nos: linux\n';

describe('iamspec lint', () => {
  it('exits 0 for a clean file and prints nothing in stylish format', async () => {
    const io = fakeIO({ 'appspec.yml': GOOD });
    expect(await command.run(['appspec.yml'], io)).toBe(0);
    expect(io.out).toBe('');
  });

  it('exits 1 on errors and names the rule', async () => {
    const io = fakeIO({ 'appspec.yml': '\uFEFF' + GOOD });
    expect(await command.run(['appspec.yml'], io)).toBe(1);
    expect(io.out).toContain('file/bom');
  });

  it('honours --max-warnings and --rule', async () => {
    const io = fakeIO({ 'appspec.yml': WARN });
    expect(await command.run(['appspec.yml'], io)).toBe(0);
    expect(await command.run(['appspec.yml', '--max-warnings', '0'], io)).toBe(1);
    expect(io.err).toContain('--max-warnings');
    expect(await command.run(['appspec.yml', '--max-warnings', '0', '--rule', 'yaml/duplicate-key=off'], io)).toBe(0);
    expect(await command.run(['appspec.yml', '--rule', 'yaml/duplicate-key=error'], io)).toBe(1);
  });

  it('prints json, sarif and github formats', async () => {
    const io = fakeIO({ 'appspec.yml': BAD, 'b/appspec.yml': GOOD });
    await command.run(['appspec.yml', 'b/appspec.yml', '--format', 'json', '--platform', 'server'], io);
    const json = JSON.parse(io.out) as unknown;
    expect(JSON.stringify(json)).toContain('appspec.yml');
    io.out = '';
    await command.run(['appspec.yml', '--format', 'sarif'], io);
    expect((JSON.parse(io.out) as { version: string }).version).toBe('2.1.0');
    io.out = '';
    await command.run(['*.yml', '--format', 'github', '--agent', '2.x', '--os', 'linux'], io);
    expect(io.out).toMatch(/::(error|warning|notice)/);
  });

  it('exits 2 for usage errors, missing files and unreadable files', async () => {
    const io = fakeIO({ 'appspec.yml': GOOD });
    await expect(command.run([], io)).rejects.toBeInstanceOf(UsageError);
    await expect(command.run(['appspec.yml', '--format', 'xml'], io)).rejects.toBeInstanceOf(UsageError);
    await expect(command.run(['appspec.yml', '--max-warnings', 'x'], io)).rejects.toBeInstanceOf(UsageError);
    await expect(command.run(['appspec.yml', '--rule', 'nosev'], io)).rejects.toBeInstanceOf(UsageError);
    await expect(command.run(['appspec.yml', '--bogus'], io)).rejects.toBeInstanceOf(UsageError);
    expect(await command.run(['missing.yml'], io)).toBe(2);
    expect(io.err).toContain('missing.yml');
    expect(await command.run(['*.yaml'], io)).toBe(2);
    const broken = fakeIO({ 'appspec.yml': GOOD });
    broken.readFile = async () => {
      throw new Error('EACCES');
    };
    expect(await command.run(['appspec.yml'], broken)).toBe(2);
  });

  it('passes --max-rule-input-bytes to the AppSpec linter', async () => {
    const io = fakeIO({ 'appspec.yml': BAD });
    expect(await command.run(['appspec.yml', '--format', 'json'], io)).toBe(1);
    const full = io.out;
    expect(full).not.toContain('appspec/too-large');
    io.out = '';
    // Past the cap only the document-level checks run: the per-entry error is not reported.
    expect(await command.run(['appspec.yml', '--format', 'json', '--max-rule-input-bytes', '10'], io)).toBe(0);
    expect(io.out).toContain('appspec/too-large');
    const ids = (out: string): string[] => [...out.matchAll(/"ruleId":\s*"([^"]+)"/g)].map((m) => m[1] as string);
    expect(ids(io.out)).toEqual(['appspec/too-large']);
    expect(ids(full).length).toBeGreaterThan(0);
    expect(ids(full)).not.toContain('appspec/too-large');
    io.out = '';
    expect(
      await command.run(['appspec.yml', '--format', 'json', '--max-rule-input-bytes', String(BAD.length)], io),
    ).toBe(1);
    expect(ids(io.out)).toEqual(ids(full));
    await expect(command.run(['appspec.yml', '--max-rule-input-bytes', '-1'], io)).rejects.toBeInstanceOf(UsageError);
    await expect(command.run(['appspec.yml', '--max-rule-input-bytes', '1e6'], io)).rejects.toBeInstanceOf(UsageError);
    await expect(command.run(['appspec.yml', '--max-rule-input-bytes', '9'.repeat(16)], io)).rejects.toBeInstanceOf(
      UsageError,
    );
    io.out = '';
    expect(await command.run(['--help'], io)).toBe(0);
    expect(io.out).toContain('--max-rule-input-bytes N');
  });

  it('prints help', async () => {
    const io = fakeIO({});
    expect(await command.run(['--help'], io)).toBe(0);
    expect(io.out).toContain('usage: iamspec lint');
  });

  it('decides the kind per file', () => {
    expect(detectKind('p.json', '{"Version":"2012-10-17","Statement":[]}', 'auto')).toBe('policy');
    expect(detectKind('p.json', '{"version":0.0}', 'auto')).toBe('appspec');
    expect(detectKind('p.json', 'not json', 'auto')).toBe('appspec');
    expect(detectKind('p.json', '[1]', 'auto')).toBe('appspec');
    expect(detectKind('appspec.yml', 'Statement: []', 'auto')).toBe('appspec');
    expect(detectKind('appspec.yml', '', 'policy')).toBe('policy');
  });

  it('routes policy files to the policy linter', async () => {
    const io = fakeIO({ 'p.json': '{"Version":"2012-10-17","Statement":[]}' });
    let code: number;
    try {
      lintPolicyFile('{}', {});
      code = await command.run(['p.json', '--type', 'identity'], io);
      expect([0, 1]).toContain(code);
    } catch {
      code = await command.run(['p.json', '--type', 'identity'], io);
      expect(code).toBe(2);
      expect(io.err).toContain('policy linting not available');
    }
  });

  it('parses --rule flags without touching prototypes', () => {
    const s = parseRuleFlags(['__proto__=off', 'a/b=warning']);
    expect(Object.getPrototypeOf(s)).toBeNull();
    expect(s['a/b']).toBe('warning');
    expect(Object.hasOwn(s, '__proto__')).toBe(true);
  });
});

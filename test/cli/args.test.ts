import { describe, expect, it } from 'vitest';
import {
  diagnosticLine,
  errorMessage,
  isJsonObject,
  jsonOutput,
  oneOf,
  parseContextFlags,
  parseFlags,
  printHelp,
  readJsonFile,
  readTextFile,
  requireFlags,
  textOrJsonFormat,
  wholeNumberFlag,
} from '../../src/cli/args.js';
import { UsageError } from '../../src/cli/io.js';
import type { Diagnostic } from '../../src/diagnostics/types.js';
import { fakeIO } from './fake-io.js';

/** The message of the UsageError `f` throws (fails when it throws anything else or nothing). */
function usageMessage(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as UsageError).message;
  }
  throw new Error('expected a UsageError');
}

describe('cli args', () => {
  it('parses context flags', () => {
    expect(parseContextFlags(['a=1', 'b=2', 'b=3', 'c[]=x', 'd[]', 'e=x=y', 'd[]=z'])).toEqual({
      a: '1',
      b: ['2', '3'],
      c: ['x'],
      d: ['z'],
      e: 'x=y',
    });
    const proto = parseContextFlags(['__proto__=x']);
    expect(Object.keys(proto)).toEqual(['__proto__']);
    expect(usageMessage(() => parseContextFlags(['novalue']))).toBe("--context needs key=value, not 'novalue'");
    expect(usageMessage(() => parseContextFlags(['=x']))).toBe("--context needs a key: '=x'");
  });

  it('parses flags and turns parser errors into usage errors', () => {
    const parsed = parseFlags(['x', '--n', '3', '-b'], {
      allowPositionals: true,
      options: { n: { type: 'string' }, b: { type: 'boolean', short: 'b' } },
    });
    expect(parsed.positionals).toEqual(['x']);
    expect(parsed.values).toEqual({ n: '3', b: true });
    expect(usageMessage(() => parseFlags(['--bogus'], { options: {} }))).toContain("'--bogus'");
    expect(usageMessage(() => parseFlags(['x'], { options: {} }))).toContain("'x'");
    expect(usageMessage(() => parseFlags(['--n'], { options: { n: { type: 'string' } } }))).toContain('--n');
  });

  it('prints help with exit code 0', () => {
    const io = fakeIO();
    expect(printHelp(io, 'usage: x\n')).toBe(0);
    expect(io.out).toBe('usage: x\n');
    expect(io.err).toBe('');
  });

  it('checks enumerated flags', () => {
    expect(oneOf('format', undefined, ['a', 'b'])).toBeUndefined();
    expect(oneOf('format', 'b', ['a', 'b'])).toBe('b');
    expect(usageMessage(() => oneOf('format', 'c', ['a', 'b']))).toBe("--format must be one of a, b, not 'c'");
    expect(textOrJsonFormat(undefined)).toBe('text');
    expect(textOrJsonFormat('json')).toBe('json');
    expect(textOrJsonFormat('text')).toBe('text');
    expect(usageMessage(() => textOrJsonFormat('xml'))).toBe("--format must be text or json, not 'xml'");
  });

  it('names the first missing required flag', () => {
    expect(() => requireFlags({ a: 'x', b: '' }, ['a', 'b'])).not.toThrow();
    expect(usageMessage(() => requireFlags({ b: 'y' }, ['a', 'b']))).toBe('--a is required');
    expect(usageMessage(() => requireFlags({ a: 'x' }, ['a', 'b']))).toBe('--b is required');
  });

  it('parses whole-number flags within their bounds', () => {
    expect(wholeNumberFlag('n', undefined, { min: 0 })).toBeUndefined();
    expect(wholeNumberFlag('n', '0', { min: 0 })).toBe(0);
    expect(wholeNumberFlag('n', '0012', { min: 0 })).toBe(12);
    expect(wholeNumberFlag('n', '12345678901', { min: 0 })).toBe(12345678901);
    expect(wholeNumberFlag('n', '999999999', { min: 1, maxDigits: 9 })).toBe(999999999);
    for (const bad of ['', 'x', '-1', '1.5', '1e3', ' 1', '+1']) {
      expect(usageMessage(() => wholeNumberFlag('max-warnings', bad, { min: 0 }))).toBe(
        `--max-warnings must be a non-negative integer, not '${bad}'`,
      );
    }
    for (const bad of ['0', '000', '1234567890', 'many', '-3']) {
      expect(usageMessage(() => wholeNumberFlag('instances', bad, { min: 1, maxDigits: 9 }))).toBe(
        `--instances must be a positive integer, not '${bad}'`,
      );
    }
  });

  it('reads text and JSON files with printable errors', async () => {
    const io = fakeIO({ 'a.txt': 'hello', 'a.json': '{"x":[1]}', 'bad.json': '{' });
    expect(await readTextFile(io, 'a.txt')).toEqual({ text: 'hello' });
    const missing = await readTextFile(io, 'none.txt');
    expect('error' in missing && missing.error).toMatch(/^cannot read none\.txt: ENOENT/);
    expect(await readJsonFile(io, 'a.json')).toEqual({ value: { x: [1] } });
    const bad = await readJsonFile(io, 'bad.json');
    expect('error' in bad && bad.error).toMatch(/^bad\.json is not JSON: /);
    const gone = await readJsonFile(io, 'none.json');
    expect('error' in gone && gone.error).toMatch(/^cannot read none\.json: ENOENT/);
    io.readFile = () => Promise.reject('plain string');
    expect(await readTextFile(io, 'a.txt')).toEqual({ error: 'cannot read a.txt: plain string' });
  });

  it('formats errors, JSON output and diagnostic lines', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage(42)).toBe('42');
    expect(isJsonObject({})).toBe(true);
    expect(isJsonObject([])).toBe(false);
    expect(isJsonObject(null)).toBe(false);
    expect(isJsonObject('x')).toBe(false);
    expect(jsonOutput({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
    const d: Diagnostic = {
      ruleId: 'r/x',
      severity: 'warning',
      message: 'msg',
      range: { start: { line: 3, column: 7, offset: 20 }, end: { line: 3, column: 9, offset: 22 } },
    };
    expect(diagnosticLine('f.yml', d)).toBe('f.yml:3:7: warning r/x: msg');
  });
});

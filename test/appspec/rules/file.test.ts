import { describe, expect, it } from 'vitest';
import { covered, findings } from './helpers.js';

const OK = 'version: 0.0\nos: linux\n';

describe('file/*', () => {
  it('file/bom: offset 0, length 1', () => {
    const [d] = findings('file/bom', `\uFEFF${OK}`);
    expect(d?.range.start.offset).toBe(0);
    expect(d?.range.end.offset).toBe(1);
    expect(d?.severity).toBe('error');
    expect(findings('file/bom', OK)).toEqual([]);
  });

  it('file/name-case: EC2 only, case variants of the two names', () => {
    expect(findings('file/name-case', OK, { fileName: 'src/Appspec.yml' })[0]?.suggestions).toEqual(['appspec.yml']);
    expect(findings('file/name-case', OK, { fileName: 'APPSPEC.YAML' })).toHaveLength(1);
    expect(findings('file/name-case', OK, { fileName: 'appspec.yml' })).toEqual([]);
    expect(findings('file/name-case', OK, { fileName: 'other.yml' })).toEqual([]);
    expect(findings('file/name-case', OK)).toEqual([]);
    expect(findings('file/name-case', OK, { fileName: 'Appspec.yml', platform: 'ecs' })).toEqual([]);
  });

  it('file/name-nonstandard: warning for EC2, info for ECS/Lambda', () => {
    expect(findings('file/name-nonstandard', OK, { fileName: 'appspec-prod.yml' })[0]?.severity).toBe('warning');
    expect(findings('file/name-nonstandard', OK, { fileName: 'appspec.yaml' })).toEqual([]);
    expect(findings('file/name-nonstandard', OK, { fileName: 'Appspec.yml' })).toEqual([]);
    expect(findings('file/name-nonstandard', OK, { fileName: 'x.json', platform: 'ecs' })[0]?.severity).toBe('info');
    expect(findings('file/name-nonstandard', OK, { fileName: 'appspec.json', platform: 'lambda' })).toEqual([]);
    expect(findings('file/name-nonstandard', 'version: 0.0\n', { fileName: 'x.yml' })).toEqual([]);
  });

  it('file/not-at-root: EC2 with directory parts', () => {
    const [d] = findings('file/not-at-root', OK, { fileName: 'deploy/appspec.yml' });
    expect(d?.data).toEqual({ directory: 'deploy' });
    expect(findings('file/not-at-root', OK, { fileName: './appspec.yml' })).toEqual([]);
    expect(findings('file/not-at-root', OK, { fileName: 'appspec.yml' })).toEqual([]);
    expect(findings('file/not-at-root', OK, { fileName: 'a/appspec.yml', platform: 'ecs' })).toEqual([]);
  });

  it('file/crlf: once, at the first CRLF, with a count', () => {
    const text = 'version: 0.0\r\nos: linux\r\n';
    const [d, more] = findings('file/crlf', text);
    expect(covered(text, d)).toBe('\r\n');
    expect(d?.data).toEqual({ count: 2 });
    expect(more).toBeUndefined();
    expect(findings('file/crlf', 'a: 1\rb: 2\n')).toEqual([]);
  });

  it('file/invisible-char: NBSP, zero-width, late BOM, controls; runs merged; bounded', () => {
    const text = 'version: 0.0\nos:\u00a0linux\nx: a\u200b\u200cb\ny: \u0001\nz: \uFEFF\n';
    const ds = findings('file/invisible-char', text);
    expect(ds.map((d) => covered(text, d))).toEqual(['\u00a0', '\u200b\u200c', '\u0001', '\uFEFF']);
    expect(findings('file/invisible-char', `\uFEFF${OK}\t# tab ok\n`)).toEqual([]);
    expect(findings('file/invisible-char', 'a: \u2060\u007f\u200d\n')).toHaveLength(1);
    expect(findings('file/invisible-char', 'x\u0000y\n'.repeat(500)).length).toBe(50);
  });
});

import { describe, expect, it } from 'vitest';
import { command, defaultPolicyType, lintPolicyFile, policyRuleMetas } from '../../src/cli/commands/lint.js';
import { UsageError } from '../../src/cli/io.js';
import { fakeIO } from './fake-io.js';

const IDENTITY = JSON.stringify(
  { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] },
  null,
  2,
);
const RESOURCE = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject' }],
});
const BAD =
  '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}]\n}';

describe('iamspec lint on policy files', () => {
  it('exits 0 for a clean identity policy', async () => {
    const io = fakeIO({ 'p.json': IDENTITY });
    expect(await command.run(['p.json'], io)).toBe(0);
    expect(io.out).toBe('');
  });

  it('infers resource when a statement names a principal', async () => {
    expect(defaultPolicyType(RESOURCE)).toBe('resource');
    expect(defaultPolicyType(IDENTITY)).toBe('identity');
    expect(defaultPolicyType('{"Statement":{"NotPrincipal":{"AWS":"1"}}}')).toBe('resource');
    expect(defaultPolicyType('{"Statement":[null, 1]}')).toBe('identity');
    expect(defaultPolicyType('not json')).toBe('identity');
    const io = fakeIO({ 'r.json': RESOURCE });
    expect(await command.run(['r.json'], io)).toBe(0);
    // As an identity policy the same document is an error.
    expect(await command.run(['r.json', '--type', 'identity'], io)).toBe(1);
    expect(io.out).toContain('principal-in-identity-policy');
  });

  it('exits 1 with positions on errors, in every format', async () => {
    const io = fakeIO({ 'bad.json': BAD });
    expect(await command.run(['bad.json'], io)).toBe(1);
    expect(io.out).toContain('effect-invalid');
    expect(io.out).toContain('3:');
    const json = fakeIO({ 'bad.json': BAD });
    expect(await command.run(['bad.json', '--format', 'json'], json)).toBe(1);
    expect(JSON.stringify(JSON.parse(json.out))).toContain('effect-invalid');
    const sarif = fakeIO({ 'bad.json': BAD });
    expect(await command.run(['bad.json', '--format', 'sarif'], sarif)).toBe(1);
    expect(sarif.out).toContain('"effect-invalid"');
    const gh = fakeIO({ 'bad.json': BAD });
    expect(await command.run(['bad.json', '--format', 'github'], gh)).toBe(1);
    expect(gh.out).toContain('::error');
  });

  it('honours --rule and --kind policy with --type', async () => {
    const noVersion = '{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}';
    const io = fakeIO({ 'p.txt': noVersion });
    expect(await command.run(['p.txt', '--kind', 'policy', '--type', 'scp'], io)).toBe(1);
    expect(io.out).toContain('version-missing');
    const off = fakeIO({ 'p.txt': noVersion });
    expect(
      await command.run(['p.txt', '--kind', 'policy', '--type', 'scp', '--rule', 'version-missing=off'], off),
    ).toBe(0);
    const warn = fakeIO({ 'p.json': noVersion });
    expect(await command.run(['p.json', '--max-warnings', '0'], warn)).toBe(1);
  });

  it('checks actions against the service catalog with --catalog only', async () => {
    const typo = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObjects', Resource: '*' }],
    });
    const io = fakeIO({ 't.json': typo });
    await command.run(['t.json', '--format', 'json'], io);
    expect(io.out).not.toContain('action-unknown');
    const withCatalog = fakeIO({ 't.json': typo });
    await command.run(['t.json', '--catalog', '--format', 'json'], withCatalog);
    const [file] = JSON.parse(withCatalog.out);
    const finding = file.diagnostics.find((d: { ruleId: string }) => d.ruleId === 'action-unknown');
    expect(finding).toBeDefined();
    expect(finding.suggestions).toContain('s3:GetObject');
  });

  it('rejects an unknown --type with exit code 2', async () => {
    const io = fakeIO({ 'p.json': IDENTITY });
    expect(await command.run(['p.json', '--type', 'bogus'], io)).toBe(2);
    expect(io.err).toContain('--type must be one of');
    expect(() => lintPolicyFile(IDENTITY, { type: 'bogus' })).toThrow(UsageError);
  });

  it('lints policy text directly and publishes rule metadata', () => {
    expect(lintPolicyFile(IDENTITY, {})).toEqual([]);
    expect(lintPolicyFile('{"Statement": [', { type: 'trust' }).map((d) => d.ruleId)).toEqual(['json-invalid']);
    expect(policyRuleMetas.some((r) => r.id === 'effect-invalid')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { command, parseEvalFlags } from '../../src/cli/commands/eval.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { UsageError } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';
import { fakeIO } from './fake-io.js';

const A = '111122223333';
const ALICE = `arn:aws:iam::${A}:user/alice`;

const FILES: Record<string, string> = {
  'admin.json': `{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "ReadAll", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"},
    {"Sid": "NoSecrets", "Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::example-bucket/secret/*"}
  ]
}`,
  'tagged.json': JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 'iam:TagUser',
        Resource: '*',
        Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } },
      },
    ],
  }),
  'bucket.json': JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: ALICE }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::example-bucket/*' },
    ],
  }),
  'boundary.json': JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }],
  }),
  'full.json': JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
  'ec2only.json': JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }],
  }),
  'rcp.json': JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: '*' }],
  }),
  'broken.json': '{"Version": "2012-10-17", "Statement": [',
};

const base = ['--principal', ALICE, '--resource-account', A];
const get = ['--action', 's3:GetObject', '--resource', 'arn:aws:s3:::example-bucket/data/x'];

describe('iamspec eval', () => {
  it('is registered', async () => {
    expect(await COMMANDS.eval?.()).toBe(command);
  });

  it('prints Allow with the deciding statement at file:line and exits 0', async () => {
    const io = fakeIO(FILES);
    expect(await runCli(['eval', ...base, ...get, '--policy', 'admin.json'], io)).toBe(0);
    expect(io.out).toContain('Decision: Allow (allowed-by-identity)');
    expect(io.out).toContain('admin.json:4:5 (identity, statement 0 Sid "ReadAll", Allow)');
    expect(io.out).not.toContain('Statements:');
  });

  it('prints the explicit deny and exits 1', async () => {
    const io = fakeIO(FILES);
    const args = ['--action', 's3:GetObject', '--resource', 'arn:aws:s3:::example-bucket/secret/x'];
    expect(await runCli(['eval', ...base, ...args, '--policy', 'admin.json'], io)).toBe(1);
    expect(io.out).toContain('Decision: ExplicitDeny (explicit-deny)');
    expect(io.out).toContain('Denied by:');
    expect(io.out).toContain('admin.json:5:5 (identity, statement 1 Sid "NoSecrets", Deny)');
  });

  it('explains an implicit deny with --explain', async () => {
    const io = fakeIO(FILES);
    const args = ['--action', 's3:PutObject', '--resource', 'arn:aws:s3:::example-bucket/data/x'];
    const code = await runCli(
      [
        'eval',
        ...base,
        ...args,
        '--policy',
        'admin.json',
        '--resource-policy',
        'bucket.json',
        '--boundary',
        'boundary.json',
        '--explain',
      ],
      io,
    );
    // The bucket grants alice's user ARN: not limited by the boundary (same account).
    expect(code).toBe(0);
    expect(io.out).toContain('Decision: Allow (allowed-by-resource)');
    expect(io.out).toContain('bucket.json:1:');
    expect(io.out).toContain('Statements:');
    expect(io.out).toContain('principal: yes as user by');
    expect(io.out).toContain('action: no');
    const io2 = fakeIO(FILES);
    expect(await runCli(['eval', ...base, ...args, '--policy', 'admin.json', '--boundary', 'boundary.json'], io2)).toBe(
      1,
    );
    expect(io2.out).toContain('Decision: ImplicitDeny (no-allow)');
    expect(io2.out).toContain('Blocked by:');
    expect(io2.out).toContain('identity: admin.json');
    expect(io2.out).toContain('boundary: boundary.json');
  });

  it('takes multivalued context keys and prints conditions', async () => {
    const io = fakeIO(FILES);
    const tag = ['--action', 'iam:TagUser', '--resource', ALICE, '--policy', 'tagged.json', '--explain'];
    expect(
      await runCli(['eval', ...base, ...tag, '--context', 'aws:TagKeys=env', '--context', 'aws:TagKeys=team'], io),
    ).toBe(0);
    expect(io.out).toContain('condition ForAllValues:StringEquals aws:TagKeys [env, team] request=["env","team"]: yes');
    const io2 = fakeIO(FILES);
    expect(await runCli(['eval', ...base, ...tag, '--context', 'aws:TagKeys=owner'], io2)).toBe(1);
    const io3 = fakeIO(FILES);
    // ForAllValues on a missing key is vacuously true; the key is listed as missing.
    expect(await runCli(['eval', ...base, ...tag.slice(0, 6)], io3)).toBe(0);
    expect(io3.out).toContain('Missing context keys: aws:TagKeys');
  });

  it('evaluates SCP and RCP levels', async () => {
    const io = fakeIO(FILES);
    const scp = ['--scp', 'full.json', '--scp', 'ec2only.json,boundary.json'];
    expect(await runCli(['eval', ...base, ...get, '--policy', 'admin.json', ...scp], io)).toBe(1);
    expect(io.out).toContain('Blocked by:\n  scp level 1: ec2only.json, boundary.json');
    const io2 = fakeIO(FILES);
    const put = [
      '--action',
      's3:PutObject',
      '--resource',
      'arn:aws:s3:::example-bucket/x',
      '--resource-policy',
      'bucket.json',
    ];
    expect(await runCli(['eval', ...base, ...put, '--rcp', 'rcp.json'], io2)).toBe(1);
    expect(io2.out).toContain('rcp.json:1:');
    expect(io2.out).toContain('(rcp level 0, statement 0, Deny)');
  });

  it('prints JSON with --format json', async () => {
    const io = fakeIO(FILES);
    expect(await runCli(['eval', ...base, ...get, '--policy', 'admin.json', '--format', 'json'], io)).toBe(0);
    const r = JSON.parse(io.out) as { decision: string; reasons: { policyId: string }[]; statements?: unknown };
    expect(r.decision).toBe('Allow');
    expect(r.reasons[0]?.policyId).toBe('admin.json');
    expect(r.statements).toBeUndefined();
    const io2 = fakeIO(FILES);
    await runCli(['eval', ...base, ...get, '--policy', 'admin.json', '--format', 'json', '--explain'], io2);
    expect((JSON.parse(io2.out) as { statements: unknown[] }).statements).toHaveLength(2);
  });

  it('exits 2 for unreadable or unparsable policies', async () => {
    const io = fakeIO(FILES);
    expect(await runCli(['eval', ...base, ...get, '--policy', 'missing.json'], io)).toBe(2);
    expect(io.err).toContain('cannot read missing.json');
    const io2 = fakeIO(FILES);
    expect(await runCli(['eval', ...base, ...get, '--policy', 'broken.json', '--policy', 'broken.json'], io2)).toBe(2);
    expect(io2.err).toMatch(/broken\.json:1:\d+: error json-invalid/);
  });

  it('reports an invalid request as a deny with diagnostics', async () => {
    const io = fakeIO(FILES);
    expect(await runCli(['eval', '--principal', 'nobody', ...get, '--policy', 'admin.json'], io)).toBe(1);
    expect(io.out).toContain('Decision: ImplicitDeny (request-invalid)');
    expect(io.out).toContain('error request-principal-invalid');
  });

  it('rejects bad usage with exit 2', async () => {
    for (const argv of [
      ['eval', '--action', 's3:GetObject'],
      ['eval', ...base, ...get, '--format', 'xml'],
      ['eval', ...base, ...get, '--bogus'],
      ['eval', ...base, ...get, '--context', 'novalue'],
      ['eval', ...base, ...get, '--context', '=x'],
      ['eval', ...base, ...get, '--boundary', 'a.json', '--boundary', 'b.json'],
      ['eval', ...base, ...get, '--resource-policy', 'a.json', '--resource-policy', 'b.json'],
    ]) {
      const io = fakeIO(FILES);
      expect(await runCli(argv, io)).toBe(2);
      expect(io.err).toContain('usage: iamspec eval');
    }
    expect(() => parseEvalFlags(['--principal'])).toThrow(UsageError);
  });

  it('prints help', async () => {
    const io = fakeIO(FILES);
    expect(await runCli(['eval', '--help'], io)).toBe(0);
    expect(io.out).toContain('Exit codes: 0 Allow');
  });
});

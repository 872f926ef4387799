import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { command as evalCommand } from '../../src/cli/commands/eval.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { command, formatWhoCanText, loadAccountModel, parseWhoCanFlags } from '../../src/cli/commands/who-can.js';
import { UsageError } from '../../src/cli/io.js';
import { fakeIO } from './fake-io.js';

const A = '111122223333';
const example = (f: string) => readFileSync(new URL(`../../examples/account/${f}`, import.meta.url), 'utf8');
const FILES: Record<string, string> = {
  'details.json': example('authorization-details.json'),
  'resources.json': example('resources.json'),
  'resources-array.json': JSON.stringify(JSON.parse(example('resources.json')).resources),
  'org.json': JSON.stringify({
    organization: {
      id: 'o-1',
      root: {
        id: 'r-1',
        scps: [{ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] }],
        accounts: [A],
      },
    },
  }),
  'bad.json': '{',
  'number.json': '3',
  'empty.json': '{}',
  'dangling.json': JSON.stringify({
    UserDetailList: [{ UserName: 'u', Path: '/', Arn: `arn:aws:iam::${A}:user/u`, GroupList: ['nope'] }],
  }),
  'session.json': JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }],
  }),
  'identity.json': JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
  }),
};

const OBJECT = 'arn:aws:s3:::example-artifacts/revisions/r1.zip';
const query = ['--action', 's3:GetObject', '--resource', OBJECT];

describe('iamspec who-can', () => {
  it('is registered', async () => {
    expect(await COMMANDS['who-can']?.()).toBe(command);
  });

  it('lists principals with their chains (text)', async () => {
    const io = fakeIO(FILES);
    expect(await command.run(['--account', 'details.json', '--resources', 'resources.json', ...query], io)).toBe(0);
    expect(io.out).toContain('5 principals can s3:GetObject on');
    expect(io.out).toContain(
      `arn:aws:iam::${A}:role/automation/deployer  via arn:aws:iam::${A}:user/automation/ci-bot`,
    );
    expect(io.out).toContain('allowed by arn:aws:iam::111122223333:policy/ArtifactsRead (ReadArtifacts)');
    expect(io.err).toBe('');
  });

  it('prints JSON and accepts a resources array, context and a resource account', async () => {
    const io = fakeIO(FILES);
    const code = await command.run(
      [
        '--account',
        'details.json',
        '--resources',
        'resources-array.json',
        ...query,
        '--format',
        'json',
        '--context',
        'aws:SecureTransport=false',
        '--resource-account',
        A,
      ],
      io,
    );
    expect(code).toBe(0);
    const out = JSON.parse(io.out) as { principals: { principal: string; decision: string }[] };
    // the bucket policy denies insecure transport to everyone
    expect(out.principals).toEqual([]);
  });

  it('applies an organization given with the resources', async () => {
    const io = fakeIO(FILES);
    await command.run(['--account', 'details.json', '--resources', 'org.json', ...query], io);
    expect(io.out).toContain('No principal can s3:GetObject');
  });

  it('reports unreadable input with exit code 2 and model errors on stderr', async () => {
    for (const args of [
      ['--account', 'missing.json'],
      ['--account', 'bad.json'],
      ['--account', 'empty.json'],
      ['--account', 'details.json', '--resources', 'number.json'],
    ]) {
      const io = fakeIO(FILES);
      expect(await command.run([...args, ...query], io)).toBe(2);
      expect(io.err).toMatch(/^iamspec who-can: /);
    }
    const io = fakeIO(FILES);
    expect(await command.run(['--account', 'dangling.json', ...query], io)).toBe(0);
    expect(io.err).toContain('dangling.json#/UserDetailList/0/GroupList/0: error model/group-missing');
  });

  it('parses flags and prints help', async () => {
    expect(() => parseWhoCanFlags(['--action', 'x'])).toThrow(UsageError);
    expect(() => parseWhoCanFlags(['--account', 'a', ...query, '--format', 'xml'])).toThrow(UsageError);
    expect(() => parseWhoCanFlags(['--bogus'])).toThrow(UsageError);
    const io = fakeIO(FILES);
    expect(await command.run(['--help'], io)).toBe(0);
    expect(io.out).toContain('usage: iamspec who-can');
    expect(formatWhoCanText('s3:GetObject', OBJECT, [])).toBe(`No principal can s3:GetObject on ${OBJECT}.\n`);
    const loaded = await loadAccountModel(fakeIO(FILES), 'details.json');
    expect(loaded.model?.users).toHaveLength(5);
  });
});

describe('iamspec eval --account', () => {
  const ev = ['--action', 's3:GetObject', '--resource', 'arn:aws:s3:::example-artifacts/app.zip'];

  it('evaluates a role of the account model', async () => {
    const io = fakeIO(FILES);
    const code = await evalCommand.run(
      [
        '--account',
        'details.json',
        '--resources',
        'resources.json',
        '--principal',
        `arn:aws:iam::${A}:role/web-app`,
        ...ev,
      ],
      io,
    );
    expect(code).toBe(0);
    expect(io.out).toContain('Decision: Allow');
    expect(io.out).toContain('#ReadArtifacts');
  });

  it('applies session policies and rejects model-free policy flags', async () => {
    const io = fakeIO(FILES);
    const code = await evalCommand.run(
      [
        '--account',
        'details.json',
        '--principal',
        `arn:aws:iam::${A}:role/web-app`,
        '--session-policy',
        'session.json',
        ...ev,
      ],
      io,
    );
    expect(code).toBe(1);
    await expect(
      evalCommand.run(
        ['--account', 'details.json', '--principal', 'x', '--policy', 'identity.json', ...ev],
        fakeIO(FILES),
      ),
    ).rejects.toThrow(UsageError);
  });

  it('reports an unusable account file, and model errors on stderr', async () => {
    const io = fakeIO(FILES);
    expect(await evalCommand.run(['--account', 'bad.json', '--principal', 'x', ...ev], io)).toBe(2);
    expect(io.err).toContain('iamspec eval: bad.json is not JSON');
    const io2 = fakeIO(FILES);
    await evalCommand.run(['--account', 'dangling.json', '--principal', `arn:aws:iam::${A}:user/u`, ...ev], io2);
    expect(io2.err).toContain('model/group-missing');
  });
});

// docs/cli.md is generated from the commands' own --help text, so it cannot drift from the CLI.
// Regenerate with: UPDATE_CLI_DOCS=1 npx vitest run test/docs/cli-reference.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import type { CliIO } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';

const file = resolve(import.meta.dirname, '../../docs/cli.md');

const HEADER = `# CLI reference

The package installs one command, \`iamspec\`, with a sub-command per job. Every sub-command
prints its options with \`--help\`. Exit codes are the same everywhere: \`0\` success (clean,
allowed, ready), \`1\` findings (errors, a deny, not ready), \`2\` a usage error, an unreadable
file or an internal failure.

\`\`\`sh
npx iamspec --help
npx iamspec lint examples/appspec/broken/appspec.yml
npx iamspec plan examples/appspec/server/appspec.yml --load-balancer --format text
npx iamspec who-can --account examples/account/authorization-details.json --resources examples/account/resources.json --action s3:GetObject --resource arn:aws:s3:::example-artifacts/web/app.zip --context aws:SecureTransport=true
\`\`\`

Output formats: \`lint\` and \`check-deployment\` write \`stylish\`/\`text\`, \`json\`, \`sarif\` (SARIF
2.1.0, for GitHub code scanning) and \`lint\` also \`github\` (workflow annotations); \`plan\`
writes \`text\`, \`json\` or \`mermaid\`; \`eval\` and \`who-can\` write \`text\` or \`json\`.

This page is generated from the commands' \`--help\` output.
`;

async function helpOf(name: string): Promise<string> {
  let out = '';
  const io: CliIO = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      out += t;
    },
    readFile: async () => '',
    expand: async (p) => [...p],
    color: false,
  };
  const code = await runCli([name, '--help'], io);
  expect(code, `${name} --help`).toBe(0);
  return out.trimEnd();
}

async function render(): Promise<string> {
  const sections: string[] = [HEADER];
  for (const name of Object.keys(COMMANDS).sort()) {
    const command = await COMMANDS[name]!();
    sections.push(
      `## \`iamspec ${name}\`\n\n${command.summary.replace(/\.$/, '')}.\n\n\`\`\`text\n${await helpOf(name)}\n\`\`\`\n`,
    );
  }
  return sections.join('\n');
}

describe('docs/cli.md', () => {
  it('is the --help text of every command', async () => {
    const expected = await render();
    if (process.env.UPDATE_CLI_DOCS) writeFileSync(file, expected);
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });
});

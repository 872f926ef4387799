#!/usr/bin/env node
import { type CliIO, nodeIO, UsageError } from './io.js';
import { COMMANDS } from './commands/index.js';

const VERSION = '0.1.0';

/** Runs the CLI with `argv` (without `node` and the script name); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.stdout(await helpText());
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr(`iamspec: unknown command '${name}'\n\n${await helpText()}`);
    return 2;
  }
  const command = await load();
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`iamspec ${command.name}: ${e.message}\n\nusage: ${command.usage}\n`);
      return 2;
    }
    io.stderr(`iamspec ${command.name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

async function helpText(): Promise<string> {
  const lines = ['usage: iamspec <command> [options]', '', 'commands:'];
  for (const [name, load] of Object.entries(COMMANDS)) {
    const c = await load();
    lines.push(`  ${name.padEnd(18)}${c.summary}`);
  }
  lines.push('', 'Run `iamspec <command> --help` for the options of a command.', '');
  return lines.join('\n');
}

// Run only when executed as a program, not when imported by tests.
const invokedDirectly =
  process.argv[1] !== undefined && /(?:^|[\\/])(?:main\.[cm]?[jt]s|iamspec)$/.test(process.argv[1]);
if (invokedDirectly) {
  runCli(process.argv.slice(2), nodeIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`iamspec: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

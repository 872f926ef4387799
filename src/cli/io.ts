import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { minimatch } from 'minimatch';

/**
 * The host services a CLI command may use. Commands take this instead of touching `process`
 * or `fs` directly, so that tests run them in-process with a fake.
 */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a UTF-8 text file. */
  readFile(path: string): Promise<string>;
  /** Expands file names and globs to existing files, in a stable order. */
  expand(patterns: readonly string[]): Promise<string[]>;
  /** Whether stdout is a colour terminal. */
  readonly color: boolean;
}

/** A CLI sub-command. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** Runs the command; resolves to the process exit code (0 ok, 1 findings, 2 usage or internal failure). */
  run(argv: readonly string[], io: CliIO): Promise<number>;
}

/** Thrown by argument parsing inside commands; turned into exit code 2 with the usage text. */
export class UsageError extends Error {}

const GLOB_CHARS = /[*?[\]{}]/;

/** The real host: the process's streams and the file system. */
export function nodeIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readFile: (p) => readFile(p, 'utf8'),
    async expand(patterns) {
      const out: string[] = [];
      for (const p of patterns) {
        if (!GLOB_CHARS.test(p)) {
          await stat(p); // a missing plain path is an error the command reports
          out.push(p);
          continue;
        }
        const found = (await walk(globBase(p))).filter((f) => minimatch(f, p, { dot: false }));
        found.sort();
        out.push(...found);
      }
      return [...new Set(out)];
    },
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
}

/** The directory part of a glob before its first wildcard segment. */
function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const i = parts.findIndex((s) => GLOB_CHARS.test(s));
  return parts.slice(0, i).join('/') || '.';
}

/** Every file below `dir` ('/'-separated, relative to the working directory), skipping node_modules and .git. */
async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop() as string;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      const full = join(d, e.name);
      if (e.isDirectory()) stack.push(full);
      else if (e.isFile()) out.push(relative('.', full).split(sep).join('/'));
    }
  }
  return out;
}

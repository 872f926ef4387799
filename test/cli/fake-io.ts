import { readFile } from 'node:fs/promises';
import type { CliIO } from '../../src/cli/io.js';

/** A fake host for running CLI commands in-process: what they printed collects in `out` and `err`. */
export type FakeIO = CliIO & { out: string; err: string };

/** How {@link fakeIO} treats paths that are not among its in-memory files. */
export interface FakeIOOptions {
  /** Read such paths from the working tree (read-only), e.g. the repository's examples; else they are missing. */
  readonly disk?: boolean;
}

/**
 * A fake {@link CliIO} over in-memory `files`. A missing file fails to read with an ENOENT error.
 * `expand` works like the real one on these files: a plain path must exist, and a pattern with `*`
 * matches (sorted) every file name ending with the text after its last `*`. Fields may be reassigned
 * (clear `out` between runs, or replace `readFile` to simulate an unreadable file).
 */
export function fakeIO(files: Readonly<Record<string, string>> = {}, options: FakeIOOptions = {}): FakeIO {
  const has = (p: string): boolean => Object.hasOwn(files, p);
  const io: FakeIO = {
    out: '',
    err: '',
    color: false,
    stdout(t) {
      io.out += t;
    },
    stderr(t) {
      io.err += t;
    },
    async readFile(p) {
      if (has(p)) return files[p] as string;
      if (options.disk) return readFile(p, 'utf8');
      throw new Error(`ENOENT: no such file or directory, open '${p}'`);
    },
    async expand(patterns) {
      const out: string[] = [];
      for (const p of patterns) {
        if (p.includes('*')) {
          const suffix = p.slice(p.lastIndexOf('*') + 1);
          out.push(
            ...Object.keys(files)
              .filter((f) => f.endsWith(suffix))
              .sort(),
          );
        } else if (has(p)) out.push(p);
        else throw new Error(`ENOENT: no such file or directory, stat '${p}'`);
      }
      return out;
    },
  };
  return io;
}

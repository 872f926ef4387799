import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Diagnostic } from '../diagnostics/types.js';
import type { RequestContext } from '../iam/evaluate/types.js';
import { type CliIO, UsageError } from './io.js';

// The plumbing the sub-commands share: flag parsing and checking, reading input files, output lines.

/** The message of a caught value: an Error's message, anything else as a string. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** What {@link parseFlags} returns for a flag table `T`. */
export type ParsedFlags<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/**
 * `node:util` parseArgs over `argv` with a command's flag table (strict unless `config` says
 * otherwise); an unknown flag or a missing flag value becomes a {@link UsageError}.
 */
export function parseFlags<T extends Omit<ParseArgsConfig, 'args'>>(
  argv: readonly string[],
  config: T,
): ParsedFlags<T> {
  try {
    return parseArgs<T>({ ...config, args: [...argv] });
  } catch (e) {
    throw new UsageError(errorMessage(e));
  }
}

/** Prints a command's `--help` text to stdout; resolves to exit code 0. */
export function printHelp(io: CliIO, help: string): number {
  io.stdout(help);
  return 0;
}

/** An enumerated flag's value: `undefined` when absent, else one of `allowed` or a {@link UsageError}. */
export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, not '${value}'`);
}

/** The `--format` of the commands that print `text` (default) or `json`. */
export function textOrJsonFormat(value: string | undefined): 'text' | 'json' {
  const format = value ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
  return format;
}

/** Throws a {@link UsageError} naming the first of `flags` that `values` lacks. */
export function requireFlags(values: Readonly<Record<string, unknown>>, flags: readonly string[]): void {
  for (const flag of flags) {
    if (values[flag] === undefined) throw new UsageError(`--${flag} is required`);
  }
}

/** Bounds of a {@link wholeNumberFlag}. */
export interface WholeNumberBounds {
  /** 0: a non-negative integer; 1: a positive integer. */
  readonly min: 0 | 1;
  /** The most digits accepted (no bound when absent). */
  readonly maxDigits?: number;
}

/**
 * A flag that takes a whole number written in decimal digits only (no sign, exponent or
 * fraction): `undefined` when absent, else the number or a {@link UsageError}.
 */
export function wholeNumberFlag(
  flag: string,
  value: string | undefined,
  bounds: WholeNumberBounds,
): number | undefined {
  if (value === undefined) return undefined;
  const digits = /^[0-9]+$/.test(value) && (bounds.maxDigits === undefined || value.length <= bounds.maxDigits);
  if (!digits || Number(value) < bounds.min) {
    const kind = bounds.min === 0 ? 'non-negative' : 'positive';
    throw new UsageError(`--${flag} must be a ${kind} integer, not '${value}'`);
  }
  return Number(value);
}

/** Parses `--context` entries: `k=v` (repeat for several values) or `k[]=v` / `k[]` (always an array). */
export function parseContextFlags(entries: readonly string[]): RequestContext {
  const out = new Map<string, string | string[]>();
  const forced = new Set<string>();
  for (const e of entries) {
    const eq = e.indexOf('=');
    let key = eq < 0 ? e : e.slice(0, eq);
    const value = eq < 0 ? undefined : e.slice(eq + 1);
    if (key.endsWith('[]')) {
      key = key.slice(0, -2);
      forced.add(key);
    } else if (value === undefined) throw new UsageError(`--context needs key=value, not '${e}'`);
    if (key === '') throw new UsageError(`--context needs a key: '${e}'`);
    const prev = out.get(key);
    if (value === undefined) {
      if (prev === undefined) out.set(key, []);
      continue;
    }
    if (prev === undefined) out.set(key, forced.has(key) ? [value] : value);
    else out.set(key, [...(typeof prev === 'string' ? [prev] : prev), value]);
  }
  const ctx: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [k, v] of out) ctx[k] = v;
  return ctx;
}

/** Reads a text file: its text, or a printable `cannot read <path>: …` error. */
export async function readTextFile(io: CliIO, path: string): Promise<{ text: string } | { error: string }> {
  try {
    return { text: await io.readFile(path) };
  } catch (e) {
    return { error: `cannot read ${path}: ${errorMessage(e)}` };
  }
}

/** Reads and parses a JSON file: its value, or a printable error (unreadable, or `<path> is not JSON: …`). */
export async function readJsonFile(io: CliIO, path: string): Promise<{ value: unknown } | { error: string }> {
  const read = await readTextFile(io, path);
  if ('error' in read) return read;
  try {
    return { value: JSON.parse(read.text) as unknown };
  } catch (e) {
    return { error: `${path} is not JSON: ${errorMessage(e)}` };
  }
}

/** Whether a parsed JSON value is an object (not null, not an array). */
export function isJsonObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value as indented JSON, with a final newline: the `--format json` output. */
export function jsonOutput(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** One diagnostic as `path:line:column: severity ruleId: message` (no newline). */
export function diagnosticLine(path: string, d: Diagnostic): string {
  return `${path}:${d.range.start.line}:${d.range.start.column}: ${d.severity} ${d.ruleId}: ${d.message}`;
}

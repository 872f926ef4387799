/** Test helpers: the shared conformance cases and corpus (read from ../shared at test time). */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { LineIndex } from '../../src/diagnostics/line-index.js';
import type { Diagnostic, Range } from '../../src/diagnostics/types.js';

/** The shared folder beside the repository. */
export const SHARED: string = resolve(process.cwd(), '../shared');

/** One conformance case of spec/appspec.md §8. */
export interface AgentCase {
  readonly id: string;
  readonly yaml: string;
  readonly agent: 'accept' | 'reject';
  readonly what: string;
  readonly rule: string | null;
}

/** The conformance table. */
export function agentCases(): AgentCase[] {
  return JSON.parse(readFileSync(resolve(SHARED, 'conformance/appspec-agent-cases.json'), 'utf8')) as AgentCase[];
}

/** One corpus file with its SOURCES.tsv row. */
export interface CorpusFile {
  readonly file: string;
  readonly text: string;
  readonly platform: 'ec2' | 'ecs' | 'lambda' | 'not-appspec' | string;
  readonly verdict: 'accept' | 'reject' | 'accept-after-substitution' | 'not-appspec' | '';
}

/** Every corpus file. */
export function corpusFiles(): CorpusFile[] {
  const dir = resolve(SHARED, 'corpus/appspec');
  const rows = new Map<string, string[]>();
  for (const line of readFileSync(resolve(dir, 'SOURCES.tsv'), 'utf8').split('\n').slice(1)) {
    const cols = line.split('\t');
    if (cols[0]) rows.set(cols[0], cols);
  }
  return readdirSync(dir)
    .filter((f) => f !== 'SOURCES.tsv')
    .sort()
    .map((file) => {
      const row = rows.get(file) ?? [];
      return {
        file,
        text: readFileSync(resolve(dir, file), 'utf8'),
        platform: row[4] ?? '',
        verdict: (row[5] ?? '') as CorpusFile['verdict'],
      };
    });
}

function checkRange(r: Range, text: string, lines: LineIndex, where: string): void {
  for (const p of [r.start, r.end]) {
    expect(p.line, where).toBeGreaterThanOrEqual(1);
    expect(p.column, where).toBeGreaterThanOrEqual(1);
    expect(p.offset, where).toBeGreaterThanOrEqual(0);
    expect(p.offset, where).toBeLessThanOrEqual(text.length);
    const q = lines.position(p.offset);
    expect({ line: p.line, column: p.column }, where).toEqual({ line: q.line, column: q.column });
  }
  expect(r.start.offset, where).toBeLessThanOrEqual(r.end.offset);
}

/** Asserts every range of `diagnostics` (and of their related locations) lies inside `text` and agrees with LineIndex. */
export function expectRangesInside(diagnostics: readonly Diagnostic[], text: string, where = ''): void {
  const lines = new LineIndex(text);
  for (const d of diagnostics) {
    checkRange(d.range, text, lines, `${where} ${d.ruleId}`);
    for (const rel of d.related ?? []) checkRange(rel.range, text, lines, `${where} ${d.ruleId} related`);
  }
}

/** Cheap variant for property tests: returns a description of the first bad range, or null. */
export function badRange(diagnostics: readonly Diagnostic[], text: string, lines: LineIndex): string | null {
  for (const d of diagnostics) {
    for (const r of [d.range, ...(d.related ?? []).map((x) => x.range)]) {
      for (const p of [r.start, r.end]) {
        if (p.line < 1 || p.column < 1 || p.offset < 0 || p.offset > text.length) return `${d.ruleId}: out of text`;
        const q = lines.position(p.offset);
        if (q.line !== p.line || q.column !== p.column) return `${d.ruleId}: line/column disagree with offset`;
      }
      if (r.start.offset > r.end.offset) return `${d.ruleId}: start after end`;
    }
  }
  return null;
}

// Every code sample in README.md and docs/*.md is checked here, so the docs cannot rot:
// - ```ts blocks are type-checked against the sources (imports of `iamspec/*` map to src/);
//   a block whose first line is `// @check-skip` is shown as a fragment and not compiled;
// - `npx iamspec …` lines in ```sh blocks are run in-process and must not fail with a usage
//   or internal error (exit code 2).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { nodeIO } from '../../src/cli/io.js';

const root = resolve(import.meta.dirname, '../..');
const docFiles = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

interface Block {
  readonly file: string;
  readonly line: number;
  readonly lang: string;
  readonly code: string;
}

function blocks(file: string): Block[] {
  const text = readFileSync(join(root, file), 'utf8');
  const out: Block[] = [];
  const re = /^```(\w+)[^\n]*\n([\s\S]*?)^```/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ file, line: text.slice(0, m.index).split('\n').length, lang: m[1]!, code: m[2]! });
  }
  return out;
}

const all = docFiles.flatMap(blocks);
const tsBlocks = all.filter(
  (b) => (b.lang === 'ts' || b.lang === 'typescript') && !b.code.startsWith('// @check-skip'),
);
const commands = all
  .filter((b) => b.lang === 'sh' || b.lang === 'bash' || b.lang === 'shell')
  .flatMap((b) =>
    b.code
      .split('\n')
      .map((l, i) => ({ file: b.file, line: b.line + 1 + i, cmd: l.replace(/\s+#.*$/, '').trim() }))
      .filter((c) => c.cmd.startsWith('npx iamspec ')),
  );

describe('documentation samples', () => {
  it('has samples to check', () => {
    expect(tsBlocks.length).toBeGreaterThan(0);
    expect(commands.length).toBeGreaterThan(0);
  });

  it('type-checks every TypeScript sample against the sources', () => {
    const files = new Map<string, string>();
    tsBlocks.forEach((b, i) => {
      // Each sample is its own module; vitest globals are declared for testing-guide samples.
      files.set(join(root, `__doc_sample_${i}.ts`), `${b.code}\nexport {};\n`);
    });
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
      baseUrl: root,
      paths: {
        iamspec: ['src/index.ts'],
        'iamspec/iam': ['src/iam/index.ts'],
        'iamspec/appspec': ['src/appspec/index.ts'],
        'iamspec/vitest': ['src/vitest/index.ts'],
        'iamspec/catalog': ['src/catalog/index.ts'],
      },
    };
    const host = ts.createCompilerHost(options);
    const read = host.readFile.bind(host);
    const exists = host.fileExists.bind(host);
    host.readFile = (f) => files.get(f) ?? read(f);
    host.fileExists = (f) => files.has(f) || exists(f);
    const program = ts.createProgram([...files.keys()], options, host);
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && files.has(d.file.fileName))
      .map((d) => {
        const i = Number(/__doc_sample_(\d+)/.exec(d.file!.fileName)![1]);
        const b = tsBlocks[i]!;
        const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
        return `${b.file}:${b.line + 1 + line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
    expect(problems).toEqual([]);
  }, 120_000);

  it.each(commands)('$file:$line runs `$cmd`', async ({ cmd }) => {
    const args = cmd
      .slice('npx iamspec '.length)
      .match(/'[^']*'|"[^"]*"|\S+/g)!
      .map((a) => a.replace(/^['"]|['"]$/g, ''));
    let err = '';
    const real = nodeIO();
    const io: CliIO = {
      ...real,
      stdout: () => {},
      stderr: (t) => {
        err += t;
      },
      color: false,
    };
    const code = await runCli(args, io);
    expect(err).not.toContain('internal error');
    expect(code, err).not.toBe(2);
  });
});

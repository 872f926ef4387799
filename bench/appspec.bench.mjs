// AppSpec linter benchmark, against the built package (dist/):
//   1. throughput: lintAppSpec over every corpus file vs bare yaml.parseDocument on the same texts
//      (target: lint ≤ 2× parse);
//   2. cold start: fresh `node` processes that import iamspec/appspec and lint one corpus file vs
//      ones that import `yaml` and parse it (target: median wall time ≤ 1.5×).
// Run: npm run bench -- appspec   (or: npx tsup && node bench/appspec.bench.mjs)
// Env: APPSPEC_BENCH_TIME (ms per task, default 3000), APPSPEC_BENCH_SPAWNS (per side, default 15).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';
import { parseDocument } from 'yaml';
import { lintAppSpec } from '../dist/appspec/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const corpusDir = join(root, '..', 'shared', 'corpus', 'appspec');
const files = readdirSync(corpusDir)
  .filter((f) => f !== 'SOURCES.tsv')
  .sort();
const texts = files.map((f) => readFileSync(join(corpusDir, f), 'utf8'));
const totalBytes = texts.reduce((n, t) => n + t.length, 0);
const time = Number(process.env.APPSPEC_BENCH_TIME ?? 3000);
const spawns = Number(process.env.APPSPEC_BENCH_SPAWNS ?? 15);

console.log(`corpus: ${texts.length} files, ${(totalBytes / 1024).toFixed(1)} KiB`);

// Sanity: the linter must produce a verdict for every text (and never throw).
let rejected = 0;
for (const text of texts) if (lintAppSpec(text).verdict.outcome === 'reject') rejected++;
console.log(`verdicts: ${texts.length - rejected} accept, ${rejected} reject (platform inferred)\n`);

// ------------------------------------------------------------------ 1. throughput

let sink = 0;
const bench = new Bench({ time, warmup: true });
bench
  .add('yaml.parseDocument (all corpus texts)', () => {
    for (const text of texts) sink += parseDocument(text, { uniqueKeys: false }).errors.length;
  })
  .add('lintAppSpec, platform inferred (all corpus texts)', () => {
    for (const text of texts) sink += lintAppSpec(text).diagnostics.length;
  });
await bench.run();
console.table(bench.table());

const mean = (name) => bench.tasks.find((t) => t.name.startsWith(name))?.result?.latency?.mean ?? Number.NaN;
const parseMs = mean('yaml.parseDocument');
const lintMs = mean('lintAppSpec');
const ratio = lintMs / parseMs;
console.log(
  `\nper corpus pass: parse ${parseMs.toFixed(2)} ms, lint ${lintMs.toFixed(2)} ms` +
    ` (${((lintMs * 1000) / texts.length).toFixed(1)} µs per file)`,
);
console.log(`THROUGHPUT RATIO lint/parse = ${ratio.toFixed(2)}× (target ≤ 2×) ${ratio <= 2 ? 'OK' : 'OVER TARGET'}`);

// ------------------------------------------------------------------ 2. cold start

// One mid-sized corpus file: the one whose length is the median.
const byLength = files.map((f, i) => ({ f, n: texts[i].length })).sort((a, b) => a.n - b.n);
const sample = join(corpusDir, byLength[Math.floor(byLength.length / 2)].f);
const distUrl = pathToFileURL(join(root, 'dist', 'appspec', 'index.js')).href;
const yamlUrl = pathToFileURL(join(root, 'node_modules', 'yaml', 'dist', 'index.js')).href;
const fileArg = JSON.stringify(sample);
const scripts = {
  lint: `import { readFileSync } from 'node:fs'; import { lintAppSpec } from ${JSON.stringify(distUrl)};
const r = lintAppSpec(readFileSync(${fileArg}, 'utf8')); if (!r.verdict) process.exit(2);`,
  parse: `import { readFileSync } from 'node:fs'; import yaml from ${JSON.stringify(yamlUrl)};
const d = yaml.parseDocument(readFileSync(${fileArg}, 'utf8')); if (!d) process.exit(2);`,
};

function runOnce(kind) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', scripts[kind]], { stdio: 'inherit' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${kind} child exited with ${r.status}`);
  return ms;
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

runOnce('parse'); // warm the OS file cache for both sides
runOnce('lint');
const cold = { lint: [], parse: [] };
for (let i = 0; i < spawns; i++) {
  const order = i % 2 === 0 ? ['lint', 'parse'] : ['parse', 'lint'];
  for (const kind of order) cold[kind].push(runOnce(kind));
}
const coldLint = median(cold.lint);
const coldParse = median(cold.parse);
const coldRatio = coldLint / coldParse;
console.log(
  `\ncold start (${spawns} fresh processes each, alternating; file ${byLength[Math.floor(byLength.length / 2)].f}):`,
);
console.table([
  {
    process: 'import yaml + parseDocument',
    'median ms': coldParse.toFixed(1),
    'min ms': Math.min(...cold.parse).toFixed(1),
  },
  {
    process: 'import iamspec/appspec + lintAppSpec',
    'median ms': coldLint.toFixed(1),
    'min ms': Math.min(...cold.lint).toFixed(1),
  },
]);
console.log(
  `COLD START RATIO lint/parse = ${coldRatio.toFixed(2)}× (target ≤ 1.5×) ${coldRatio <= 1.5 ? 'OK' : 'OVER TARGET'}`,
);
if (sink === -1) console.log(sink); // keep the results alive

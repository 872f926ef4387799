// Runs every bench/*.bench.mjs against the built package (dist/), one child process each,
// so that one benchmark's warm JIT or heap never flatters another's.
// Usage: npm run bench [-- name-filter]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
if (!existsSync(join(root, 'dist', 'index.js'))) {
  const b = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
// Baselines that must never be dependencies of the package itself live in bench/package.json.
if (existsSync(join(here, 'package.json')) && !existsSync(join(here, 'node_modules'))) {
  const i = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
  if (i.status !== 0) process.exit(i.status ?? 1);
}
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs') && (!filter || f.includes(filter)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const r = spawnSync(process.execPath, ['--expose-gc', join(here, f)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);

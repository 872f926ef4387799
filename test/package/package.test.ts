// Packs the package as npm would publish it, installs the tarball into a fresh folder outside
// the repository, and checks every subpath from ESM and CJS. Runs after `npm run build`.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  name: string;
};
const subpaths = Object.keys(pkg.exports)
  .filter((k) => k !== './package.json')
  .map((k) => (k === '.' ? pkg.name : `${pkg.name}/${k.slice(2)}`));
// Subpaths that need a peer dependency present at import time.
const PEERS: Record<string, string> = { [`${pkg.name}/vitest`]: 'vitest' };

let dir = '';
let bare = '';

function node(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'iamspec-pkg-'));
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
      cwd: root,
      encoding: 'utf8',
    }),
  ) as { filename: string }[];
  const tarball = join(dir, packed[0]!.filename);
  const app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: app, stdio: 'pipe' });
  // The optional peer, for iamspec/vitest: link the repository's copy.
  symlinkSync(join(root, 'node_modules', 'vitest'), join(app, 'node_modules', 'vitest'), 'dir');
  // A second consumer without yaml and ajv at all: only iamspec/iam must still load there.
  bare = join(dir, 'bare');
  cpSync(app, bare, { recursive: true, verbatimSymlinks: true });
  rmSync(join(bare, 'node_modules', 'yaml'), { recursive: true, force: true });
  rmSync(join(bare, 'node_modules', 'ajv'), { recursive: true, force: true });
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed package', () => {
  it.each(subpaths)('%s loads from ESM and from CJS with the same exports', (spec) => {
    const app = join(dir, 'app');
    const peer = PEERS[spec];
    // Outside a vitest run, the vitest peer refuses to load its runtime; resolving is what we can check there.
    const esm = peer
      ? node(app, [
          '--input-type=module',
          '-e',
          `console.log(JSON.stringify([import.meta.resolve(${JSON.stringify(spec)})]))`,
        ])
      : node(app, [
          '--input-type=module',
          '-e',
          `const m = await import(${JSON.stringify(spec)}); console.log(JSON.stringify(Object.keys(m).sort()))`,
        ]);
    expect(esm.stderr).toBe('');
    expect(esm.status).toBe(0);
    const cjs = peer
      ? node(app, ['-e', `console.log(JSON.stringify([require.resolve(${JSON.stringify(spec)})]))`])
      : node(app, ['-e', `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(spec)})).sort()))`]);
    expect(cjs.stderr).toBe('');
    expect(cjs.status).toBe(0);
    if (!peer) {
      const esmKeys = JSON.parse(esm.stdout) as string[];
      expect(esmKeys.length).toBeGreaterThan(0);
      expect(JSON.parse(cjs.stdout).filter((k: string) => k !== 'default' && k !== '__esModule')).toEqual(
        esmKeys.filter((k) => k !== 'default'),
      );
    }
  });

  it('ships type declarations for ESM (.d.ts) and CJS (.d.cts) for every subpath', () => {
    for (const [key, value] of Object.entries(pkg.exports)) {
      if (key === './package.json') continue;
      const v = value as { import: { types: string }; require: { types: string } };
      expect(v.import.types).toMatch(/\.d\.ts$/);
      expect(v.require.types).toMatch(/\.d\.cts$/);
      const installed = join(dir, 'app', 'node_modules', pkg.name);
      expect(() => readFileSync(join(installed, v.import.types))).not.toThrow();
      expect(() => readFileSync(join(installed, v.require.types))).not.toThrow();
    }
  });

  it('loads iamspec/iam without yaml or ajv installed, from ESM and CJS', () => {
    const esm = node(bare, ['--input-type=module', '-e', `await import('${pkg.name}/iam'); console.log('ok')`]);
    expect(esm.stderr).toBe('');
    expect(esm.stdout.trim()).toBe('ok');
    const cjs = node(bare, ['-e', `require('${pkg.name}/iam'); console.log('ok')`]);
    expect(cjs.stderr).toBe('');
    expect(cjs.stdout.trim()).toBe('ok');
  });

  it('really lacks yaml in that consumer: iamspec/appspec cannot load there', () => {
    const r = node(bare, ['--input-type=module', '-e', `await import('${pkg.name}/appspec')`]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/yaml|ajv/);
  });

  it('runs the example permission-test project against the packed package', () => {
    // The example reads ../../account/, so copy both folders with their layout.
    const examples = join(dir, 'examples');
    cpSync(join(root, 'examples', 'permission-tests'), join(examples, 'permission-tests'), { recursive: true });
    cpSync(join(root, 'examples', 'account'), join(examples, 'account'), { recursive: true });
    const project = join(examples, 'permission-tests');
    symlinkSync(join(dir, 'app', 'node_modules'), join(project, 'node_modules'), 'dir');
    const vitestBin = join(root, 'node_modules', 'vitest', 'vitest.mjs');
    const r = spawnSync(process.execPath, [vitestBin, 'run', '--reporter=json'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, CI: '' },
    });
    const report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as {
      numPassedTests: number;
      numFailedTests: number;
    };
    expect(report.numFailedTests, r.stderr).toBe(0);
    expect(report.numPassedTests).toBeGreaterThanOrEqual(10);
    expect(r.status).toBe(0);
  });

  it('installs the iamspec command', () => {
    const bin = join(dir, 'app', 'node_modules', '.bin', 'iamspec');
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

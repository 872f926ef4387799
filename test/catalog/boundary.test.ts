import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('iamspec/iam and iamspec/catalog', () => {
  it('no module under src/iam imports src/catalog (the catalog stays out of the iam bundle)', () => {
    const offenders: string[] = [];
    const catalogDir = resolve(root, 'src/catalog');
    for (const file of tsFiles(resolve(root, 'src/iam'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/from\s+'([^']+)'/g)) {
        const target = resolve(file, '..', m[1] as string);
        if (target.startsWith(catalogDir)) offenders.push(`${relative(root, file)} → ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

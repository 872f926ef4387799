import { describe, expect, it } from 'vitest';
import { convertTimeout, rubyStringToI } from '../../../src/appspec/parse/build-model.js';
import { inferPlatform, parseAppSpec } from '../../../src/appspec/parse/index.js';
import { rawTextSignals } from '../../../src/appspec/parse/infer.js';
import { loadYaml, MAX_NESTING_DEPTH } from '../../../src/appspec/parse/load.js';
import { resolveScalar } from '../../../src/appspec/parse/resolve.js';
import { YamlTree } from '../../../src/appspec/parse/tree.js';
import type { Ec2AppSpec, EcsAppSpec, LambdaAppSpec } from '../../../src/appspec/model.js';
import type { YAMLMap, YAMLSeq } from '../../../src/appspec/parse/types.js';

const tree = (text: string) => new YamlTree(loadYaml(text));

describe('loadYaml', () => {
  it('composes only the first document and records the second', () => {
    const l = loadYaml('a: 1\n---\nb: [\n');
    expect(l.documentCount).toBe(2);
    expect(l.secondDocumentOffset).toBe(5);
    expect(l.errors).toEqual([]); // the broken second document is never read
    expect(l.root).not.toBeNull();
  });

  it('reports syntax errors with positions and keeps a partial root', () => {
    const l = loadYaml('a: [1, 2\n');
    expect(l.errors.length).toBeGreaterThan(0);
    expect(l.root).toBeNull();
    expect(l.partialRoot).not.toBeNull();
    expect(l.errors[0]?.message).not.toContain('\n');
  });

  it('handles empty text and comment-only text', () => {
    expect(loadYaml('').documentCount).toBe(0);
    expect(loadYaml('').root).toBeNull();
    expect(loadYaml('# only\n').root).toBeNull();
  });

  it('refuses nesting deeper than the limit, at the offending collection', () => {
    const ok = loadYaml(`${'['.repeat(MAX_NESTING_DEPTH)}${']'.repeat(MAX_NESTING_DEPTH)}`);
    expect(ok.errors).toEqual([]);
    const deep = loadYaml(`${'['.repeat(MAX_NESTING_DEPTH + 1)}${']'.repeat(MAX_NESTING_DEPTH + 1)}`);
    expect(deep.errors[0]).toMatchObject({ code: 'NESTING_TOO_DEEP', start: MAX_NESTING_DEPTH });
  });

  it('keeps duplicate keys, aliases and tags without failing', () => {
    const l = loadYaml('a: &x 1\na: *x\nb: !Ref c\n');
    expect(l.errors).toEqual([]);
    expect((l.root as YAMLMap).items).toHaveLength(3);
  });
});

describe('YamlTree', () => {
  it('lists entries with duplicates; get returns the last', () => {
    const t = tree('hooks: 1\n"hooks": 2\n1: x\nyes: y\n? [a]\n: z\n');
    const root = t.asMap(t.root) as YAMLMap;
    const entries = t.entries(root);
    expect(entries.map((e) => e.key)).toEqual(['hooks', 'hooks', null, null, null]);
    expect(entries.map((e) => e.keyText)).toEqual(['hooks', 'hooks', '1', 'yes', '']);
    expect(t.scalar(t.get(root, 'hooks')?.value)?.value).toBe(2);
    expect(t.get(root, 'nope')).toBeUndefined();
    expect(t.entries(root)).toBe(entries); // cached
  });

  it('follows aliases and describes nodes', () => {
    const t = tree(
      'a: &x [1]\nb: *x\nc: *missing\nd: {}\ne: []\nf: ~\ng: yes\nh: 3\ni: :s\nj: 2020-01-01\nk: x\nl: {a: 1}\nm: 2020-01-01 10:00:00\n',
    );
    const root = t.asMap(t.root) as YAMLMap;
    const b = t.get(root, 'b');
    expect(t.asSeq(b?.valueNode)).toBe(t.asSeq(t.get(root, 'a')?.value));
    expect(t.deref(t.get(root, 'c')?.valueNode)).toBeNull();
    const d = (k: string) => t.describe(t.get(root, k)?.value);
    expect([d('a'), d('d'), d('e'), d('f'), d('g'), d('h'), d('i'), d('j'), d('k'), d('l'), d('m')]).toEqual([
      'a list',
      'an empty mapping',
      'an empty list',
      'null',
      'true',
      'the number 3',
      'the symbol :s',
      'a date',
      'a string',
      'a mapping',
      'a timestamp',
    ]);
    expect(t.describe(null)).toBe('null');
    expect(t.nodes.aliases).toHaveLength(2);
  });

  it('finds the dash of block sequence items, across lines, comments and properties', () => {
    const text = 'l:\n  - a: 1\n  -\n    b: 2\n  - # note\n    c: 3\n  - &anc\n    d: 4\n  - !t e\nf: [x]\n';
    const t = tree(text);
    const root = t.asMap(t.root) as YAMLMap;
    const seq = t.asSeq(t.get(root, 'l')?.value) as YAMLSeq;
    const starts = seq.items.map((i) => t.itemRange(i as never).start.offset);
    expect(starts.map((s) => text[s])).toEqual(['-', '-', '-', '-', '-']);
    const flow = t.asSeq(t.get(root, 'f')?.value) as YAMLSeq;
    expect(text[t.itemRange(flow.items[0] as never).start.offset]).toBe('x');
    expect(t.range(seq).end.offset).toBeLessThan(text.indexOf('f:'));
  });

  it('gives key ranges, empty-key ranges and document start ranges', () => {
    const t = tree('# c\n\nkey: v\n: w\n');
    const root = t.asMap(t.root) as YAMLMap;
    const [k, empty] = t.entries(root);
    expect(t.keyRange(k!).start).toMatchObject({ line: 3, column: 1 });
    expect(t.keyRange(empty!.pair).start.line).toBe(4);
    expect(t.documentStartRange().start).toMatchObject({ line: 3, column: 1 });
    expect(tree('# only').documentStartRange().start.offset).toBe(0);
    expect(t.range(null).start.line).toBe(3);
  });

  it('switches dialect and clears caches', () => {
    const t = tree('a: 0644\n');
    const node = (t.asMap(t.root) as YAMLMap).items[0]?.value as never;
    expect(t.scalar(node)?.value).toBe(420);
    t.setDialect('core');
    expect(t.dialect).toBe('core');
    expect(t.scalar(node)?.value).toBe(644);
  });
});

describe('timeouts (§2.3)', () => {
  const conv = (s: string) => convertTimeout(resolveScalar(s, s, 'PLAIN', null, 'agent'), false);
  it.each([
    ['', 3600, false, 'default'],
    ['300', 300, true, 'integer'],
    ['1.9', 1, true, 'fraction'],
    ['0.5', 0, true, 'fraction'],
    ['3.0', 3, true, 'integer'],
    ['no', 3600, false, 'false'],
    ['yes', 3600, false, 'crash'],
    ['.inf', 3600, false, 'crash'],
    [':s', 3600, false, 'crash'],
    ['300s', 300, true, 'string'],
    ['5m', 5, true, 'string'],
    ['abc', 0, true, 'string'],
    ['1:30', 5400, true, 'integer'],
    ['1,000', 1000, true, 'integer'],
  ])('%j → %d', (s, seconds, explicit, how) => {
    expect(conv(s)).toEqual({ seconds, explicit, how });
  });
  it('collections crash; null is the default', () => {
    expect(convertTimeout(null, true).how).toBe('crash');
    expect(convertTimeout(null, false).seconds).toBe(3600);
  });
  it('Ruby String#to_i', () => {
    expect(rubyStringToI('  42abc')).toBe(42);
    expect(rubyStringToI('-7')).toBe(-7);
    expect(rubyStringToI('+1_000')).toBe(1000);
    expect(rubyStringToI('1__0')).toBe(1);
    expect(rubyStringToI('-')).toBe(0);
    expect(rubyStringToI('-0')).toBe(0);
  });
});

describe('effective models', () => {
  it('EC2: agent values, last duplicate wins, omitted empty events', () => {
    const text = [
      'version: 0.0',
      'os: linux',
      'file_exists_behavior: RETAIN',
      'files:',
      '  - source: .',
      '    destination: /srv',
      '  - just-a-string',
      'permissions:',
      '  - object: " /srv "',
      '    mode: 0644',
      '    except: [a, 1]',
      '    acls: ["u:bob:rwx"]',
      '    context: {name: user_u, type: t, range: s0}',
      '  - object: /x',
      '    type: [file]',
      '    pattern: "*.sh"',
      '    owner: root',
      '    mode: 0',
      'hooks:',
      '  BeforeInstall:',
      '    - location: " a.sh "',
      '      timeout: "300s"',
      '      runas: yes',
      '      sudo: true',
      '    - plain',
      '  AfterInstall:',
      '  ApplicationStop: false',
      '  ValidateService: [{location: v.sh, timeout: 1.9, sudo: false}]',
      'hooks:',
      '  ApplicationStart:',
      '    - location: s.sh',
      '',
    ].join('\n');
    const m = parseAppSpec(text, { platform: 'server' }).appSpec as Ec2AppSpec;
    expect(m.platform).toBe('server');
    expect(m.version).toBe(0);
    expect(m.os).toBe('linux');
    expect(m.fileExistsBehavior).toBe('RETAIN');
    expect(Object.keys(m.hooks)).toEqual(['ApplicationStart']); // the second hooks: replaces the first
    expect(m.files).toHaveLength(1);
    expect(m.files[0]).toMatchObject({ source: '.', destination: '/srv' });
    expect(m.permissions[0]).toMatchObject({
      object: '/srv',
      mode: '420',
      except: ['a', '1'],
      pattern: '**',
      type: ['file', 'directory'],
      acls: ['u:bob:rwx'],
      context: { name: 'user_u', user: null, type: 't', range: 's0' },
      owner: null,
    });
    expect(m.permissions[1]).toMatchObject({
      type: ['file'],
      pattern: '*.sh',
      owner: 'root',
      mode: '000',
      context: null,
      acls: null,
    });

    const first = parseAppSpec(text.replace(/\nhooks:\n {2}ApplicationStart:\n {4}- location: s.sh\n/, '\n'), {
      platform: 'server',
    }).appSpec as Ec2AppSpec;
    expect(Object.keys(first.hooks)).toEqual(['BeforeInstall', 'ValidateService']);
    expect(first.hooks.BeforeInstall).toHaveLength(1);
    expect(first.hooks.BeforeInstall?.[0]).toMatchObject({
      location: 'a.sh',
      timeoutSeconds: 300,
      timeoutExplicit: true,
      runas: 'true',
      sudo: true,
    });
    expect(first.hooks.ValidateService?.[0]).toMatchObject({ timeoutSeconds: 1, sudo: false, runas: null });
    expect(first.hookRanges.BeforeInstall?.start.line).toBe(20);
  });

  it('EC2: invalid file_exists_behavior and non-numeric version', () => {
    const m = parseAppSpec('version: "0.0"\nos: 1\nfile_exists_behavior: overwrite\n', { platform: 'server' })
      .appSpec as Ec2AppSpec;
    expect(m).toMatchObject({ version: '0.0', os: '1', fileExistsBehavior: null });
    const b = parseAppSpec('version: yes\nos:\n', { platform: 'server' }).appSpec as Ec2AppSpec;
    expect(b).toMatchObject({ version: 'true', os: null });
  });

  it('ECS: keys matched ignoring case, first resource only', () => {
    const text = `version: 0.0
resources:
  - TargetService:
      type: AWS::ECS::Service
      Properties:
        TaskDefinition: arn:aws:ecs:us-east-1:1:task-definition/a:1
        LoadBalancerInfo: {ContainerName: web, ContainerPort: 80}
        PlatformVersion: LATEST
        NetworkConfiguration:
          AwsvpcConfiguration: {Subnets: [s1], SecurityGroups: [g1], AssignPublicIp: ENABLED}
        CapacityProviderStrategy:
          - {Base: 1, CapacityProvider: FARGATE, Weight: 2}
          - nope
  - Other: {}
Hooks:
  - BeforeInstall: fn1
  - AfterAllowTraffic:
`;
    const m = parseAppSpec(text).appSpec as EcsAppSpec;
    expect(m.platform).toBe('ecs');
    expect(m.resource).toMatchObject({
      name: 'TargetService',
      type: 'AWS::ECS::Service',
      containerName: 'web',
      containerPort: 80,
      platformVersion: 'LATEST',
      awsvpc: { subnets: ['s1'], securityGroups: ['g1'], assignPublicIp: 'ENABLED' },
      capacityProviderStrategy: [{ base: 1, capacityProvider: 'FARGATE', weight: 2 }],
    });
    expect(m.hooks.map((h) => [h.event, h.functionName])).toEqual([
      ['BeforeInstall', 'fn1'],
      ['AfterAllowTraffic', null],
    ]);
    const bare = parseAppSpec('version: 0.0\nResources:\n  - TargetService:\n', { platform: 'ecs' })
      .appSpec as EcsAppSpec;
    expect(bare.resource).toMatchObject({
      name: 'TargetService',
      type: null,
      awsvpc: null,
      capacityProviderStrategy: null,
    });
    expect((parseAppSpec('version: 0.0\n', { platform: 'ecs' }).appSpec as EcsAppSpec).resource).toBeNull();
  });

  it('Lambda: versions as text', () => {
    const m = parseAppSpec(
      '{"version": 0.0, "Resources": [{"fn": {"Type": "AWS::Lambda::Function", "Properties": {"Name": "f", "Alias": "live", "CurrentVersion": 1, "TargetVersion": "2"}}}]}',
    ).appSpec as LambdaAppSpec;
    expect(m.resource).toMatchObject({
      logicalName: 'fn',
      name: 'f',
      alias: 'live',
      currentVersion: '1',
      targetVersion: '2',
    });
    expect((parseAppSpec('version: 0.0\n', { platform: 'lambda' }).appSpec as LambdaAppSpec).resource).toBeNull();
  });

  it('no model for a non-mapping or an unknown platform', () => {
    expect(parseAppSpec('- a\n', { platform: 'server' }).appSpec).toBeUndefined();
    expect(parseAppSpec('version: 0.0\n').appSpec).toBeUndefined();
  });

  it('parseAppSpec reports only file, yaml and appspec rules', () => {
    const r = parseAppSpec('version: "0.0"\nos: ubuntu\nhooks: {a: b}\n', { platform: 'server' });
    expect(r.diagnostics.every((d) => !d.ruleId.startsWith('ec2/'))).toBe(true);
    expect(parseAppSpec('', { rules: { 'appspec/empty': 'off' } }).diagnostics).toEqual([]);
  });
});

describe('inferPlatform (§3.4) and not-an-appspec detection (§1.5)', () => {
  it.each([
    ['version: 0.0\nos: linux\n', 'server'],
    ['files: []\n', 'server'],
    ['hooks:\n  AfterInstall: []\n', 'server'],
    ['version: 0.0\nApplicationStart: []\n', 'server'],
    ['Resources:\n  - TargetService:\n      Type: AWS::ECS::Service\n', 'ecs'],
    ['Resources:\n  - TargetService: {}\n', 'ecs'],
    ['Resources:\n  - svc:\n      Properties: {TaskDefinition: x}\n', 'ecs'],
    ['resources:\n  - fn:\n      type: AWS::Lambda::Function\n', 'lambda'],
    ['Resources:\n  - fn:\n      Properties: {Alias: live}\n', 'lambda'],
    ['Resources:\n  - fn:\n      Properties: {X: 1}\nHooks:\n  - AfterInstall: f\n', 'ecs'],
    ['Resources:\n  - fn: x\n', 'unknown'],
    ['Hooks:\n  - BeforeAllowTraffic: f\n', 'unknown'],
    ['version: 0.0\n', 'unknown'],
    ['', 'unknown'],
    ['a: [\n', 'unknown'],
    ['- version: 0.0\n', 'not-an-appspec'],
    ['just text\n', 'not-an-appspec'],
    ['~\n', 'unknown'],
    ['foo: 1\n', 'not-an-appspec'],
    ['AWSTemplateFormatVersion: "2010-09-09"\n', 'not-an-appspec'],
    ['Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n', 'not-an-appspec'],
    ['Transform: AWS::Serverless-2016-10-31\nResources: {}\n', 'not-an-appspec'],
    ['applicationName: app\nrevision: {}\n', 'not-an-appspec'],
    ['version: 0.0\nos: !Ref Os\n', 'not-an-appspec'],
    ['appSpecContent:\n  content: &&X&&\n', 'not-an-appspec'],
  ])('%j → %s', (text, platform) => {
    expect(inferPlatform(text)).toBe(platform);
  });

  it('reports the kind', () => {
    const kind = (t: string, o = {}) =>
      parseAppSpec(t, o).diagnostics.find((d) => d.ruleId === 'appspec/not-an-appspec')?.data?.kind;
    expect(kind('Transform: [AWS::Serverless-2016-10-31]\nResources: {}\n')).toBe('sam-template');
    expect(kind('Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n')).toBe('sam-template');
    expect(kind('AWSTemplateFormatVersion: x\n')).toBe('cloudformation-template');
    expect(kind('- !Ref x\n')).toBe('cloudformation-template');
    expect(kind('deploymentGroupName: g\n')).toBe('create-deployment-input');
    expect(kind('{}\n')).toBeUndefined();
    expect(kind('- a\n', { platform: 'server' })).toBeUndefined();
    expect(kind('false\n')).toBeUndefined();
  });

  it('raw-text signals', () => {
    expect(rawTextSignals('Transform: AWS::Serverless-2016-10-31\n')).toBe('sam-template');
    expect(rawTextSignals('x: !GetAtt a.b\n')).toBe('cloudformation-template');
    expect(rawTextSignals('"appSpecContent": {\n')).toBe('create-deployment-input');
    expect(rawTextSignals('version: 0.0\n')).toBeNull();
  });
});

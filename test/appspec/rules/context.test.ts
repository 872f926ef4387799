import { describe, expect, it } from 'vitest';
import { isSeq } from 'yaml';
import { buildModel } from '../../../src/appspec/parse/build-model.js';
import { inferFromTree } from '../../../src/appspec/parse/infer.js';
import { loadYaml } from '../../../src/appspec/parse/load.js';
import { YamlTree } from '../../../src/appspec/parse/tree.js';
import type { YAMLMap } from '../../../src/appspec/parse/types.js';
import { LintContext } from '../../../src/appspec/rules/context.js';
import { fileEntries, permissionEntries, scriptEntries } from '../../../src/appspec/rules/ec2/util.js';
import { hookItems, resources } from '../../../src/appspec/rules/shared-ecs-lambda.js';

function contextFor(text: string, platform: 'server' | 'ecs' = 'server'): LintContext {
  const tree = new YamlTree(loadYaml(text));
  if (platform === 'ecs') tree.setDialect('core');
  return new LintContext(tree, {
    options: { platform },
    platform,
    platformSource: 'option',
    appSpec: buildModel(tree, platform),
    notAppSpecKind: null,
    inference: inferFromTree(tree, true),
  });
}

const EC2 =
  'version: 0.0\nos: linux\nfiles:\n  - source: a\n    destination: /a\n  - source: b\n    destination: /b\npermissions:\n  - object: /a\nhooks:\n  AfterInstall:\n    - location: a.sh\n    - location: b.sh\n';

describe('LintContext.memo', () => {
  it('computes once, even for undefined and null values', () => {
    const ctx = contextFor(EC2);
    let calls = 0;
    const counted =
      <T>(value: T) =>
      () => {
        calls++;
        return value;
      };
    expect(ctx.memo('u', counted(undefined))).toBeUndefined();
    expect(ctx.memo('u', counted(undefined))).toBeUndefined();
    expect(ctx.memo('n', counted(null))).toBeNull();
    expect(ctx.memo('n', counted(null))).toBeNull();
    expect(calls).toBe(2);
  });

  it('drops its values when a node is newly suppressed, unless kept on suppress', () => {
    const ctx = contextFor(EC2);
    let calls = 0;
    let stableCalls = 0;
    const get = () => ctx.memo('k', () => ++calls);
    const getStable = () => ctx.memo('k', () => ++stableCalls, true);
    expect([get(), get(), getStable(), getStable()]).toEqual([1, 1, 1, 1]);
    const root = ctx.asMap(ctx.root) as YAMLMap;
    const files = ctx.get(root, 'files')?.value;
    ctx.suppress(files);
    expect([get(), getStable()]).toEqual([2, 1]);
    ctx.suppress(files); // already suppressed: nothing to recompute
    ctx.suppress(null);
    expect(get()).toBe(2);
  });

  it('EC2 structures are shared between rules and follow suppression', () => {
    const ctx = contextFor(EC2);
    const scripts = scriptEntries(ctx);
    expect(scripts.map((s) => s.index)).toEqual([0, 1]);
    expect(scriptEntries(ctx)).toBe(scripts);
    expect(fileEntries(ctx)).toHaveLength(2);
    expect(permissionEntries(ctx)).toHaveLength(1);
    const root = ctx.asMap(ctx.root) as YAMLMap;
    const filesSeq = ctx.get(root, 'files')?.value;
    if (!isSeq(filesSeq)) throw new Error('files is a list');
    ctx.suppress(filesSeq.items[0] as never);
    expect(fileEntries(ctx).map((f) => f.index)).toEqual([1]);
    expect(scriptEntries(ctx)).not.toBe(scripts);
    expect(scriptEntries(ctx)).toEqual(scripts);
    ctx.suppress(ctx.get(root, 'hooks')?.value);
    expect(scriptEntries(ctx)).toEqual([]);
  });

  it('ECS structures are shared between rules and follow suppression', () => {
    const ctx = contextFor(
      'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: t\nHooks:\n  - BeforeInstall: f\n',
      'ecs',
    );
    const all = resources(ctx);
    expect(all).toHaveLength(1);
    expect(resources(ctx)).toBe(all);
    expect(hookItems(ctx)).toHaveLength(1);
    ctx.suppress(all[0]?.item);
    expect(resources(ctx)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { isMap } from 'yaml';
import { appSpecRules, inferPlatform, lintAppSpec, parseAppSpec } from '../../src/appspec/index.js';
import { buildModel } from '../../src/appspec/parse/build-model.js';
import { inferFromTree } from '../../src/appspec/parse/infer.js';
import { loadYaml } from '../../src/appspec/parse/load.js';
import { YamlTree } from '../../src/appspec/parse/tree.js';
import type { YAMLMap } from '../../src/appspec/parse/types.js';
import { LintContext } from '../../src/appspec/rules/context.js';
import type { AppSpecRule, AppSpecRuleMeta } from '../../src/appspec/rules/types.js';
import { RULE_ORDER } from '../../src/appspec/rules/types.js';

describe('lintAppSpec', () => {
  it('exports the public API', () => {
    expect(typeof inferPlatform).toBe('function');
    expect(typeof parseAppSpec).toBe('function');
    const ids = appSpecRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['file/bom', 'yaml/syntax', 'appspec/placeholder']) expect(ids).toContain(id);
    for (const r of appSpecRules) {
      expect(r.description.length, r.id).toBeGreaterThan(0);
      expect(r.platforms === 'all' || r.platforms.length > 0, r.id).toBe(true);
    }
  });

  it('returns platform, source, model, sorted diagnostics and the verdict', () => {
    const r = lintAppSpec('version: 0.0\nos: linux\nx: 2020-01-01\ny: a\u200bb\n');
    expect(r.platform).toBe('server');
    expect(r.platformSource).toBe('inferred');
    expect(r.appSpec?.platform).toBe('server');
    const offsets = r.diagnostics.map((d) => d.range.start.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(r.verdict).toMatchObject({ outcome: 'reject', basis: 'agent-1.x' });
    expect(Object.isFrozen(r)).toBe(true);
  });

  it('verdict.first follows the agent order, not the text order', () => {
    const text = 'version: 0.0\nos: linux\nx: 2020-01-01\n';
    const r = lintAppSpec(`\uFEFF${text}`);
    expect(r.verdict.first?.ruleId).toBe('file/bom');
    const r2 = lintAppSpec(text);
    expect(r2.verdict.first?.ruleId).toBe('yaml/timestamp');
  });

  it('basis: agent-2.x and service-docs', () => {
    expect(lintAppSpec('version: 0.0\nos: linux\n', { agent: '2.x' }).verdict.basis).toBe('agent-2.x');
    expect(lintAppSpec('version: 0.0\nResources: []\n', { platform: 'lambda' }).verdict.basis).toBe('service-docs');
  });

  it('options.rules re-grades and turns rules off; accept follows', () => {
    const text = '\uFEFFversion: 0.0\nos: linux\n';
    expect(lintAppSpec(text, { rules: { 'file/bom': 'off' } }).verdict.outcome).toBe('accept');
    const w = lintAppSpec(text, { rules: { 'file/bom': 'warning' } });
    expect(w.diagnostics.find((d) => d.ruleId === 'file/bom')?.severity).toBe('warning');
    expect(w.verdict.outcome).toBe('accept');
    expect(w.verdict.first).toBeUndefined();
    const up = lintAppSpec('version: 0.0\nos: linux\na: 1\na: 2\n', { rules: { 'yaml/duplicate-key': 'error' } });
    expect(up.verdict.outcome).toBe('reject');
    expect(up.verdict.first?.ruleId).toBe('yaml/duplicate-key');
  });

  it('platform given → platformSource option; not-an-appspec wins', () => {
    expect(lintAppSpec('version: 0.0\n', { platform: 'ecs' })).toMatchObject({
      platform: 'ecs',
      platformSource: 'option',
    });
    expect(lintAppSpec('foo: 1\n', { platform: 'ecs' })).toMatchObject({
      platform: 'not-an-appspec',
      platformSource: 'inferred',
    });
  });

  it('coerces a non-string input instead of throwing', () => {
    expect(lintAppSpec(42 as unknown as string).platform).toBe('not-an-appspec');
  });
});

function contextFor(text: string, platform: 'server' | 'ecs' = 'server'): LintContext {
  const tree = new YamlTree(loadYaml(text));
  const inference = inferFromTree(tree, true);
  return new LintContext(tree, {
    options: { platform, agent: '2.x' },
    platform,
    platformSource: 'option',
    appSpec: buildModel(tree, platform),
    notAppSpecKind: null,
    inference,
  });
}

const meta = (id: string, extra: Partial<AppSpecRuleMeta> = {}): AppSpecRuleMeta => ({
  id,
  defaultSeverity: 'warning',
  description: 'test rule',
  platforms: ['server'],
  order: RULE_ORDER.other,
  ...extra,
});

describe('LintContext', () => {
  it('reports with node, pair, explicit ranges, severity2x and optional fields', () => {
    const text = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n';
    const ctx = contextFor(text);
    const rule: AppSpecRule = {
      meta: meta('test/a', { severity2x: 'error' }),
      check(c) {
        const root = c.asMap(c.root) as YAMLMap;
        const os = c.get(root, 'os');
        c.report({ node: os?.value, message: 'value' });
        c.report({ node: os?.pair, message: 'pair', severity: 'info', help: 'h', suggestions: ['s'], data: { k: 1 } });
        c.report({ range: [0, 7], message: 'offsets', related: [{ range: c.offsetRange(1, 2), message: 'r' }] });
        c.report({ range: c.documentStartRange(), message: 'range', suggestions: [], related: [] });
        const hooks = c.asMap(c.get(root, 'hooks')?.value) as YAMLMap;
        const seq = c.asSeq(c.entries(hooks)[0]?.value);
        c.report({ range: c.itemRange(seq?.items[0] as never), message: 'item' });
        c.report({ range: c.keyRange(c.entries(hooks)[0]!), message: 'key' });
        expect(c.describe(seq)).toBe('a list');
        expect(c.asScalar(os?.value)?.value).toBe('linux');
        expect(c.scalar(os?.value)?.text).toBe('linux');
        expect(c.deref(os?.value)).toBe(os?.value);
        expect(c.parentOf(os!.pair)).toBe(root);
        expect(c.range(os?.value).start.line).toBe(2);
        expect(c.inferred).toEqual({ platform: 'server', step: 5 });
        expect(c.agent).toBe('2.x');
        expect(c.appSpec?.platform).toBe('server');
        expect(isMap(c.root)).toBe(true);
        let calls = 0;
        const compute = () => ++calls;
        expect([c.memo('k', compute), c.memo('k', compute)]).toEqual([1, 1]);
      },
    };
    ctx.run(rule);
    const cover = (i: number) => {
      const d = ctx.diagnostics[i]!;
      return text.slice(d.range.start.offset, d.range.end.offset);
    };
    expect(ctx.diagnostics.map((d) => d.severity)).toEqual(['error', 'info', 'error', 'error', 'error', 'error']);
    expect([cover(0), cover(1), cover(2), cover(4), cover(5)]).toEqual([
      'linux',
      'os: linux',
      'version',
      '- location: a.sh',
      'AfterInstall',
    ]);
    expect(ctx.diagnostics[1]).toMatchObject({ help: 'h', suggestions: ['s'], data: { k: 1 } });
    expect(ctx.diagnostics[3]?.suggestions).toBeUndefined();
  });

  it('suppresses nodes reported by *-shape rules and their descendants', () => {
    const ctx = contextFor('version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    location: a.sh\n');
    let inner: unknown;
    ctx.run({
      meta: meta('test/hook-value-shape'),
      check(c) {
        const hooks = c.asMap(c.get(c.asMap(c.root)!, 'hooks')?.value)!;
        const v = c.entries(hooks)[0]!.value;
        inner = c.asMap(v)?.items[0]?.value;
        expect(c.isSuppressed(inner as never)).toBe(false);
        c.report({ node: v, message: 'shape' });
      },
    });
    expect(ctx.isSuppressed(inner as never)).toBe(true);
    expect(ctx.isSuppressed(ctx.root)).toBe(false);
    expect(ctx.isSuppressed(null)).toBe(false);
    ctx.suppress(ctx.root);
    ctx.suppress(null);
    expect(ctx.isSuppressed(ctx.root)).toBe(true);
  });

  it('turns a throwing rule into appspec/internal-error and ignores reports outside a rule', () => {
    const ctx = contextFor('version: 0.0\nos: linux\n');
    ctx.run({
      meta: meta('test/throws'),
      check() {
        throw new Error('boom');
      },
    });
    ctx.run({
      meta: meta('test/throws-string'),
      check() {
        throw 'bare';
      },
    });
    ctx.report({ message: 'no rule running' });
    expect(ctx.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      ['appspec/internal-error', 'Rule test/throws failed: boom'],
      ['appspec/internal-error', 'Rule test/throws-string failed: bare'],
    ]);
  });
});

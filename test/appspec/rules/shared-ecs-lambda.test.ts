import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintAppSpec } from '../../../src/appspec/lint.js';
import { ecsRules } from '../../../src/appspec/rules/ecs/index.js';
import { lambdaRules } from '../../../src/appspec/rules/lambda/index.js';
import { isKeyNameValue, lambdaVersionText, readPort } from '../../../src/appspec/rules/shared-ecs-lambda.js';
import type { ScalarValue } from '../../../src/appspec/rules/types.js';

const spec = readFileSync(new URL('../../../../shared/spec/appspec.md', import.meta.url), 'utf8');
const section = spec.slice(spec.indexOf('### 4.8'), spec.indexOf('### 4.9'));

/** Rule ids named in the §4.8 table for `prefix`, with their default severity. */
function specRules(prefix: 'ecs' | 'lambda'): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of section.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const cells = line.split('|').map((c) => c.trim());
    const severity = cells[2] ?? '';
    for (const m of (cells[1] ?? '').matchAll(/`([a-z0-9]+\/[a-z0-9-]+)`/g)) {
      if (m[1]?.startsWith(`${prefix}/`)) out.set(m[1], severity);
    }
  }
  return out;
}

describe.each([
  ['ecs', ecsRules, 24],
  ['lambda', lambdaRules, 14],
] as const)('%s rules', (platform, rules, count) => {
  it('match the §4.8 catalogue: ids and default severities', () => {
    const expected = specRules(platform);
    expect(expected.size).toBe(count);
    expect(rules).toHaveLength(count);
    expect(new Map(rules.map((r) => [r.meta.id, r.meta.defaultSeverity]))).toEqual(expected);
  });

  it('live one per file, named after the rule', () => {
    const dir = new URL(`../../../src/appspec/rules/${platform}/`, import.meta.url);
    const files = readdirSync(dir)
      .filter((f) => f !== 'index.ts')
      .map((f) => `${platform}/${f.replace(/\.ts$/, '')}`);
    expect(files.sort()).toEqual(rules.map((r) => r.meta.id).sort());
  });

  it('run shape rules first', () => {
    const shapes = rules.map((r, i) => (r.meta.id.endsWith('-shape') ? i : -1)).filter((i) => i >= 0);
    expect(shapes).toEqual(shapes.map((_, i) => i));
  });

  it.each(rules.map((r) => [r.meta.id, r] as const))('%s: metadata is complete and its examples behave', (id, rule) => {
    const meta = rule.meta;
    expect(meta.platforms).toEqual([platform]);
    expect(meta.category).toBe(platform);
    for (const text of [meta.description, meta.rationale, meta.badExample, meta.goodExample]) {
      expect(text?.trim().length ?? 0).toBeGreaterThan(10);
    }
    const bad = lintAppSpec(meta.badExample ?? '', { platform });
    expect(bad.diagnostics.map((d) => d.ruleId)).toContain(id);
    const good = lintAppSpec(meta.goodExample ?? '', { platform });
    expect(good.diagnostics).toEqual([]);
  });
});

describe('corpus files of ECS and Lambda', () => {
  const dir = new URL('../../../../shared/corpus/appspec/', import.meta.url);
  const rows = readFileSync(new URL('SOURCES.tsv', dir), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((cols) => cols[4] === 'ecs' || cols[4] === 'lambda');

  it.each(rows.map((cols) => [cols[0] as string, cols[4] as 'ecs' | 'lambda', cols[5] ?? '']))(
    '%s (%s) meets its verdict',
    (file, platform, verdict) => {
      const result = lintAppSpec(readFileSync(new URL(file, dir), 'utf8'), { platform });
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      const placeholders = result.diagnostics.filter((d) => d.ruleId === 'appspec/placeholder');
      if (verdict === 'accept') expect(errors).toEqual([]);
      if (verdict === 'reject') expect(errors.length).toBeGreaterThan(0);
      if (verdict === 'accept-after-substitution') {
        expect(errors).toEqual([]);
        expect(placeholders.length).toBeGreaterThan(0);
      }
      // the same verdict when the platform is inferred
      expect(lintAppSpec(readFileSync(new URL(file, dir), 'utf8')).platform).toBe(platform);
    },
  );
});

function scalar(kind: ScalarValue['kind'], value: ScalarValue['value'], source = String(value)): ScalarValue {
  return { kind, value, text: String(value), source, raw: source, style: 'plain', tag: null };
}

describe('helpers', () => {
  it('readPort classifies ports', () => {
    expect(readPort(scalar('int', 80), 'a number')).toEqual({ kind: 'ok' });
    expect(readPort(scalar('string', ' 443 '), 'a string')).toEqual({ kind: 'numeric-string', port: 443 });
    expect(readPort(scalar('string', 'ContainerPort'), 'a string')).toEqual({ kind: 'key-name' });
    expect(readPort(null, 'a list')).toEqual({ kind: 'invalid', reason: 'is a list' });
    expect(readPort(scalar('bool', true), 'true').kind).toBe('invalid');
    expect(readPort(scalar('float', 1.5), 'a number').kind).toBe('invalid');
  });

  it('isKeyNameValue ignores case and separators, and bounds its input', () => {
    expect(isKeyNameValue('container_port', 'ContainerPort')).toBe(true);
    expect(isKeyNameValue('port', 'ContainerPort')).toBe(false);
    expect(isKeyNameValue(`${'_'.repeat(100)}ContainerPort`, 'ContainerPort')).toBe(false);
  });

  it('lambdaVersionText accepts positive integers only', () => {
    expect(lambdaVersionText(scalar('int', 7))).toBe('7');
    expect(lambdaVersionText(scalar('string', '12'))).toBe('12');
    expect(lambdaVersionText(scalar('int', 0))).toBeNull();
    expect(lambdaVersionText(scalar('int', 2 ** 60))).toBeNull();
    expect(lambdaVersionText(scalar('string', '012'))).toBeNull();
    expect(lambdaVersionText(scalar('string', '1'.repeat(20)))).toBeNull();
    expect(lambdaVersionText(scalar('null', null))).toBeNull();
    expect(lambdaVersionText(null)).toBeNull();
  });
});

describe('robustness', () => {
  const keys = [
    'version',
    'Resources',
    'resources',
    'Hooks',
    'TargetService',
    'fn',
    'Type',
    'Properties',
    'TaskDefinition',
    'LoadBalancerInfo',
    'ContainerName',
    'ContainerPort',
    'NetworkConfiguration',
    'AwsvpcConfiguration',
    'Subnets',
    'SecurityGroups',
    'AssignPublicIp',
    'CapacityProviderStrategy',
    'Base',
    'Weight',
    'CapacityProvider',
    'Name',
    'Alias',
    'CurrentVersion',
    'TargetVersion',
    'BeforeInstall',
    'AfterAllowTraffic',
    '__proto__',
    'constructor',
  ];
  const leaf = fc.constantFrom<unknown>(
    0,
    1,
    80,
    -3,
    1.5,
    '',
    ' ',
    '0.0',
    'x',
    '<TOKEN>',
    'AWS::ECS::Service',
    true,
    null,
  );
  const { node } = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom(...keys), tie('node'), { maxKeys: 4 }),
    ),
  }));

  it('never throws and reports well-formed ranges for arbitrary ECS/Lambda-like documents', () => {
    fc.assert(
      fc.property(node, fc.constantFrom('ecs' as const, 'lambda' as const), (doc, platform) => {
        const text = JSON.stringify(doc) ?? 'null';
        const result = lintAppSpec(text, { platform });
        for (const d of result.diagnostics) {
          if (d.range.start.offset > d.range.end.offset || d.range.end.offset > text.length) return false;
        }
        return true;
      }),
      { numRuns: 1500 },
    );
  });
});

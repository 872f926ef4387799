import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../../src/diagnostics/types.js';
import { lintAppSpec } from '../../../../src/appspec/lint.js';
import { LAMBDA_PROPS, lambdaDoc } from '../../../../src/appspec/rules/examples-ecs-lambda.js';
import { at, startOf } from '../helpers.js';

function lint(text: string): readonly Diagnostic[] {
  return lintAppSpec(text, { platform: 'lambda' }).diagnostics;
}

function withRule(text: string, id: string): Diagnostic[] {
  return lint(text).filter((d) => d.ruleId === id);
}

function lambdaIds(text: string): string[] {
  return lint(text)
    .map((d) => d.ruleId)
    .filter((id) => id.startsWith('lambda/'));
}

const VALID = lambdaDoc(undefined, 'Hooks:\n  - BeforeAllowTraffic: PreFn\n  - AfterAllowTraffic: PostFn\n');

describe('a valid Lambda AppSpec', () => {
  it('has no finding and is accepted, in YAML and JSON', () => {
    const result = lintAppSpec(VALID, { platform: 'lambda' });
    expect(result.diagnostics).toEqual([]);
    expect(result.verdict).toEqual({ outcome: 'accept', basis: 'service-docs' });
    const json = JSON.stringify({
      version: '0.0',
      Resources: [
        {
          fn: {
            Type: 'AWS::Lambda::Function',
            Properties: { Name: 'f', Alias: 'a', CurrentVersion: 3, TargetVersion: 4 },
          },
        },
      ],
    });
    expect(lint(json)).toEqual([]);
  });
});

describe('lambda/version', () => {
  it('fires for version 1 and for a missing version', () => {
    expect(withRule(lambdaDoc().replace('version: 0.0', 'version: 1'), 'lambda/version')).toHaveLength(1);
    expect(withRule(lambdaDoc().replace('version: 0.0\n', ''), 'lambda/version')).toHaveLength(1);
  });

  it('does not fire for 0.0 or "0.0"', () => {
    expect(withRule(lambdaDoc().replace('version: 0.0', 'version: "0.0"'), 'lambda/version')).toEqual([]);
    expect(withRule(VALID, 'lambda/version')).toEqual([]);
  });
});

describe('lambda/unknown-key and lambda/key-case', () => {
  it('unknown-key fires with a did-you-mean', () => {
    const found = withRule(lambdaDoc().replace('Alias:', 'Alais:'), 'lambda/unknown-key');
    expect(found).toHaveLength(1);
    expect(found[0]?.suggestions).toEqual(['Alias']);
  });

  it('unknown-key flags ECS-only properties and events at the top level', () => {
    const text = lambdaDoc(`${LAMBDA_PROPS}        TaskDefinition: x\n`, 'BeforeAllowTraffic: Fn\n');
    expect(withRule(text, 'lambda/unknown-key')).toHaveLength(2);
  });

  it('key-case fires (info) for a lower-case key and keeps the file accepted', () => {
    const text = lambdaDoc().replace('CurrentVersion:', 'currentversion:').replace('Properties:', 'properties:');
    const found = withRule(text, 'lambda/key-case');
    expect(found.map((d) => d.suggestions?.[0])).toEqual(['Properties', 'CurrentVersion']);
    expect(withRule(text, 'lambda/property-missing')).toEqual([]);
    expect(lintAppSpec(text, { platform: 'lambda' }).verdict.outcome).toBe('accept');
  });

  it('neither fires for the documented spelling', () => {
    expect(lambdaIds(VALID)).toEqual([]);
  });
});

describe('lambda/resources-missing, -shape, -count and resource-type', () => {
  it('resources-missing fires without Resources', () => {
    expect(withRule('version: 0.0\nHooks:\n  - BeforeAllowTraffic: Fn\n', 'lambda/resources-missing')).toHaveLength(1);
    expect(withRule(VALID, 'lambda/resources-missing')).toEqual([]);
  });

  it('resources-shape fires for a mapping, suppressing the rest', () => {
    const text = 'version: 0.0\nResources:\n  myFunction:\n    Properties:\n      Name: f\n';
    expect(lambdaIds(text)).toEqual(['lambda/resources-shape']);
    expect(withRule(VALID, 'lambda/resources-shape')).toEqual([]);
  });

  it('resources-count fires for two functions', () => {
    const text = `${lambdaDoc()}  - other:\n      Type: AWS::Lambda::Function\n`;
    expect(withRule(text, 'lambda/resources-count')[0]?.message).toContain('one function');
  });

  it('resource-type fires for another type, including the SAM one', () => {
    const text = lambdaDoc().replace('AWS::Lambda::Function', 'AWS::Serverless::Function');
    expect(withRule(text, 'lambda/resource-type')[0]?.suggestions).toEqual(['AWS::Lambda::Function']);
    expect(withRule(VALID, 'lambda/resource-type')).toEqual([]);
  });
});

describe('lambda/property-missing', () => {
  it.each(['Name', 'Alias', 'CurrentVersion', 'TargetVersion'])('fires at Properties when %s is absent', (key) => {
    const text = lambdaDoc().replace(new RegExp(` {8}${key}: .*\\n`), '');
    const found = withRule(text, 'lambda/property-missing');
    expect(found).toHaveLength(1);
    expect(found[0]?.data).toEqual({ property: key });
    expect(startOf(found[0])).toEqual(at(text, 'Properties'));
  });

  it('fires for all four when Properties is absent, at the function name', () => {
    const text = 'version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n';
    const found = withRule(text, 'lambda/property-missing');
    expect(found).toHaveLength(4);
    expect(startOf(found[0])).toEqual(at(text, 'fn:'));
  });

  it.each([
    ['Name: "my-function"', 'Name:'],
    ['Alias: "live"', 'Alias: "  "'],
    ['Name: "my-function"', 'Name: [a]'],
  ])('fires when %s becomes %s', (from, to) => {
    expect(withRule(lambdaDoc().replace(from, to), 'lambda/property-missing')).toHaveLength(1);
  });

  it('does not fire for placeholders or complete properties', () => {
    expect(withRule(lambdaDoc().replace('"my-function"', '"{{NAME}}"'), 'lambda/property-missing')).toEqual([]);
    expect(withRule(VALID, 'lambda/property-missing')).toEqual([]);
  });
});

describe('lambda/version-format', () => {
  it.each([
    ['"$LATEST"', '$LATEST', undefined],
    ['0', 'positive integer', undefined],
    ['1.0', 'positive integer', ['1']],
    ['v2', 'positive integer', ['2']],
    ['"03"', 'positive integer', ['3']],
    ['-1', 'positive integer', undefined],
    ['[1]', 'positive integer', undefined],
    ['true', 'positive integer', undefined],
  ])('fires for TargetVersion: %s', (value, words, suggestions) => {
    const text = lambdaDoc().replace('TargetVersion: "2"', `TargetVersion: ${value}`);
    const found = withRule(text, 'lambda/version-format');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain(words);
    expect(found[0]?.suggestions).toEqual(suggestions);
    const key = at(text, 'TargetVersion: ');
    expect(startOf(found[0])).toEqual({ line: key.line, column: key.column + 'TargetVersion: '.length });
  });

  it('does not fire for integers, numeric strings, placeholders or blanks', () => {
    for (const value of ['2', '"17"', '"{{TARGET_VERSION}}"', '""']) {
      const text = lambdaDoc().replace('TargetVersion: "2"', `TargetVersion: ${value}`);
      expect(withRule(text, 'lambda/version-format'), value).toEqual([]);
    }
  });
});

describe('lambda/same-version', () => {
  it('fires when both versions are equal, as text or number', () => {
    const text = lambdaDoc().replace('TargetVersion: "2"', 'TargetVersion: 1');
    const found = withRule(text, 'lambda/same-version');
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('warning');
    expect(found[0]?.related?.[0]?.message).toBe('CurrentVersion');
  });

  it('does not fire for different, invalid or placeholder versions', () => {
    expect(withRule(VALID, 'lambda/same-version')).toEqual([]);
    const both = lambdaDoc().replace('"1"', '"$LATEST"').replace('"2"', '"$LATEST"');
    expect(withRule(both, 'lambda/same-version')).toEqual([]);
    const tokens = lambdaDoc().replace('"1"', '"{{V}}"').replace('"2"', '"{{V}}"');
    expect(withRule(tokens, 'lambda/same-version')).toEqual([]);
  });
});

describe('lambda hooks', () => {
  it('hooks-shape fires for the EC2 mapping style', () => {
    expect(lambdaIds(lambdaDoc(undefined, 'Hooks:\n  BeforeAllowTraffic: Fn\n'))).toEqual(['lambda/hooks-shape']);
  });

  it('hook-name fires for the template key and ECS events, with suggestions', () => {
    const text = lambdaDoc(undefined, 'Hooks:\n  - LifeCycleEvent: Fn\n  - BeforeInstall: Fn\n  - AllowTraffic: Fn\n');
    const found = withRule(text, 'lambda/hook-name');
    expect(found.map((d) => d.suggestions)).toEqual([
      ['BeforeAllowTraffic', 'AfterAllowTraffic'],
      undefined,
      ['BeforeAllowTraffic', 'AfterAllowTraffic'],
    ]);
    expect(found[1]?.message).toContain('is not a Lambda event');
  });

  it('hook-function-empty and hook-duplicate fire', () => {
    const text = lambdaDoc(undefined, 'Hooks:\n  - BeforeAllowTraffic: ""\n  - BeforeAllowTraffic: Fn\n');
    expect(lambdaIds(text)).toEqual(['lambda/hook-function-empty', 'lambda/hook-duplicate']);
  });

  it('the console template (same version, LifeCycleEvent with "") is rejected', () => {
    const text = lambdaDoc()
      .replace('TargetVersion: "2"', 'TargetVersion: "1"')
      .concat('Hooks:\n  - LifeCycleEvent: ""\n');
    const result = lintAppSpec(text, { platform: 'lambda' });
    expect(result.verdict.outcome).toBe('reject');
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(
      expect.arrayContaining([
        'lambda/same-version',
        'lambda/hook-name',
        'lambda/hook-function-empty',
        'appspec/template-text',
      ]),
    );
  });
});

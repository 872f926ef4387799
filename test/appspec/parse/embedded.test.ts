import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { lintAppSpec } from '../../../src/appspec/lint.js';
import { parseAppSpec } from '../../../src/appspec/parse/index.js';
import { findEmbeddedContent, mapEmbeddedDiagnostics } from '../../../src/appspec/parse/embedded.js';
import { loadYaml } from '../../../src/appspec/parse/load.js';
import { YamlTree } from '../../../src/appspec/parse/tree.js';
import type { Diagnostic } from '../../../src/diagnostics/types.js';
import { LineIndex } from '../../../src/diagnostics/line-index.js';
import { corpusFiles, expectRangesInside, SHARED } from '../shared.js';

const slice = (text: string, d: Diagnostic): string => text.slice(d.range.start.offset, d.range.end.offset);
const embeddedOf = (ds: readonly Diagnostic[]): Diagnostic[] => ds.filter((d) => d.data?.['embedded'] === true);
const notEmbedded = (ds: readonly Diagnostic[]): Diagnostic[] => ds.filter((d) => d.data?.['embedded'] !== true);

/** The embedded AppSpec linted alone (same options, no file name). */
function alone(content: string): readonly Diagnostic[] {
  return lintAppSpec(content).diagnostics;
}

/** Asserts the host has the not-an-appspec error and, per embedded diagnostic, the mapped counterpart. */
function expectMapped(host: string, content: string, decode: (hostText: string) => string): Diagnostic[] {
  const result = lintAppSpec(host);
  expectRangesInside(result.diagnostics, host, 'host');
  const own = notEmbedded(result.diagnostics);
  expect(own.map((d) => d.ruleId)).toEqual(['appspec/not-an-appspec']);
  expect(own[0]?.data).toEqual({ kind: 'create-deployment-input' });
  expect(result.platform).toBe('not-an-appspec');
  expect(result.verdict.outcome).toBe('reject');
  const expected = alone(content);
  const mapped = embeddedOf(result.diagnostics);
  expect(mapped.map((d) => d.ruleId).sort()).toEqual(expected.map((d) => d.ruleId).sort());
  expect(expected.length).toBeGreaterThan(0);
  for (const e of expected) {
    const m = mapped.find((d) => d.ruleId === e.ruleId && d.message === e.message);
    expect(m, e.ruleId).toBeDefined();
    expect(decode(slice(host, m as Diagnostic)), e.ruleId).toBe(slice(content, e));
    expect(m?.pointer).toBeUndefined();
  }
  return mapped;
}

const EC2_CONTENT =
  'version: 0.0\nos: linox\nhooks:\n  BeforeInstall:\n    - location: "scripts/caf\u00e9.sh"\n      timeout: "x"\n      runas: r\u00f6\u00f6t\n';

describe('embedded AppSpec of a create-deployment input (§1.5)', () => {
  it('JSON host: maps offsets through \\n, \\" and \\uXXXX escapes', () => {
    const host = JSON.stringify(
      {
        applicationName: 'app',
        revision: { revisionType: 'AppSpecContent', appSpecContent: { content: EC2_CONTENT } },
      },
      null,
      2,
    ).replace('caf\u00e9', 'caf\\u00e9');
    expect(host).toContain('\\u00e9');
    const mapped = expectMapped(host, EC2_CONTENT, (s) => JSON.parse(`"${s}"`) as string);
    const timeout = mapped.find((d) => d.ruleId === 'ec2/timeout-invalid') as Diagnostic;
    expect(slice(host, timeout)).toBe('\\"x\\"');
    const os = mapped.find((d) => d.ruleId === 'ec2/os-value') as Diagnostic;
    expect(slice(host, os)).toBe('linox');
    // All on the content's one host line.
    const contentLine = host.split('\n').findIndex((l) => l.includes('"content"')) + 1;
    for (const d of mapped) expect(d.range.start.line).toBe(contentLine);
    for (const d of mapped) expect(d.data?.['embedded']).toBe(true);
  });

  it('YAML host with a literal block scalar: line by line, columns shifted by the indentation', () => {
    const indented = EC2_CONTENT.split('\n')
      .map((l) => (l === '' ? l : `      ${l}`))
      .join('\n');
    const host = `applicationName: app\nrevision:\n  revisionType: AppSpecContent\n  appSpecContent:\n    content: |\n${indented}`;
    const mapped = expectMapped(host, EC2_CONTENT, (s) => s);
    const own = alone(EC2_CONTENT);
    for (const d of mapped) {
      const e = own.find((x) => x.ruleId === d.ruleId) as Diagnostic;
      expect(d.range.start.line).toBe(e.range.start.line + 5);
      expect(d.range.start.column).toBe(e.range.start.column + 6);
    }
  });

  it('YAML host with a folded block scalar and a strip indicator', () => {
    const content = 'version: 0.0\n\nos: linox\n\nfiles: 3';
    const host =
      'applicationName: app\nrevision:\n  appSpecContent:\n    content: >-\n      version: 0.0\n\n\n      os: linox\n\n\n      files: 3\n';
    expect(findEmbeddedContent(new YamlTree(loadYaml(host)))?.text).toBe(content);
    expectMapped(host, content, (s) => s);
  });

  it('YAML host with double-quoted and single-quoted strings', () => {
    const dq =
      'applicationName: app\nrevision:\n  appSpecContent:\n    content: "version: 0.0\\nos: \\x6cinox\\nhooks:\\n  AfterInstall:\\n    - location: \\"a b.sh\\"\\n      timeout: \\U0001F600\\n"\n';
    const dqContent = findEmbeddedContent(new YamlTree(loadYaml(dq)))?.text as string;
    expect(dqContent).toContain('\u{1F600}');
    const decodeDq = (s: string): string => {
      const t = new YamlTree(loadYaml(`"${s}"`));
      return String(t.scalar(t.root)?.value);
    };
    const mapped = expectMapped(dq, dqContent, decodeDq);
    expect(slice(dq, mapped.find((d) => d.ruleId === 'ec2/os-value') as Diagnostic)).toBe('\\x6cinox');

    const sq =
      "applicationName: app\nrevision:\n  appSpecContent:\n    content: '{version: 0.0, os: ''linox'', files: 3}'\n";
    const sqContent = "{version: 0.0, os: 'linox', files: 3}";
    const sqMapped = expectMapped(sq, sqContent, (s) => s.replaceAll("''", "'"));
    expect(slice(sq, sqMapped.find((d) => d.ruleId === 'ec2/os-value') as Diagnostic)).toBe("''linox''");
  });

  it('multi-line quoted and plain strings fold, and still map exactly', () => {
    const host =
      'applicationName: app\nrevision:\n  appSpecContent:\n    content: "{version: 0.0,   \n      os: linox,\\\n      \\ files: 3}"\n';
    const content = findEmbeddedContent(new YamlTree(loadYaml(host)))?.text as string;
    expect(content).toBe('{version: 0.0, os: linox, files: 3}');
    expectMapped(host, content, (s) => s);
    const plain = 'applicationName: app\nrevision:\n  appSpecContent:\n    content: {version: 0.0,\n      os: linox}\n';
    // A flow mapping is not a string: no embedded lint.
    expect(embeddedOf(lintAppSpec(plain).diagnostics)).toEqual([]);
    const plainString =
      'applicationName: app\nrevision:\n  appSpecContent:\n    content: version 0.0\n      os linox\n';
    const e = findEmbeddedContent(new YamlTree(loadYaml(plainString)));
    expect(e?.text).toBe('version 0.0 os linox');
    expect(e?.starts).not.toBeNull();
    expect(plainString.slice(e?.starts?.[12] ?? 0, e?.ends?.[13] ?? 0)).toBe('os');
  });

  it('falls back to the whole string value where no exact mapping exists', () => {
    // An indentation indicator on a header line of its own: the block indentation is not guessed.
    const host =
      'applicationName: app\nrevision:\n  appSpecContent:\n    content:\n      |2\n          version: 0.0\n          os: linox\n';
    const embedded = findEmbeddedContent(new YamlTree(loadYaml(host)));
    expect(embedded?.text).toBe('    version: 0.0\n    os: linox\n');
    expect(embedded?.starts).toBeNull();
    const result = lintAppSpec(host);
    expectRangesInside(result.diagnostics, host, 'fallback');
    const os = embeddedOf(result.diagnostics).find((d) => d.ruleId === 'ec2/os-value') as Diagnostic;
    expect(os).toBeDefined();
    expect(slice(host, os)).toBe(host.slice(host.indexOf('|2'), host.length - 1));
    // The same indicator after the key maps exactly (indentation = the key line's + 2).
    const keyed =
      'applicationName: app\nrevision:\n  appSpecContent:\n    content: |2 # 9 spaces\n        version: 0.0\n        os: linox\n';
    const exact = findEmbeddedContent(new YamlTree(loadYaml(keyed)));
    expect(exact?.text).toBe('  version: 0.0\n  os: linox\n');
    expect(exact?.starts).not.toBeNull();
    expectMapped(keyed, exact?.text as string, (s) => s);
  });

  it('does not lint content that is not a string, or a host that does not parse', () => {
    for (const host of [
      'applicationName: app\nrevision:\n  appSpecContent:\n    content:\n      version: 0.0\n      os: linox\n',
      'applicationName: app\nrevision:\n  appSpecContent:\n    content: 0.0\n',
      'applicationName: app\nrevision:\n  appSpecContent: "version: 0.0"\n',
      'applicationName: app\nrevision: "x"\n',
      'applicationName: app\nappSpecContent:\n  content: "version: 0.0\\nos: linox"\n',
      'applicationName: app\nrevision:\n  appSpecContent:\n    content: "os: linox"\n  - [\n',
    ]) {
      const result = lintAppSpec(host);
      expect(result.platform, host).toBe('not-an-appspec');
      expect(embeddedOf(result.diagnostics), host).toEqual([]);
    }
    expect(findEmbeddedContent(new YamlTree(loadYaml('revision: [\n')))).toBeNull();
  });

  it('maps a YAML syntax error of the embedded AppSpec into the host', () => {
    const content = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall: [\n';
    const host = JSON.stringify({ applicationName: 'a', revision: { appSpecContent: { content } } });
    const result = lintAppSpec(host);
    expectRangesInside(result.diagnostics, host, 'syntax');
    const syntax = embeddedOf(result.diagnostics).filter((d) => d.ruleId === 'yaml/syntax');
    expect(syntax.length).toBeGreaterThan(0);
    const start = host.indexOf('"version');
    const end = host.lastIndexOf('"');
    for (const d of syntax) {
      expect(d.severity).toBe('error');
      expect(d.range.start.offset).toBeGreaterThan(start);
      expect(d.range.end.offset).toBeLessThanOrEqual(end);
      expect(d.data?.['code']).toBeTypeOf('string');
    }
    const own = alone(content).filter((d) => d.ruleId === 'yaml/syntax');
    expect(syntax.map((d) => d.message)).toEqual(own.map((d) => d.message));
  });

  it('lints with the same options: platform, rule settings; no file name rules; one level deep', () => {
    const content = 'version: 0.0\nos: linox\n';
    const host = JSON.stringify({ applicationName: 'a', revision: { appSpecContent: { content } } });
    const graded = lintAppSpec(host, { rules: { 'ec2/os-value': 'warning' }, fileName: 'dir/input.json' });
    const os = embeddedOf(graded.diagnostics).find((d) => d.ruleId === 'ec2/os-value');
    expect(os?.severity).toBe('warning');
    expect(embeddedOf(graded.diagnostics).some((d) => d.ruleId.startsWith('file/'))).toBe(false);
    const off = lintAppSpec(host, { rules: { 'ec2/os-value': 'off' } });
    expect(embeddedOf(off.diagnostics).some((d) => d.ruleId === 'ec2/os-value')).toBe(false);
    const asLambda = lintAppSpec(host, { platform: 'lambda' });
    expect(embeddedOf(asLambda.diagnostics).some((d) => d.ruleId.startsWith('lambda/'))).toBe(true);
    expect(embeddedOf(asLambda.diagnostics).some((d) => d.ruleId.startsWith('ec2/'))).toBe(false);
    // parseAppSpec reports the embedded load-level findings only.
    const parsed = parseAppSpec(host);
    expect(embeddedOf(parsed.diagnostics).every((d) => !d.ruleId.startsWith('ec2/'))).toBe(true);
    // An input embedded in an input is reported, not unpacked again.
    const inner = JSON.stringify({ applicationName: 'b', revision: { appSpecContent: { content } } });
    const nested = JSON.stringify({ applicationName: 'a', revision: { appSpecContent: { content: inner } } });
    const ids = embeddedOf(lintAppSpec(nested).diagnostics).map((d) => d.ruleId);
    expect(ids).toEqual(['appspec/not-an-appspec']);
  });

  it('maps related ranges and zero-width ranges', () => {
    const content = 'version: 0.0\nos: linux\nos: linux\n';
    const host = `applicationName: a\nrevision:\n  appSpecContent:\n    content: |\n${content
      .split('\n')
      .map((l) => (l ? `      ${l}` : l))
      .join('\n')}`;
    const dup = embeddedOf(lintAppSpec(host).diagnostics).find((d) => d.ruleId === 'yaml/duplicate-key');
    expect(dup?.related?.length).toBeGreaterThan(0);
    expect(host.slice(dup?.related?.[0]?.range.start.offset, dup?.related?.[0]?.range.end.offset)).toBe('os');
    const tree = new YamlTree(loadYaml(host));
    const embedded = findEmbeddedContent(tree);
    if (!embedded) throw new Error('no embedded content');
    const lines = new LineIndex(content);
    const [atEnd, atStart] = mapEmbeddedDiagnostics(embedded, tree, [
      { ruleId: 'x/y', severity: 'info', message: 'end', range: lines.range(content.length, content.length) },
      { ruleId: 'x/y', severity: 'info', message: 'start', range: lines.range(0, 0), pointer: '/os' },
    ]);
    expect(atEnd?.range.start.offset).toBe(atEnd?.range.end.offset);
    expect(atEnd?.range.start.offset).toBe(host.length);
    expect(atStart?.range.start.offset).toBe(host.indexOf('version'));
    expect(atStart?.pointer).toBeUndefined();
    expect(atStart?.data).toEqual({ embedded: true });
    const empty = findEmbeddedContent(new YamlTree(loadYaml('revision:\n  appSpecContent:\n    content: ""\n')));
    expect(empty?.text).toBe('');
    const [fallback] = mapEmbeddedDiagnostics(empty as NonNullable<typeof empty>, tree, [
      { ruleId: 'x/y', severity: 'info', message: 'm', range: lines.range(0, 0) },
    ]);
    expect(fallback?.range.start.offset).toBe(empty?.valueStart);
  });

  it('property: every style the yaml package writes maps exactly, inside the host', () => {
    const line = fc.constantFrom(
      'version: 0.0',
      'os: linox',
      'os: linux',
      'files:',
      '  - source: "a\\tb"',
      '    destination: /var/caf\u00e9',
      "hooks: {AfterInstall: [{location: 'x.sh', timeout: zz}]}",
      '',
      '  # comment with "quotes" and \\ backslash',
      'permissions: [',
      '\u{1F600}: x',
    );
    const style = fc.constantFrom('QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED', 'PLAIN', 'JSON');
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.boolean(), style, (lines, nl, st) => {
        const content = lines.join('\n') + (nl ? '\n' : '');
        const doc = { applicationName: 'a', revision: { appSpecContent: { content } } };
        const host =
          st === 'JSON'
            ? JSON.stringify(doc, null, 1)
            : stringify(doc, {
                defaultStringType: st as 'QUOTE_DOUBLE',
                defaultKeyType: 'PLAIN',
                lineWidth: 40,
              });
        // The yaml package's own reading (its writer does not always round-trip with lineWidth).
        const read = (parse(host) as typeof doc).revision.appSpecContent.content;
        const tree = new YamlTree(loadYaml(host));
        const embedded = findEmbeddedContent(tree);
        expect(embedded?.text).toBe(read);
        if (
          read === content &&
          (st === 'JSON' || st === 'QUOTE_SINGLE' || st === 'BLOCK_LITERAL' || st === 'QUOTE_DOUBLE')
        ) {
          expect(embedded?.starts, host).not.toBeNull();
        }
        const { starts, ends } = embedded as NonNullable<typeof embedded>;
        if (starts && ends) {
          for (let i = 0; i < read.length; i++) {
            const c = read[i] as string;
            if (/[A-Za-z0-9:]/.test(c) && st !== 'QUOTE_DOUBLE' && st !== 'JSON') {
              expect(host.slice(starts[i], ends[i])).toBe(c);
            }
            if (/[A-Za-z0-9]/.test(c)) expect(host[starts[i] as number]).toBe(c);
          }
        }
        const result = lintAppSpec(host);
        expectRangesInside(result.diagnostics, host, st);
        expect(embeddedOf(result.diagnostics).length).toBe(alone(read).length);
      }),
      { numRuns: 400 },
    );
  });

  it('corpus: the create-deployment input of aws-donggyus-lab/ecs_codeDeploy', () => {
    const file = corpusFiles().find((f) => f.file === 'aws-donggyus-lab__ecs_codeDeploy__deploy_appspec.yaml');
    const text = file?.text ?? readFileSync(resolve(SHARED, 'corpus/appspec', 'missing'), 'utf8');
    const tree = new YamlTree(loadYaml(text));
    const embedded = findEmbeddedContent(tree);
    expect(embedded?.starts).not.toBeNull();
    expect(embedded?.text.startsWith('version: 0\nResources:')).toBe(true);
    const mapped = expectMapped(text, embedded?.text as string, (s) => s);
    expect(mapped.some((d) => d.ruleId.startsWith('ecs/'))).toBe(true);
    for (const d of mapped) expect(d.range.start.line).toBeGreaterThanOrEqual(7);
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import {
  escapeGithubData,
  escapeGithubProperty,
  type FileDiagnostics,
  formatGithub,
  formatJson,
  formatSarif,
  formatStylish,
} from '../../../src/diagnostics/format/index.js';
import { LineIndex } from '../../../src/diagnostics/line-index.js';
import type { RuleMeta } from '../../../src/diagnostics/types.js';

const text = 'version: "0.0"\nos: linux\nhooks:\n  AfterInstal:\n';
const idx = new LineIndex(text);
const files: FileDiagnostics[] = [
  {
    path: 'app/appspec.yml',
    diagnostics: [
      {
        ruleId: 'ec2/version-string',
        severity: 'error',
        message: 'version is the string "0.0"; the agent needs the number 0.0',
        range: idx.range(9, 14),
        help: 'Write version: 0.0 without quotes.',
      },
      {
        ruleId: 'ec2/hook-unknown',
        severity: 'warning',
        message: 'hook AfterInstal never runs',
        range: idx.range(34, 45),
        suggestions: ['AfterInstall'],
      },
      { ruleId: 'file/crlf', severity: 'info', message: 'line\nbreak', range: idx.range(0, 0) },
    ],
  },
  { path: 'clean.yml', diagnostics: [] },
];
const rules: RuleMeta[] = [
  {
    id: 'ec2/version-string',
    defaultSeverity: 'error',
    description: 'version is a string',
    rationale: 'the agent compares with 0.0',
    category: 'correctness',
  },
  { id: 'ec2/hook-unknown', defaultSeverity: 'warning', description: 'unknown hook' },
];

describe('formatStylish', () => {
  it('prints the path, aligned rows and a summary, skipping clean files', () => {
    const out = formatStylish(files);
    const lines = out.split('\n');
    expect(lines[0]).toBe('app/appspec.yml');
    expect(lines[1]).toMatch(
      /^ {2}1:10 +error +version is the string "0\.0"; the agent needs the number 0\.0 +ec2\/version-string$/,
    );
    expect(lines[2]).toMatch(/^ {2}4:3 +warning +hook AfterInstal never runs +ec2\/hook-unknown$/);
    expect(lines[3]).toContain('line break');
    expect(out).not.toContain('clean.yml');
    expect(out).toContain('✖ 3 problems (1 error, 1 warning, 1 info)');
  });

  it('returns an empty string when nothing is reported, and colours on request', () => {
    expect(formatStylish([{ path: 'a', diagnostics: [] }])).toBe('');
    expect(formatStylish(files, { color: true })).toContain('\u001b[31m');
    const one = formatStylish([{ path: 'a', diagnostics: [files[0]!.diagnostics[1]!] }]);
    expect(one).toContain('✖ 1 problem (0 errors, 1 warning)');
  });
});

describe('formatJson', () => {
  it('round-trips the diagnostics with counts per file', () => {
    const parsed = JSON.parse(formatJson(files));
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({ path: 'app/appspec.yml', errorCount: 1, warningCount: 1, infoCount: 1 });
    expect(parsed[0].diagnostics[1].suggestions).toEqual(['AfterInstall']);
    expect(parsed[1].diagnostics).toEqual([]);
  });
});

describe('formatGithub', () => {
  it('writes one workflow command per diagnostic with end positions', () => {
    const lines = formatGithub(files).trimEnd().split('\n');
    expect(lines[0]).toBe(
      '::error file=app/appspec.yml,line=1,col=10,endLine=1,endColumn=15,title=ec2/version-string::version is the string "0.0"; the agent needs the number 0.0',
    );
    expect(lines[1]?.startsWith('::warning ')).toBe(true);
    expect(lines[2]).toBe(
      '::notice file=app/appspec.yml,line=1,col=1,endLine=1,endColumn=1,title=file/crlf::line%0Abreak',
    );
    expect(formatGithub([])).toBe('');
  });

  it('escapes % CR LF in data, and also : and , in properties', () => {
    expect(escapeGithubData('50%\r\n')).toBe('50%25%0D%0A');
    expect(escapeGithubProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    const out = formatGithub([
      { path: 'dir,x/a:b.yml', diagnostics: [{ ...files[0]!.diagnostics[0]!, ruleId: 'x:y', message: '100%' }] },
    ]);
    expect(out).toContain('file=dir%2Cx/a%3Ab.yml');
    expect(out).toContain('title=x%3Ay::100%25');
  });
});

describe('formatSarif', () => {
  const schema = JSON.parse(readFileSync(resolve(process.cwd(), '../shared/schemas/sarif-2.1.0.json'), 'utf8'));
  // CJS default export: the class is both module.exports and its `default`.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);

  it('validates against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(formatSarif(files, { rules, toolVersion: '1.2.3' }));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const empty = JSON.parse(formatSarif([], { rules }));
    expect(validate(empty)).toBe(true);
  });

  it('lists the metadata of the rules that fired and points each result at its rule', () => {
    const log = JSON.parse(
      formatSarif(
        [...files, { path: 'x y/z.json', diagnostics: [{ ...files[0]!.diagnostics[0]!, ruleId: 'unlisted' }] }],
        { rules },
      ),
    );
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('iamspec');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      'ec2/version-string',
      'ec2/hook-unknown',
      'file/crlf',
      'unlisted',
    ]);
    expect(run.tool.driver.rules[0]).toMatchObject({
      shortDescription: { text: 'version is a string' },
      fullDescription: { text: 'the agent compares with 0.0' },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['correctness'] },
    });
    const [first, second, third, fourth] = run.results;
    expect(first).toMatchObject({ ruleId: 'ec2/version-string', ruleIndex: 0, level: 'error' });
    expect(first.message.text).toContain('Write version: 0.0 without quotes.');
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'app/appspec.yml' },
      region: { startLine: 1, startColumn: 10, endLine: 1, endColumn: 15, charOffset: 9, charLength: 5 },
    });
    expect(second.properties.suggestions).toEqual(['AfterInstall']);
    expect(third.level).toBe('note');
    expect(fourth.locations[0].physicalLocation.artifactLocation.uri).toBe('x%20y/z.json');
  });
});

describe('formatters given something other than the library results', () => {
  const good = {
    ruleId: 'r/one',
    severity: 'error' as const,
    message: 'bad',
    range: { start: { line: 2, column: 3, offset: 9 }, end: { line: 2, column: 5, offset: 11 } },
  };
  type Loose = (files: unknown, options?: unknown) => string;
  const all: [string, Loose][] = [
    ['stylish', formatStylish as Loose],
    ['github', formatGithub as Loose],
    ['json', formatJson as Loose],
    ['sarif', ((f: unknown) => (formatSarif as Loose)(f, { rules: [] })) as Loose],
  ];

  it.each(all)('%s treats a non-array as no files', (_name, format) => {
    for (const v of [undefined, null, 0, 'x', {}, { path: 'a', diagnostics: [good] }]) {
      expect(format(v)).toBe(format([]));
    }
  });

  it.each(all)('%s skips malformed files and diagnostics, and renders the good ones as before', (_name, format) => {
    const clean = [{ path: 'a.yml', diagnostics: [good] }];
    const noisy = [
      null,
      7,
      {
        path: 'a.yml',
        diagnostics: [
          good,
          null,
          { ...good, range: undefined },
          { ...good, range: { start: null, end: good.range.end } },
          { ...good, severity: 'fatal' },
          { ...good, message: 0 },
        ],
      },
    ];
    expect(format(noisy)).toBe(format(clean));
    expect(format([{ path: 3, diagnostics: 'x' }])).toBe(format([{ path: '', diagnostics: [] }]));
  });

  it('formatSarif takes missing options and rules as the defaults', () => {
    const files = [{ path: 'a.yml', diagnostics: [good] }];
    const sarif = formatSarif as (files: unknown, options?: unknown) => string;
    const expected = formatSarif(files, { rules: [] });
    expect(sarif(files)).toBe(expected);
    expect(sarif(files, null)).toBe(expected);
    expect(sarif(files, {})).toBe(expected);
    expect(sarif(files, { rules: 'x' })).toBe(expected);
    expect(sarif(files, { rules: [null, 1, { id: 0 }] })).toBe(expected);
    const withMeta = sarif(files, { rules: [null, { id: 'r/one', defaultSeverity: 'error', description: 'd' }] });
    expect(JSON.parse(withMeta).runs[0].tool.driver.rules[0].shortDescription.text).toBe('d');
    const odd = { ...good, help: Object.create(null), suggestions: ['a', 1, null] };
    const result = JSON.parse(sarif([{ path: 'a.yml', diagnostics: [odd] }])).runs[0].results[0];
    expect(result.message.text).toBe('bad');
    expect(result.properties.suggestions).toEqual(['a']);
  });
});

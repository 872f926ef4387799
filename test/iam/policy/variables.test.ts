// biome-ignore-all lint/suspicious/noTemplateCurlyInString: policy variables (`${key}`) are the test data here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTemplateVariable, parseTemplate, renderTemplate } from '../../../src/iam/policy/variables.js';

describe('parseTemplate', () => {
  it('returns plain text as one literal', () => {
    expect(parseTemplate('arn:aws:s3:::bucket/*')).toEqual({
      parts: [{ literal: 'arn:aws:s3:::bucket/*' }],
      problems: [],
      hasVariables: false,
    });
    expect(parseTemplate('')).toEqual({ parts: [], problems: [], hasVariables: false });
  });

  it('finds variables with offsets', () => {
    const t = parseTemplate('home/${aws:username}/*');
    expect(t.hasVariables).toBe(true);
    expect(t.parts).toEqual([
      { literal: 'home/' },
      { variable: 'aws:username', offset: 5, end: 20 },
      { literal: '/*' },
    ]);
  });

  it('reads defaults with optional spaces', () => {
    expect(parseTemplate("${aws:PrincipalTag/team, 'none'}").parts).toEqual([
      { variable: 'aws:PrincipalTag/team', default: 'none', offset: 0, end: 32 },
    ]);
    expect(parseTemplate("${a,''}").parts).toEqual([{ variable: 'a', default: '', offset: 0, end: 7 }]);
    expect(parseTemplate("${a ,  'x' }").parts[0]).toMatchObject({ variable: 'a', default: 'x' });
  });

  it('reads the special forms as escaped literals', () => {
    const t = parseTemplate('a${*}b${?}${$}');
    expect(t.parts).toEqual([
      { literal: 'a' },
      { literal: '*', escaped: true },
      { literal: 'b' },
      { literal: '?', escaped: true },
      { literal: '$', escaped: true },
    ]);
    expect(t.hasVariables).toBe(true);
  });

  it.each([
    ['${aws:username', 'unterminated'],
    ['${}', 'empty-name'],
    ['${ aws:username}', 'empty-name'],
    ['${a b}', 'invalid-name'],
    ['${a }', 'invalid-name'],
    ["${a'}", 'invalid-name'],
    ['${a, x}', 'bad-default'],
    ["${a, 'x}", 'bad-default'],
    ["${a, 'x' y}", 'bad-default'],
    ["${a, 'x", 'unterminated'],
    ["${a, 'x' ", 'unterminated'],
    ['${a,', 'unterminated'],
    ['${a ', 'unterminated'],
    ['${,}', 'empty-name'],
    ['${a${b}', 'invalid-name'],
  ])('keeps malformed %s literal (%s)', (text, reason) => {
    const t = parseTemplate(text);
    expect(t.problems[0]).toMatchObject({ reason, offset: 0 });
    expect(t.problems[0]?.message.length).toBeGreaterThan(0);
    const rendered = renderTemplate(t.parts, () => 'X');
    expect(rendered?.startsWith('${')).toBe(true);
  });

  it('recovers a variable nested after a malformed one', () => {
    const t = parseTemplate('${a${b}');
    expect(t.parts).toEqual([{ literal: '${a' }, { variable: 'b', offset: 3, end: 7 }]);
  });

  it('renders with values and defaults, and fails when unresolved', () => {
    const t = parseTemplate("x/${aws:username}/${k, 'd'}${*}");
    expect(renderTemplate(t.parts, (n) => (n === 'aws:username' ? 'bob' : undefined))).toBe('x/bob/d*');
    expect(renderTemplate(parseTemplate('${a}').parts, () => undefined)).toBeUndefined();
    expect(t.parts.filter(isTemplateVariable)).toHaveLength(2);
  });

  it('is linear on hostile input', () => {
    const hostile = [
      "${a,'".repeat(50_000),
      '${'.repeat(100_000),
      `\${a,'${'${b}'.repeat(50_000)}'x`,
      '$'.repeat(200_000),
    ];
    for (const h of hostile) {
      const start = performance.now();
      const t = parseTemplate(h);
      expect(performance.now() - start).toBeLessThan(2000);
      expect(t.parts.length).toBeGreaterThan(0);
    }
  });

  it('never throws and renders identity for variable-free text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40, unit: fc.constantFrom('$', '{', '}', ',', "'", ' ', 'a', ':', '*') }),
        (s) => {
          const t = parseTemplate(s);
          if (!t.hasVariables) expect(renderTemplate(t.parts, () => 'X')).toBe(s);
          for (const p of t.problems) expect(s.slice(p.offset, p.offset + 2)).toBe('${');
        },
      ),
      { numRuns: 5000 },
    );
  });
});

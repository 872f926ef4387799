import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asciiLower,
  CONDITION_OPERATOR_NAMES,
  CONDITION_OPERATORS,
  operatorInfo,
  parseOperator,
} from '../../../src/iam/policy/operators.js';

describe('operator table', () => {
  it('holds the 27 base operators of §3.2 with unique names', () => {
    expect(CONDITION_OPERATORS).toHaveLength(27);
    expect(new Set(CONDITION_OPERATOR_NAMES).size).toBe(27);
    expect(CONDITION_OPERATOR_NAMES).not.toContain('BinaryNotEquals');
    expect(CONDITION_OPERATOR_NAMES).not.toContain('StringLikeIgnoreCase');
  });

  it('classifies families, negation, case and wildcards', () => {
    expect(operatorInfo('StringNotEqualsIgnoreCase')).toMatchObject({
      family: 'String',
      negated: true,
      ignoreCase: true,
      wildcards: false,
      variablesAllowed: true,
    });
    expect(operatorInfo('stringlike')).toMatchObject({ name: 'StringLike', wildcards: true, comparison: 'like' });
    expect(operatorInfo('NumericLessThanEquals')).toMatchObject({
      family: 'Numeric',
      comparison: 'lessThanEquals',
      variablesAllowed: false,
    });
    expect(operatorInfo('DateGreaterThan')).toMatchObject({ family: 'Date', comparison: 'greaterThan' });
    expect(operatorInfo('Bool')).toMatchObject({ family: 'Bool', variablesAllowed: true });
    expect(operatorInfo('BinaryEquals')).toMatchObject({ family: 'Binary', variablesAllowed: false });
    expect(operatorInfo('NotIpAddress')).toMatchObject({ family: 'IpAddress', negated: true, comparison: 'inRange' });
    expect(operatorInfo('ArnEquals')).toMatchObject({ family: 'Arn', wildcards: true, comparison: 'like' });
    expect(operatorInfo('ArnNotLike')).toMatchObject({ negated: true });
    expect(operatorInfo('Null')).toMatchObject({ family: 'Null', comparison: 'presence' });
    expect(operatorInfo('Nope')).toBeUndefined();
    expect(Object.isFrozen(CONDITION_OPERATORS[0])).toBe(true);
  });

  it('negated operators are exactly those with Not in their name', () => {
    for (const o of CONDITION_OPERATORS) expect(o.negated).toBe(o.name.includes('Not'));
  });
});

describe('parseOperator', () => {
  it('splits set prefix, base and IfExists', () => {
    const p = parseOperator('ForAnyValue:StringLikeIfExists');
    expect(p).toMatchObject({
      setOperator: 'ForAnyValue',
      base: 'StringLike',
      ifExists: true,
      known: true,
      canonicalSpelling: true,
      canonical: 'ForAnyValue:StringLikeIfExists',
      family: 'String',
      negated: false,
    });
    expect(p.error).toBeUndefined();
    expect(parseOperator('ForAllValues:StringNotEquals')).toMatchObject({
      setOperator: 'ForAllValues',
      negated: true,
      ifExists: false,
    });
    expect(parseOperator('StringEquals').setOperator).toBeUndefined();
  });

  it('matches case-insensitively and flags non-canonical spelling', () => {
    for (const t of ['stringequals', 'forallvalues:StringEquals', 'StringEqualsifexists', 'STRINGEQUALS']) {
      const p = parseOperator(t);
      expect(p.known, t).toBe(true);
      expect(p.canonicalSpelling, t).toBe(false);
      expect(p.base).toBe('StringEquals');
    }
    expect(parseOperator('forallvalues:stringequalsIFEXISTS').canonical).toBe('ForAllValues:StringEqualsIfExists');
  });

  it('reports unknown operators with the written base', () => {
    expect(parseOperator('StringEqual')).toMatchObject({ known: false, error: 'unknown', base: 'StringEqual' });
    expect(parseOperator('FooIfExists')).toMatchObject({ known: false, base: 'Foo', ifExists: true });
    expect(parseOperator('ForEach:StringEquals')).toMatchObject({ known: false, error: 'unknown' });
    expect(parseOperator('ForAnyValue:')).toMatchObject({ known: false });
    expect(parseOperator('IfExists')).toMatchObject({ known: false, ifExists: false });
    expect(parseOperator('')).toMatchObject({ known: false });
    expect(parseOperator(' StringEquals')).toMatchObject({ known: false });
    expect(parseOperator('BinaryNotEquals').known).toBe(false);
    expect(parseOperator('StringEqualsIfExistsIfExists').known).toBe(false);
    expect(parseOperator('ForAllValues:ForAnyValue:StringEquals').known).toBe(false);
  });

  it('rejects IfExists and set prefixes on Null', () => {
    expect(parseOperator('NullIfExists')).toMatchObject({ known: true, error: 'null-with-ifexists' });
    expect(parseOperator('ForAnyValue:Null')).toMatchObject({ known: true, error: 'null-with-ifexists' });
    expect(parseOperator('Null').error).toBeUndefined();
  });

  it('every canonical combination round-trips', () => {
    for (const o of CONDITION_OPERATORS) {
      for (const set of ['', 'ForAllValues:', 'ForAnyValue:']) {
        for (const suffix of ['', 'IfExists']) {
          const p = parseOperator(set + o.name + suffix);
          expect(p.known).toBe(true);
          expect(p.canonical).toBe(set + o.name + suffix);
          expect(p.canonicalSpelling).toBe(true);
          expect(p.error !== undefined).toBe(o.name === 'Null' && (set !== '' || suffix !== ''));
        }
      }
    }
  });

  it('never throws on random text and is case-insensitive', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const p = parseOperator(s);
        expect(p.text).toBe(s);
        expect(parseOperator(asciiLower(s)).known).toBe(p.known);
      }),
      { numRuns: 3000 },
    );
  });

  it('asciiLower folds only ASCII', () => {
    expect(asciiLower('AbC-Ä')).toBe('abc-Ä');
  });
});

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are literal text in these tests
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics/types.js';
import { type CompiledCondition, compileCondition } from '../../../src/iam/condition/compile.js';
import { type ContextValue, prepareContext } from '../../../src/iam/condition/context.js';
import { parsePolicy } from '../../../src/iam/policy/parse.js';

type Ctx = Record<string, ContextValue>;

/** Compiles the single condition entry `{ op: { key: values } }`. */
function compile(
  op: string,
  key: string,
  values: unknown,
  version = '2012-10-17',
): {
  c: CompiledCondition;
  diagnostics: Diagnostic[];
} {
  const { policy, diagnostics: parseDiags } = parsePolicy(
    {
      Version: version,
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { [op]: { [key]: values } } }],
    },
    { type: 'identity', strict: false },
  );
  const entry = policy?.statements[0]?.condition?.[0];
  if (!entry) throw new Error(`no entry: ${JSON.stringify(parseDiags)}`);
  const diagnostics: Diagnostic[] = [];
  return { c: compileCondition(entry, policy.variablesEnabled, diagnostics), diagnostics };
}

function check(op: string, key: string, values: unknown, ctx: Ctx | undefined, version?: string): boolean {
  const { c } = compile(op, key, values, version);
  const prepared = prepareContext(ctx);
  const result = c.test(prepared);
  expect(c.trace(prepareContext(ctx)).result).toBe(result);
  return result;
}

const K = 'aws:TagKeys';
const ABSENT = undefined;

describe('§3.4 missing, empty and multivalued request values', () => {
  // [operator, policy value, request value, expected]
  const table: [string, string, ContextValue | undefined, boolean][] = [
    ['StringEquals', 'x', ABSENT, false],
    ['StringEquals', 'x', [], false],
    ['StringEquals', 'x', ['x'], false],
    ['StringEquals', 'x', 'x', true],
    ['StringNotEquals', 'y', ABSENT, true],
    ['StringNotEquals', 'y', [], false],
    ['StringNotEquals', 'y', ['x'], false],
    ['StringNotEquals', 'y', 'x', true],
    ['StringEqualsIfExists', 'x', ABSENT, true],
    ['StringEqualsIfExists', 'x', [], false],
    ['StringEqualsIfExists', 'x', ['x'], false],
    ['StringEqualsIfExists', 'x', 'y', false],
    ['ForAllValues:StringEquals', 'x', ABSENT, true],
    ['ForAllValues:StringEquals', 'x', [], true],
    ['ForAllValues:StringEquals', 'x', [''], true],
    ['ForAllValues:StringEquals', 'x', ['x'], true],
    ['ForAllValues:StringEquals', 'x', ['x', 'z'], false],
    ['ForAllValues:StringEquals', 'x', 'x', true],
    ['ForAllValues:StringNotEquals', 'y', ABSENT, true],
    ['ForAllValues:StringNotEquals', 'y', ['x'], true],
    ['ForAllValues:StringNotEquals', 'y', ['x', 'y'], false],
    ['ForAllValues:StringEqualsIfExists', 'x', ABSENT, true],
    ['ForAnyValue:StringEquals', 'x', ABSENT, false],
    ['ForAnyValue:StringEquals', 'x', [], false],
    ['ForAnyValue:StringEquals', 'x', [''], false],
    ['ForAnyValue:StringEquals', 'x', ['z', 'x'], true],
    ['ForAnyValue:StringEquals', 'x', ['z'], false],
    ['ForAnyValue:StringEquals', 'x', 'x', true],
    ['ForAnyValue:StringNotEquals', 'x', ABSENT, false],
    ['ForAnyValue:StringNotEquals', 'x', ['x'], false],
    ['ForAnyValue:StringNotEquals', 'x', ['x', 'z'], true],
    ['ForAnyValue:StringEqualsIfExists', 'x', ABSENT, true],
    ['ForAnyValue:StringEqualsIfExists', 'x', [], false],
    ['Null', 'true', ABSENT, true],
    ['Null', 'true', [], true],
    ['Null', 'true', [''], true],
    ['Null', 'true', ['x'], false],
    ['Null', 'true', '', false],
    ['Null', 'false', ABSENT, false],
    ['Null', 'false', [], false],
    ['Null', 'false', ['x'], true],
    ['Null', 'false', 'x', true],
  ];
  it.each(table)('%s %s on %j → %s', (op, value, rv, expected) => {
    expect(check(op, K, value, rv === undefined ? {} : { [K]: rv })).toBe(expected);
  });

  it('Null with both values always passes; invalid Null values never match', () => {
    expect(check('Null', K, ['true', 'false'], {})).toBe(true);
    expect(check('Null', K, ['true', 'false'], { [K]: 'x' })).toBe(true);
    const { c, diagnostics } = compile('Null', K, 'yes');
    expect(c.test(prepareContext({}))).toBe(false);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['null-value-invalid']);
    expect(check('Null', K, 'TRUE', {})).toBe(true); // ASCII case-insensitive
  });
});

describe('§3.2 operators', () => {
  it('String operators', () => {
    expect(check('StringEquals', 'k', 'Blue', { k: 'blue' })).toBe(false);
    expect(check('StringEqualsIgnoreCase', 'k', 'Blue', { k: 'bLUE' })).toBe(true);
    expect(check('StringNotEqualsIgnoreCase', 'k', 'Blue', { k: 'bLUE' })).toBe(false);
    expect(check('StringNotEqualsIgnoreCase', 'k', 'Blue', { k: 'red' })).toBe(true);
    expect(check('StringEquals', 'k', 'home/*', { k: 'home/alice/' })).toBe(false);
    expect(check('StringEquals', 'k', 'home/*', { k: 'home/*' })).toBe(true);
    expect(check('StringLike', 'k', 'home/*', { k: 'home/alice/' })).toBe(true);
    expect(check('StringLike', 'k', 'home/?', { k: 'home/ab' })).toBe(false);
    expect(check('StringLike', 'k', ['a*', 'b*'], { k: 'bee' })).toBe(true);
    expect(check('StringNotLike', 'k', ['a*', 'b*'], { k: 'bee' })).toBe(false);
    expect(check('StringNotLike', 'k', ['a*', 'b*'], { k: 'cat' })).toBe(true);
    expect(check('StringLike', 'k', 'A*', { k: 'abc' })).toBe(false); // case-sensitive
  });

  it('§3.5 negated operators with several values', () => {
    const regions = ['us-east-1', 'eu-west-1'];
    expect(check('StringNotEquals', 'aws:RequestedRegion', regions, { 'aws:RequestedRegion': 'eu-west-1' })).toBe(
      false,
    );
    expect(check('StringNotEquals', 'aws:RequestedRegion', regions, { 'aws:RequestedRegion': 'us-west-2' })).toBe(true);
  });

  it('Numeric operators compare exact decimals', () => {
    const n = (op: string, p: string, r: string): boolean => check(op, 'k', p, { k: r });
    expect(n('NumericEquals', '10', '10.0')).toBe(true);
    expect(n('NumericNotEquals', '10', '10.0')).toBe(false);
    expect(n('NumericLessThan', '10', '9.99')).toBe(true);
    expect(n('NumericLessThan', '10', '10')).toBe(false);
    expect(n('NumericLessThanEquals', '10', '10')).toBe(true);
    expect(n('NumericGreaterThan', '-1', '0')).toBe(true);
    expect(n('NumericGreaterThanEquals', '0.1', '0.10')).toBe(true);
    expect(n('NumericGreaterThan', '1', 'abc')).toBe(false); // type error
    expect(n('NumericNotEquals', '1', 'abc')).toBe(true); // negation of a false comparison
    expect(check('NumericEquals', 'k', 1.5, { k: '1.50' })).toBe(true); // JSON number keeps its text
  });

  it('Date operators accept ISO 8601 and epoch seconds', () => {
    const d = (op: string, p: string, r: string): boolean => check(op, 'aws:CurrentTime', p, { 'aws:CurrentTime': r });
    expect(d('DateLessThan', '2030-01-01T00:00:00Z', '2025-06-01T12:00:00Z')).toBe(true);
    expect(d('DateGreaterThan', '2030-01-01', '2025-06-01T12:00:00Z')).toBe(false);
    expect(d('DateEquals', '2025-01-01T00:00:00Z', '1735689600')).toBe(true);
    expect(d('DateNotEquals', '2025-01-01T00:00:00Z', '1735689600')).toBe(false);
    expect(d('DateLessThanEquals', '2025-01', '2025-01-01T00:00:00+00:00')).toBe(true);
    expect(d('DateGreaterThanEquals', '2025-01-01T01:00:00+01:00', '2025-01-01T00:00:00Z')).toBe(true);
    expect(d('DateLessThan', '2030-01-01', 'yesterday')).toBe(false);
  });

  it('Bool compares booleans, case-insensitively', () => {
    expect(check('Bool', 'aws:SecureTransport', 'true', { 'aws:SecureTransport': 'TRUE' })).toBe(true);
    expect(check('Bool', 'aws:SecureTransport', true, { 'aws:SecureTransport': 'false' })).toBe(false);
    expect(check('Bool', 'aws:SecureTransport', 'true', { 'aws:SecureTransport': 'yes' })).toBe(false);
    expect(check('BoolIfExists', 'aws:SecureTransport', 'false', {})).toBe(true);
  });

  it('BinaryEquals compares decoded bytes', () => {
    expect(check('BinaryEquals', 'k', 'QQ==', { k: 'QQ==' })).toBe(true);
    expect(check('BinaryEquals', 'k', 'QQ==', { k: 'Qg==' })).toBe(false);
    expect(check('BinaryEquals', 'k', 'QUI=', { k: 'QQ==' })).toBe(false);
    expect(check('BinaryEquals', 'k', 'QQ==', { k: 'not base64' })).toBe(false);
  });

  it('IpAddress / NotIpAddress over IPv4 and IPv6', () => {
    const ip = (op: string, p: string | string[], r: string): boolean =>
      check(op, 'aws:SourceIp', p, { 'aws:SourceIp': r });
    expect(ip('IpAddress', '203.0.113.0/24', '203.0.113.7')).toBe(true);
    expect(ip('IpAddress', '203.0.113.5', '203.0.113.6')).toBe(false);
    expect(ip('NotIpAddress', '203.0.113.0/24', '198.51.100.1')).toBe(true);
    expect(ip('IpAddress', '2001:db8::/32', '2001:DB8:0:0:0:0:0:1')).toBe(true);
    expect(ip('IpAddress', '2001:db8::1', '2001:db8::2')).toBe(false);
    expect(ip('IpAddress', '0.0.0.0/0', '2001:db8::1')).toBe(false);
    expect(ip('IpAddress', ['10.0.0.0/8', '203.0.113.0/24'], '203.0.113.9')).toBe(true);
    expect(ip('NotIpAddress', '10.0.0.0/8', 'garbage')).toBe(true);
  });

  it('Arn operators match per component', () => {
    const key = 'aws:SourceArn';
    const a = (op: string, p: string, r: string): boolean => check(op, key, p, { [key]: r });
    const q = 'arn:aws:sqs:us-east-1:111122223333:queue';
    expect(a('ArnEquals', 'arn:aws:sqs:*:111122223333:*', q)).toBe(true);
    expect(a('ArnLike', 'arn:aws:sqs:us-east-?:111122223333:queue', q)).toBe(true);
    expect(a('ArnNotEquals', 'arn:aws:sqs:*:111122223333:*', q)).toBe(false);
    expect(a('ArnNotLike', 'arn:aws:sqs:*:444455556666:*', q)).toBe(true);
    expect(a('ArnLike', 'arn:aws:sqs:*', q)).toBe(false); // no end-of-segment expansion
    expect(a('ArnLike', '*', q)).toBe(false);
    expect(a('ArnLike', 'arn:aws:sqs:*:*:*', 'not-an-arn')).toBe(false);
    expect(a('ArnLike', 'arn:aws:s3:::b/*', 'arn:aws:s3:::b/a:b:c')).toBe(true);
  });

  it('an unknown operator never passes', () => {
    const { c, diagnostics } = compile('StringEqualz', 'k', 'x');
    expect(c.test(prepareContext({ k: 'x' }))).toBe(false);
    expect(c.trace(prepareContext({ k: 'x' })).outcome).toBe('type-error');
    expect(diagnostics[0]?.ruleId).toBe('condition-operator-unknown');
  });
});

describe('§3.3 invalid values', () => {
  it.each([
    ['NumericEquals', 'ten'],
    ['DateEquals', 'tomorrow'],
    ['Bool', 'maybe'],
    ['BinaryEquals', '***'],
    ['IpAddress', '300.1.1.1'],
    ['ArnLike', 'arn:aws:s3'],
  ])('%s with policy value %s never matches and is reported', (op, value) => {
    const { c, diagnostics } = compile(op, 'k', value);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['condition-value-invalid']);
    expect(diagnostics[0]?.pointer).toBe('/Statement/0/Condition/' + op + '/k');
    for (const rv of ['10', '2025-01-01', 'true', 'QQ==', '1.1.1.1', value]) {
      expect(c.test(prepareContext({ k: rv }))).toBe(false);
    }
  });

  it('reports unparsable request values once', () => {
    const { c } = compile('NumericLessThan', 'k', '10');
    const ctx = prepareContext({ k: 'abc' });
    expect(c.test(ctx)).toBe(false);
    expect(c.test(ctx)).toBe(false);
    expect(ctx.problems?.map((p) => p.ruleId)).toEqual(['context-value-invalid']);
    expect(c.trace(prepareContext({ k: 'abc' })).outcome).toBe('type-error');
  });
});

describe('§2.4 variables in condition values', () => {
  it('substitutes single-valued keys, case-insensitively', () => {
    expect(check('StringEquals', 'k', '${aws:username}', { k: 'alice', 'AWS:USERNAME': 'alice' })).toBe(true);
    expect(check('StringLike', 'k', 'home/${aws:username}/*', { k: 'home/alice/x', 'aws:username': 'alice' })).toBe(
      true,
    );
    // Substituted text is literal (V4).
    expect(check('StringLike', 'k', 'home/${aws:username}', { k: 'home/alice', 'aws:username': '*' })).toBe(false);
    expect(check('StringLike', 'k', 'a${*}', { k: 'a*' })).toBe(true);
    expect(check('StringLike', 'k', 'a${*}', { k: 'ab' })).toBe(false);
    expect(check('StringEqualsIgnoreCase', 'k', '${aws:username}', { k: 'ALICE', 'aws:username': 'alice' })).toBe(true);
  });

  it('an unresolved variable equals nothing (V6), unless it has a default', () => {
    expect(check('StringEquals', 'k', '${aws:PrincipalTag/team}', { k: '' })).toBe(false);
    expect(check('StringNotEquals', 'k', '${aws:PrincipalTag/team}', { k: 'red' })).toBe(true);
    expect(check('StringEquals', 'k', "${aws:PrincipalTag/team, 'red'}", { k: 'red' })).toBe(true);
    expect(check('StringLike', 'k', '${aws:PrincipalTag/team}*', { k: 'red' })).toBe(false);
    // A multivalued key cannot be a variable (V5).
    expect(check('StringEquals', 'k', '${aws:TagKeys}', { k: 'env', 'aws:TagKeys': ['env'] })).toBe(false);
    // … nor can a key known to be multivalued, even when given as a string.
    expect(check('StringEquals', 'k', '${aws:TagKeys}', { k: 'env', 'aws:TagKeys': 'env' })).toBe(false);
    expect(check('StringEquals', 'k', '${aws:CalledVia}', { k: 'x', 'aws:calledvia': 'x' })).toBe(false);
    const { c } = compile('StringEquals', 'k', '${aws:PrincipalTag/team}');
    const t = c.trace(prepareContext({ k: 'red' }));
    expect(t.outcome).toBe('variable-unresolved');
    expect([...c.referencedKeys.keys()]).toEqual(['k', 'aws:principaltag/team']);
  });

  it('Arn and Bool operators substitute variables; Numeric does not', () => {
    const arn = 'arn:aws:iam::111122223333:user/alice';
    expect(
      check('ArnEquals', 'aws:SourceArn', 'arn:aws:iam::${aws:PrincipalAccount}:user/*', {
        'aws:SourceArn': arn,
        'aws:PrincipalAccount': '111122223333',
      }),
    ).toBe(true);
    expect(
      check('ArnLike', 'aws:SourceArn', '${aws:PrincipalArn}', { 'aws:SourceArn': arn, 'aws:PrincipalArn': arn }),
    ).toBe(true);
    expect(check('ArnLike', 'aws:SourceArn', 'arn:aws:iam::${x}:user/*', { 'aws:SourceArn': arn, x: '*' })).toBe(false);
    expect(check('ArnLike', 'aws:SourceArn', 'arn:aws:iam::${missing}:user/*', { 'aws:SourceArn': arn })).toBe(false);
    expect(check('ArnLike', 'aws:SourceArn', '${short}', { 'aws:SourceArn': arn, short: 'arn:aws' })).toBe(false);
    expect(check('Bool', 'k', '${b}', { k: 'true', b: 'true' })).toBe(true);
    expect(check('Bool', 'k', '${b}', { k: 'true' })).toBe(false);
    const { diagnostics } = compile('NumericEquals', 'k', '${n}');
    expect(diagnostics[0]?.ruleId).toBe('condition-value-invalid');
  });

  it('variables are literal text without Version 2012-10-17', () => {
    expect(
      check('StringEquals', 'k', '${aws:username}', { k: '${aws:username}', 'aws:username': 'a' }, '2008-10-17'),
    ).toBe(true);
  });
});

describe('§3.9 M3 and hostile keys', () => {
  it('evaluates colliding spellings once each and ANDs the results', () => {
    const ctx = { 'aws:ResourceTag/EC2': 'test1', 'aws:resourcetag/ec2': 'test2' };
    expect(check('StringEquals', 'aws:ResourceTag/EC2', 'test1', ctx)).toBe(false);
    expect(check('StringEquals', 'aws:ResourceTag/EC2', ['test1', 'test2'], ctx)).toBe(true);
    expect(check('Null', 'aws:ResourceTag/EC2', 'false', ctx)).toBe(true);
    expect(check('StringEquals', 'k', '${aws:resourcetag/ec2}', { ...ctx, k: 'test1' })).toBe(false);
    const prepared = prepareContext({ ...ctx, 'AWS:RESOURCETAG/EC2': 'test3' });
    expect(prepared.collisions?.get('aws:resourcetag/ec2')).toEqual(['test1', 'test2', 'test3']);
  });

  it('__proto__ and constructor keys are plain keys', () => {
    const ctx = JSON.parse('{"__proto__":"x","constructor":"y"}') as Ctx;
    expect(check('StringEquals', '__proto__', 'x', ctx)).toBe(true);
    expect(check('StringEquals', 'constructor', 'y', ctx)).toBe(true);
    expect(check('Null', '__proto__', 'true', {})).toBe(true);
    expect(check('StringEquals', 'toString', 'x', {})).toBe(false);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('ignores non-string context values and lets caller entries win over derived ones', () => {
    const ctx = prepareContext({ a: 1 as unknown as string, b: 'given' }, { b: 'derived', c: 'derived' });
    expect(ctx.values.has('a')).toBe(false);
    expect(ctx.values.get('b')).toBe('given');
    expect(ctx.values.get('c')).toBe('derived');
  });
});

describe('traces', () => {
  const trace = (op: string, values: unknown, ctx: Ctx) => compile(op, K, values).c.trace(prepareContext(ctx));
  it('names every outcome', () => {
    expect(trace('StringEquals', 'x', {}).outcome).toBe('missing-key');
    expect(trace('StringEqualsIfExists', 'x', {}).outcome).toBe('ifexists-missing');
    expect(trace('ForAllValues:StringEquals', 'x', {}).outcome).toBe('forall-vacuous');
    expect(trace('ForAllValues:StringEquals', 'x', { [K]: [] }).outcome).toBe('forall-vacuous');
    expect(trace('StringEquals', 'x', { [K]: ['x'] }).outcome).toBe('multivalued-bare-operator');
    expect(trace('StringEquals', 'x', { [K]: 'x' }).outcome).toBe('matched');
    expect(trace('StringEquals', 'x', { [K]: 'y' }).outcome).toBe('not-matched');
    const t = trace('ForAnyValue:StringEquals', ['x', 'z'], { [K]: ['x', 'y'] });
    expect(t).toMatchObject({
      result: true,
      requestValue: ['x', 'y'],
      values: [
        { policyValue: 'x', matched: true },
        { policyValue: 'z', matched: false },
      ],
    });
    const v = compile('StringEquals', 'k', '${u}').c.trace(prepareContext({ k: 'a', u: 'a' }));
    expect(v.values[0]).toEqual({ policyValue: '${u}', resolved: 'a', matched: true });
    const n = compile('Null', K, 'true').c.trace(prepareContext({}));
    expect(n).toMatchObject({ outcome: 'matched', values: [{ policyValue: 'true', matched: true }] });
    expect(compile('Null', K, 'true').c.trace(prepareContext({ [K]: 'x' })).outcome).toBe('not-matched');
  });

  it('trace().result always equals test()', () => {
    const ops = ['StringEquals', 'StringNotEquals', 'ForAllValues:StringLike', 'ForAnyValue:StringNotLike', 'Null'];
    fc.assert(
      fc.property(
        fc.constantFrom(...ops),
        fc.array(fc.constantFrom('a', 'b', '*', 'true', 'false'), { minLength: 1, maxLength: 3 }),
        fc.option(fc.oneof(fc.constantFrom('a', 'b', ''), fc.array(fc.constantFrom('a', 'b', ''), { maxLength: 3 }))),
        (op, values, rv) => {
          const { c } = compile(op, K, values);
          const ctx = rv === null ? {} : { [K]: rv };
          expect(c.trace(prepareContext(ctx)).result).toBe(c.test(prepareContext(ctx)));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('matcher cache of values with variables', () => {
  it.each([
    ['StringLike', 'p/${aws:PrincipalTag/a}-${aws:PrincipalTag/b}', 'p/'],
    ['ArnLike', 'arn:aws:s3:::${aws:PrincipalTag/a}-${aws:PrincipalTag/b}', 'arn:aws:s3:::'],
  ])('%s never confuses two substitutions whose values joined with NUL look alike', (op, value, prefix) => {
    const { c } = compile(op, 'aws:SourceArn', value);
    const first = { 'aws:PrincipalTag/a': 'x\u0000y', 'aws:PrincipalTag/b': 'z' };
    const second = { 'aws:PrincipalTag/a': 'x', 'aws:PrincipalTag/b': 'y\u0000z' };
    expect(c.test(prepareContext({ ...first, 'aws:SourceArn': `${prefix}x\u0000y-z` }))).toBe(true);
    expect(c.test(prepareContext({ ...second, 'aws:SourceArn': `${prefix}x\u0000y-z` }))).toBe(false);
    expect(c.test(prepareContext({ ...second, 'aws:SourceArn': `${prefix}x-y\u0000z` }))).toBe(true);
  });
});

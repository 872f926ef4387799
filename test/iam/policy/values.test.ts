import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base64Equal,
  compareDecimal,
  decodeBase64,
  ipInCidr,
  parseBool,
  parseDate,
  parseDecimal,
  parseIp,
} from '../../../src/iam/policy/values.js';

describe('decimals', () => {
  it('parses the numeric grammar exactly', () => {
    expect(parseDecimal('10')).toEqual({ negative: false, int: '10', frac: '' });
    expect(parseDecimal('-001.500')).toEqual({ negative: true, int: '1', frac: '5' });
    expect(parseDecimal('-0.0')).toEqual({ negative: false, int: '', frac: '' });
    for (const bad of ['', '-', '1.', '.5', '+1', '1e3', ' 1', '1 ', '0x10', '1.2.3', '١']) {
      expect(parseDecimal(bad), bad).toBeUndefined();
    }
  });

  it('compares without floating-point error', () => {
    expect(compareDecimal('10', '10.0')).toBe(0);
    expect(compareDecimal('0.1', '0.10000000000000000001')).toBe(-1);
    expect(compareDecimal('9007199254740993', '9007199254740992')).toBe(1);
    expect(compareDecimal('-2', '-10')).toBe(1);
    expect(compareDecimal('-10', '-2')).toBe(-1);
    expect(compareDecimal('-1', '1')).toBe(-1);
    expect(compareDecimal('1', '-1')).toBe(1);
    expect(compareDecimal('-0', '0')).toBe(0);
    expect(compareDecimal('-1.5', '-1.5')).toBe(0);
    expect(compareDecimal('2.05', '2.5')).toBe(-1);
    expect(compareDecimal('x', '1')).toBeUndefined();
    expect(compareDecimal('1', 'x')).toBeUndefined();
    const d = parseDecimal('3');
    expect(d && compareDecimal(d, '3.0')).toBe(0);
  });

  it('agrees with Number on safe integers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 }), (a, b) => {
        expect(compareDecimal(String(a), String(b))).toBe(Math.sign(a - b) || 0);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('dates', () => {
  it('reads all-digit text as epoch seconds', () => {
    expect(parseDate('1700000000')).toEqual({ ms: 1_700_000_000_000, epoch: true, noZone: false });
    expect(parseDate('2020')).toMatchObject({ ms: 2_020_000, epoch: true });
    expect(parseDate('1.5')?.ms).toBe(1500);
    expect(parseDate('-1.25')?.ms).toBe(-1250);
    expect(parseDate('99999999999999')).toBeUndefined();
    expect(parseDate('8640000000000')?.ms).toBe(8.64e15);
    expect(parseDate('8640000000001')).toBeUndefined();
  });

  it('reads the W3C ISO profile', () => {
    const at = (s: string): number | undefined => parseDate(s)?.ms;
    expect(at('2020-02')).toBe(Date.UTC(2020, 1, 1));
    expect(at('2020-02-29')).toBe(Date.UTC(2020, 1, 29));
    expect(at('2020-02-29T10:20Z')).toBe(Date.UTC(2020, 1, 29, 10, 20));
    expect(at('2020-02-29T10:20:30Z')).toBe(Date.UTC(2020, 1, 29, 10, 20, 30));
    expect(at('2020-02-29T10:20:30.1234Z')).toBe(Date.UTC(2020, 1, 29, 10, 20, 30, 123));
    expect(at('2020-02-29T10:20:30.5+01:30')).toBe(Date.UTC(2020, 1, 29, 8, 50, 30, 500));
    expect(at('2020-02-29T10:20-05:00')).toBe(Date.UTC(2020, 1, 29, 15, 20));
    expect(at('0001-01-01')).toBe(-62135596800000);
    expect(at('1600-03-01')).toBe(Date.parse('1600-03-01T00:00:00Z'));
    expect(parseDate('2020-02-29T10:20:30')).toMatchObject({ noZone: true, epoch: false });
    expect(parseDate('2020-02-29T10:20:30Z')?.noZone).toBe(false);
  });

  it.each([
    '2019-02-29',
    '2020-13-01',
    '2020-00-01',
    '2020-01-32',
    '2020-04-31',
    '2020-1-01',
    '2020-01-01T',
    '2020-01-01T24:00Z',
    '2020-01-01T10:60Z',
    '2020-01-01T10:00:60Z',
    '2020-01-01T10:00:00.Z',
    '2020-01-01T10:00:00z',
    '2020-01-01T10:00+0100',
    '2020-01-01T10:00+24:00',
    '2020-01-01T10:00+01:60',
    '2020-01-01T10:00Zx',
    '2020-01-01 10:00Z',
    '2020-01-01x',
    '2020/01/01',
    'yesterday',
    '',
    '-',
    '1900-02-29',
  ])('rejects %s', (s) => {
    expect(parseDate(s)).toBeUndefined();
  });

  it('agrees with Date.parse on random valid instants', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString();
          expect(parseDate(iso)?.ms).toBe(d.getTime());
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('bool', () => {
  it('is ASCII case-insensitive', () => {
    expect(parseBool('true')).toBe(true);
    expect(parseBool('TRUE')).toBe(true);
    expect(parseBool('False')).toBe(false);
    for (const bad of ['', 't', 'yes', '1', 'true ', 'truee', 'fals']) expect(parseBool(bad)).toBeUndefined();
  });
});

describe('base64', () => {
  it('decodes with padding', () => {
    expect(Array.from(decodeBase64('') ?? [9])).toEqual([]);
    expect(Array.from(decodeBase64('QQ==') ?? [])).toEqual([65]);
    expect(Array.from(decodeBase64('QUI=') ?? [])).toEqual([65, 66]);
    expect(Array.from(decodeBase64('QUJD') ?? [])).toEqual([65, 66, 67]);
    expect(Array.from(decodeBase64('+/8=') ?? [])).toEqual([251, 255]);
  });

  it.each(['QQ', 'QQ=', 'Q===', 'QQ==QQ==', 'QU I=', 'QUI-', '====', 'QUJD\n'])('rejects %j', (s) => {
    expect(decodeBase64(s)).toBeUndefined();
  });

  it('compares decoded bytes', () => {
    expect(base64Equal('QQ==', 'QR==')).toBe(true);
    expect(base64Equal('QQ==', 'Qg==')).toBe(false);
    expect(base64Equal('QQ==', 'QUI=')).toBe(false);
    expect(base64Equal('QQ==', 'bad')).toBe(false);
  });

  it('round-trips with the platform encoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const text = btoa(String.fromCharCode(...bytes));
        expect(Array.from(decodeBase64(text) ?? [])).toEqual(Array.from(bytes));
      }),
    );
  });
});

describe('IP', () => {
  it('parses v4 and v6 with defaults', () => {
    expect(parseIp('203.0.113.5')).toMatchObject({ version: 4, prefix: 32, explicitPrefix: false, hostBitsSet: false });
    expect(parseIp('203.0.113.5/24')).toMatchObject({ prefix: 24, explicitPrefix: true, hostBitsSet: true });
    expect(parseIp('203.0.113.0/24')?.hostBitsSet).toBe(false);
    expect(parseIp('2001:DB8::1')).toMatchObject({ version: 6, prefix: 128 });
    expect(parseIp('::')?.bytes.every((b) => b === 0)).toBe(true);
    expect(parseIp('::1')?.bytes[15]).toBe(1);
    expect(parseIp('1::')?.bytes[1]).toBe(1);
    expect(parseIp('1:2:3:4:5:6:7:8')?.bytes[15]).toBe(8);
    expect(Array.from(parseIp('::ffff:1.2.3.4')?.bytes ?? []).slice(10)).toEqual([255, 255, 1, 2, 3, 4]);
    expect(parseIp('2001:db8::/32')).toMatchObject({ prefix: 32, hostBitsSet: false });
    expect(parseIp('0.0.0.0/0')?.prefix).toBe(0);
  });

  it.each([
    '',
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '01.2.3.4',
    '1.2.3.4/33',
    '1.2.3.4/',
    '1.2.3.4/024',
    '1.2.3.4/x',
    ' 1.2.3.4',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    '1:2:3:4:5:6:7::8',
    '12345::',
    'g::',
    'fe80::1%eth0',
    '::/129',
    ':1',
    '1:',
    '::1.2.3',
    '1.2.3.4:80',
    'x'.repeat(70),
  ])('rejects %j', (s) => {
    expect(parseIp(s)).toBeUndefined();
  });

  it('tests membership, masking host bits and separating versions', () => {
    expect(ipInCidr('203.0.113.77', '203.0.113.0/24')).toBe(true);
    expect(ipInCidr('203.0.114.1', '203.0.113.0/24')).toBe(false);
    expect(ipInCidr('203.0.113.77', '203.0.113.5/24')).toBe(true);
    expect(ipInCidr('10.1.2.3', '10.0.0.0/15')).toBe(true);
    expect(ipInCidr('10.2.0.0', '10.0.0.0/15')).toBe(false);
    expect(ipInCidr('1.2.3.4', '1.2.3.4')).toBe(true);
    expect(ipInCidr('1.2.3.5', '1.2.3.4')).toBe(false);
    expect(ipInCidr('9.9.9.9', '0.0.0.0/0')).toBe(true);
    expect(ipInCidr('2001:db8::5', '2001:db8::/32')).toBe(true);
    expect(ipInCidr('2001:db9::5', '2001:db8::/32')).toBe(false);
    expect(ipInCidr('::ffff:1.2.3.4', '1.2.3.0/24')).toBe(false);
    expect(ipInCidr('1.2.3.4', '::ffff:0:0/96')).toBe(false);
    expect(ipInCidr('10.0.0.0/16', '10.0.0.0/8')).toBe(true);
    expect(ipInCidr('10.0.0.0/8', '10.0.0.0/16')).toBe(false);
    expect(ipInCidr('bad', '10.0.0.0/8')).toBe(false);
    expect(ipInCidr('10.0.0.1', 'bad')).toBe(false);
    const r = parseIp('10.0.0.0/8');
    expect(r && ipInCidr('10.9.9.9', r)).toBe(true);
  });

  it('matches a bit-by-bit reference for IPv4', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.ipV4(), fc.integer({ min: 0, max: 32 }), (a, b, p) => {
        const bits = (s: string): number => s.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
        const mask = p === 0 ? 0 : 2 ** 32 - 2 ** (32 - p);
        const expected = Math.floor(bits(a) / 2 ** (32 - p)) === Math.floor(bits(b) / 2 ** (32 - p));
        expect(mask >= 0).toBe(true);
        expect(ipInCidr(a, `${b}/${p}`)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('parses every fast-check IPv6 address', () => {
    fc.assert(
      fc.property(fc.ipV6(), (a) => {
        const p = parseIp(a);
        expect(p?.version).toBe(6);
        expect(ipInCidr(a, `${a}/128`)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

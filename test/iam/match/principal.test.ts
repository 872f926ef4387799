import { describe, expect, it } from 'vitest';
import {
  notPrincipalExcludes,
  type PrincipalRef,
  parseRequestPrincipal,
  principalMatches,
  strongestMatch,
} from '../../../src/iam/match/principal.js';
import type { PrincipalElement, PrincipalKind } from '../../../src/iam/policy/types.js';

const A = '111122223333';
const ALICE = `arn:aws:iam::${A}:user/alice`;
const S1 = `arn:aws:sts::${A}:assumed-role/AppRole/s1`;
const FED = `arn:aws:sts::${A}:federated-user/alice`;

function el(entries: Partial<Record<PrincipalKind, string[]>>): PrincipalElement {
  return {
    pointer: '/Statement/0/Principal',
    star: false,
    entries: Object.entries(entries).map(([kind, values]) => ({
      kind: kind as PrincipalKind,
      values: (values ?? []).map((value, i) => ({ value, pointer: `/x/${i}` })),
    })),
  };
}

function p(text: string, details = {}, action = 's3:GetObject', ctxArn?: string): PrincipalRef {
  const r = parseRequestPrincipal(text, details, action, ctxArn);
  if (!r) throw new Error(`not a principal: ${text}`);
  return r;
}

const kinds = (e: PrincipalElement, who: PrincipalRef): string[] => principalMatches(e, who).map((x) => x.kind);

describe('parseRequestPrincipal (§4.1)', () => {
  it('parses every principal kind', () => {
    expect(p(ALICE)).toMatchObject({ kind: 'user', account: A, name: 'alice', arn: ALICE });
    expect(p(S1)).toMatchObject({
      kind: 'roleSession',
      roleArn: `arn:aws:iam::${A}:role/AppRole`,
      sessionName: 's1',
    });
    expect(p(FED)).toMatchObject({ kind: 'federatedSession', name: 'alice', sourceUserArn: ALICE });
    expect(p(`arn:aws:iam::${A}:root`)).toMatchObject({ kind: 'root', account: A });
    expect(p('ec2.amazonaws.com')).toMatchObject({ kind: 'service', serviceName: 'ec2.amazonaws.com' });
    expect(p('anonymous')).toMatchObject({ kind: 'anonymous' });
    expect(p(`arn:aws:iam::${A}:saml-provider/Okta`)).toMatchObject({ kind: 'saml' });
    expect(p(`arn:aws:iam::${A}:oidc-provider/token.example.com`)).toMatchObject({ kind: 'webIdentity' });
    expect(p('accounts.google.com')).toMatchObject({ kind: 'webIdentity' });
    expect(p('cognito-identity.amazonaws.com', {}, 'sts:AssumeRoleWithWebIdentity')).toMatchObject({
      kind: 'webIdentity',
    });
    expect(p('cognito-identity.amazonaws.com')).toMatchObject({ kind: 'service' });
  });

  it('rejects groups, roles and garbage', () => {
    expect(parseRequestPrincipal(`arn:aws:iam::${A}:group/devs`)).toBeUndefined();
    expect(parseRequestPrincipal(`arn:aws:iam::${A}:role/AppRole`)).toBeUndefined();
    expect(parseRequestPrincipal('not a principal')).toBeUndefined();
    expect(parseRequestPrincipal('')).toBeUndefined();
    expect(parseRequestPrincipal('arn:aws:s3:::bucket')).toBeUndefined();
  });

  it('takes the role path from details or from aws:PrincipalArn', () => {
    const withPath = `arn:aws:iam::${A}:role/ops/AppRole`;
    expect(p(S1, { roleArn: withPath }).roleArn).toBe(withPath);
    expect(p(S1, {}, 's3:GetObject', withPath).roleArn).toBe(withPath);
    // A context ARN for another role is ignored.
    expect(p(S1, {}, 's3:GetObject', `arn:aws:iam::${A}:role/Other`).roleArn).toBe(`arn:aws:iam::${A}:role/AppRole`);
  });
});

describe('Principal matching (§2.3)', () => {
  it('matches the table of principal forms', () => {
    expect(kinds(el({ AWS: ['*'] }), p('anonymous'))).toEqual(['public']);
    expect(kinds(el({ AWS: [A] }), p(ALICE))).toEqual(['account']);
    expect(kinds(el({ AWS: [`arn:aws:iam::${A}:root`] }), p(S1))).toEqual(['account']);
    expect(kinds(el({ AWS: [`arn:aws-cn:iam::${A}:root`] }), p(S1))).toEqual([]);
    expect(kinds(el({ AWS: [ALICE] }), p(ALICE))).toEqual(['user']);
    expect(kinds(el({ AWS: [ALICE] }), p(FED))).toEqual(['sourceUser']);
    expect(
      kinds(
        el({ AWS: [`arn:aws:iam::${A}:role/ops/AppRole`] }),
        p(S1, { roleArn: `arn:aws:iam::${A}:role/ops/AppRole` }),
      ),
    ).toEqual(['role']);
    expect(
      kinds(el({ AWS: [`arn:aws:iam::${A}:role/AppRole`] }), p(S1, { roleArn: `arn:aws:iam::${A}:role/ops/AppRole` })),
    ).toEqual([]);
    expect(kinds(el({ AWS: [S1] }), p(S1))).toEqual(['session']);
    expect(kinds(el({ AWS: [FED] }), p(FED))).toEqual(['session']);
    expect(kinds(el({ Service: ['EC2.amazonaws.com'] }), p('ec2.amazonaws.com'))).toEqual(['service']);
    expect(kinds(el({ AWS: [A] }), p('ec2.amazonaws.com'))).toEqual([]);
    const okta = `arn:aws:iam::${A}:saml-provider/Okta`;
    expect(kinds(el({ Federated: [okta] }), p(okta, {}, 'sts:AssumeRoleWithSAML'))).toEqual(['federated']);
    expect(kinds(el({ Federated: [okta] }), p(ALICE))).toEqual([]);
    expect(kinds(el({ CanonicalUser: ['abc'] }), p(ALICE))).toEqual([]);
    expect(kinds(el({ AWS: [`arn:aws:iam::${A}:user/*`] }), p(ALICE))).toEqual([]); // P2: compared literally
    expect(kinds(el({ AWS: [`arn:aws:iam::${A}:group/devs`] }), p(ALICE))).toEqual([]); // P3
  });

  it('matches unique IDs of the current entity only (P4)', () => {
    expect(kinds(el({ AWS: ['AIDAEXAMPLE1'] }), p(ALICE, { userId: 'AIDAEXAMPLE1' }))).toEqual(['user']);
    expect(kinds(el({ AWS: ['AIDAOLD'] }), p(ALICE, { userId: 'AIDAEXAMPLE1' }))).toEqual([]);
    expect(kinds(el({ AWS: ['AROAEXAMPLE1'] }), p(S1, { roleId: 'AROAEXAMPLE1' }))).toEqual(['role']);
    expect(kinds(el({ AWS: ['AIDAEXAMPLE1'] }), p(FED, { userId: 'AIDAEXAMPLE1' }))).toEqual(['sourceUser']);
  });

  it('ranks matches for granting: unconditional > role/sourceUser > account', () => {
    const both = principalMatches(el({ AWS: [A, `arn:aws:iam::${A}:role/AppRole`, S1] }), p(S1));
    expect(strongestMatch(both)?.kind).toBe('session');
    expect(strongestMatch(principalMatches(el({ AWS: [A, `arn:aws:iam::${A}:role/AppRole`] }), p(S1)))?.kind).toBe(
      'role',
    );
    expect(strongestMatch([])).toBeUndefined();
  });
});

describe('NotPrincipal (§2.3 P5)', () => {
  const root = `arn:aws:iam::${A}:root`;
  it('excludes a principal only when every level of its chain is listed', () => {
    expect(notPrincipalExcludes(el({ AWS: [ALICE, root] }), p(ALICE))).toBe(true);
    expect(notPrincipalExcludes(el({ AWS: [ALICE] }), p(ALICE))).toBe(false);
    expect(notPrincipalExcludes(el({ AWS: [A] }), p(ALICE))).toBe(false);
    expect(notPrincipalExcludes(el({ AWS: [S1, A] }), p(S1))).toBe(false);
    expect(notPrincipalExcludes(el({ AWS: [S1, A, `arn:aws:iam::${A}:role/AppRole`] }), p(S1))).toBe(true);
    expect(notPrincipalExcludes(el({ AWS: [S1, A, 'AROAX'] }), p(S1, { roleId: 'AROAX' }))).toBe(true);
    expect(notPrincipalExcludes(el({ AWS: [FED, root] }), p(FED))).toBe(true);
    expect(notPrincipalExcludes(el({ AWS: [A] }), p(root))).toBe(true);
    expect(notPrincipalExcludes(el({ AWS: ['AIDAX', A] }), p(ALICE, { userId: 'AIDAX' }))).toBe(true);
  });

  it('handles services, anonymous, federated callers and *', () => {
    expect(notPrincipalExcludes(el({ Service: ['ec2.amazonaws.com'] }), p('ec2.amazonaws.com'))).toBe(true);
    expect(notPrincipalExcludes(el({ Service: ['s3.amazonaws.com'] }), p('ec2.amazonaws.com'))).toBe(false);
    expect(notPrincipalExcludes(el({ AWS: ['*'] }), p('anonymous'))).toBe(false);
    expect(notPrincipalExcludes(el({ AWS: ['*'] }), p(ALICE))).toBe(true);
    const okta = `arn:aws:iam::${A}:saml-provider/Okta`;
    expect(notPrincipalExcludes(el({ Federated: [okta] }), p(okta))).toBe(true);
    expect(notPrincipalExcludes(el({ AWS: [A] }), p(okta))).toBe(false);
  });
});

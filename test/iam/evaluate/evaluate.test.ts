// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are literal text in these tests
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator, deriveContext, evaluate } from '../../../src/iam/evaluate/evaluate.js';
import type { EvaluationPolicies, EvaluationRequest } from '../../../src/iam/evaluate/types.js';
import { parseRequestPrincipal } from '../../../src/iam/match/principal.js';
import { parsePolicy } from '../../../src/iam/policy/parse.js';
import {
  A,
  ALICE,
  allow,
  B,
  BOB,
  BUCKET,
  decision,
  deny,
  FED,
  grant,
  OBJ,
  pol,
  ROLE,
  ROOT,
  req,
  run,
  S1,
} from './helpers.js';

const sqsOnly = pol(allow('sqs:*'));
const s3Get = pol(allow('s3:GetObject'));

describe('§4.4 same-account resource policies versus other policy types', () => {
  // [RBP names, principal, extra policies, expected]
  const cases: [string, string, string, EvaluationPolicies, string][] = [
    ['user ARN', ALICE, 'no identity allow', {}, 'Allow'],
    ['user ARN', ALICE, 'boundary lacks allow', { boundary: [sqsOnly] }, 'Allow'],
    ['user ARN', FED, 'boundary lacks allow', { boundary: [sqsOnly], session: [s3Get] }, 'ImplicitDeny'],
    ['user ARN', FED, 'session policy lacks allow', { session: [sqsOnly] }, 'ImplicitDeny'],
    ['user ARN', FED, 'no session policy', {}, 'ImplicitDeny'],
    ['user ARN', FED, 'session policy allows', { session: [s3Get] }, 'Allow'],
    ['role ARN', S1, 'no identity allow', {}, 'Allow'],
    ['role ARN', S1, 'boundary lacks allow', { boundary: [sqsOnly] }, 'ImplicitDeny'],
    ['role ARN', S1, 'session policy lacks allow', { session: [sqsOnly] }, 'ImplicitDeny'],
    ['session ARN', S1, 'boundary and session lack allow', { boundary: [sqsOnly], session: [sqsOnly] }, 'Allow'],
    ['federated ARN', FED, 'boundary lacks allow, no session policy', { boundary: [sqsOnly] }, 'Allow'],
    ['*', S1, 'boundary and session lack allow', { boundary: [sqsOnly], session: [sqsOnly] }, 'Allow'],
    ['*', FED, 'no session policy', {}, 'Allow'],
    ['account', ALICE, 'no identity allow', {}, 'ImplicitDeny'],
    ['account', ALICE, 'identity allows', { identity: [s3Get] }, 'Allow'],
    ['account', ALICE, 'identity allows, boundary lacks', { identity: [s3Get], boundary: [sqsOnly] }, 'ImplicitDeny'],
    ['account', S1, 'identity allows, session lacks', { identity: [s3Get], session: [sqsOnly] }, 'ImplicitDeny'],
    ['root ARN', S1, 'identity allows', { identity: [s3Get] }, 'Allow'],
  ];
  const names: Record<string, unknown> = {
    'user ARN': ALICE,
    'role ARN': ROLE,
    'session ARN': S1,
    'federated ARN': FED,
    '*': '*',
    account: A,
    'root ARN': ROOT,
  };
  it.each(cases)('RBP names %s, request by %s, %s → %s', (named, principal, _what, extra, expected) => {
    const policies = { ...extra, resource: [pol(grant(names[named]))] };
    expect(decision(policies, req(principal))).toBe(expected);
    // Explicit denies always win.
    expect(decision({ ...policies, identity: [pol(deny('s3:*'))] }, req(principal))).toBe('ExplicitDeny');
  });

  it('records the match kind and what limited the grant', () => {
    const r = run({ boundary: [sqsOnly], resource: [pol(grant(ROLE))] }, req(S1), { explain: true });
    expect(r.explanation?.resourceGrant).toEqual({ matchKind: 'role', counted: false, limitedBy: ['boundary'] });
    expect(r.explanation?.blockedBy.map((g) => g.type)).toEqual(['identity', 'boundary']);
    const acct = run({ resource: [pol(grant(A))] }, req(ALICE), { explain: true });
    expect(acct.explanation?.resourceGrant).toEqual({ matchKind: 'account', counted: false, limitedBy: ['identity'] });
    const ok = run({ resource: [pol(grant(S1))] }, req(S1), { explain: true });
    expect(ok.explanation).toMatchObject({
      reason: 'allowed-by-resource',
      resourceGrant: { matchKind: 'session', counted: true },
    });
    expect(ok.reasons.map((x) => x.policyType)).toEqual(['resource']);
  });
});

describe('§4.3 decision flow', () => {
  it('reports every applying Deny (X3) and the allowing statements', () => {
    const id = pol(allow('s3:*'), { ...deny('s3:Get*'), Sid: 'NoGet' }, deny('*'));
    const r = run({ identity: [id], boundary: [pol(allow('*'), deny('s3:GetObject'))] }, req(ALICE));
    expect(r.decision).toBe('ExplicitDeny');
    expect(r.reasons.map((x) => [x.policyType, x.statementIndex, x.sid])).toEqual([
      ['identity', 1, 'NoGet'],
      ['identity', 2, undefined],
      ['boundary', 1, undefined],
    ]);
    expect(r.byPolicyType).toMatchObject({
      identity: 'ExplicitDeny',
      boundary: 'ExplicitDeny',
      resource: 'NotApplicable',
    });
    const ok = run({ identity: [s3Get, sqsOnly, pol(allow('s3:*'))] }, req(ALICE));
    expect(ok.reasons.map((x) => x.policyId)).toEqual(['identity[0]', 'identity[2]']);
    expect(ok.byPolicyType.identity).toBe('Allow');
  });

  it('root has implicit full access in its own account only', () => {
    expect(decision({}, req(ROOT))).toBe('Allow');
    const r = run({}, req(ROOT), { explain: true });
    expect(r.explanation?.reason).toBe('allowed-root');
    expect(decision({ identity: [pol(deny('s3:*'))] }, req(ROOT))).toBe('ExplicitDeny');
    expect(decision({ scp: [[sqsOnly]] }, req(ROOT))).toBe('ImplicitDeny');
    expect(decision({}, req(`arn:aws:iam::${B}:root`))).toBe('ImplicitDeny');
    expect(decision({ resource: [pol(grant(B))] }, req(`arn:aws:iam::${B}:root`))).toBe('Allow');
  });

  it('anonymous requests need a public grant', () => {
    expect(decision({ resource: [pol(grant('*'))] }, req('anonymous'))).toBe('Allow');
    expect(decision({ resource: [pol(grant(A))] }, req('anonymous'))).toBe('ImplicitDeny');
    expect(decision({ identity: [pol(allow('*'))] }, req('anonymous'))).toBe('ImplicitDeny');
    // SCPs never apply to anonymous; RCPs do.
    expect(decision({ resource: [pol(grant('*'))], scp: [[sqsOnly]] }, req('anonymous'))).toBe('Allow');
    const rcpDeny = pol({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' });
    expect(decision({ resource: [pol(grant('*'))], rcp: [[rcpDeny]] }, req('anonymous'))).toBe('ExplicitDeny');
    const d = deriveContext(parseRequestPrincipal('anonymous') as never, A);
    expect(d['aws:PrincipalAccount']).toBe('anonymous');
  });

  it('service principals are matched by Service values and "*"', () => {
    const svc = 'cloudtrail.amazonaws.com';
    const put = { action: 's3:PutObject', resource: `${BUCKET}/AWSLogs/x` };
    const bucket = pol(grant({ Service: svc }, 's3:PutObject'));
    expect(decision({ resource: [bucket] }, req(svc, put))).toBe('Allow');
    expect(decision({ resource: [bucket] }, req('config.amazonaws.com', put))).toBe('ImplicitDeny');
    expect(decision({ resource: [bucket], scp: [[sqsOnly]] }, req(svc, put))).toBe('Allow');
    const cond = pol(grant('*', 's3:PutObject', { Condition: { Bool: { 'aws:PrincipalIsAWSService': 'true' } } }));
    expect(decision({ resource: [cond] }, req(svc, put))).toBe('Allow');
    expect(decision({ resource: [cond] }, req(ALICE, put))).toBe('ImplicitDeny');
  });

  it('web-identity and SAML callers assume roles through the trust policy', () => {
    const okta = `arn:aws:iam::${A}:saml-provider/Okta`;
    const trust = pol({ Effect: 'Allow', Principal: { Federated: okta }, Action: 'sts:AssumeRoleWithSAML' });
    const r = req(okta, { action: 'sts:AssumeRoleWithSAML', resource: ROLE });
    expect(decision({ resource: [trust] }, r)).toBe('Allow');
    expect(decision({ resource: [trust] }, { ...r, action: 'sts:AssumeRoleWithWebIdentity' })).toBe('ImplicitDeny');
    expect(decision({}, r)).toBe('ImplicitDeny');
    expect(decision({ resource: [pol(grant({ Federated: okta }))] }, req(okta))).toBe('ImplicitDeny');
  });

  it('trust policies: required for sts: on a role, not consulted for iam: on the role', () => {
    const trust = pol({ Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'sts:AssumeRole' });
    const assume = req(ALICE, { action: 'sts:AssumeRole', resource: ROLE });
    const r = run({ resource: [trust] }, assume, { explain: true });
    expect(r.decision).toBe('Allow');
    expect(r.reasons[0]?.policyType).toBe('trust');
    // Cross-account: the trust policy naming the account delegates; the caller needs an identity allow.
    const bobAssume = req(BOB, { action: 'sts:AssumeRole', resource: ROLE });
    const trustB = pol({ Effect: 'Allow', Principal: { AWS: B }, Action: 'sts:AssumeRole' });
    expect(decision({ resource: [trustB] }, bobAssume)).toBe('ImplicitDeny');
    expect(decision({ resource: [trustB], identity: [pol(allow('sts:AssumeRole'))] }, bobAssume)).toBe('Allow');
    const trustBob = pol({ Effect: 'Allow', Principal: { AWS: BOB }, Action: 'sts:AssumeRole' });
    const x = run({ resource: [trustBob] }, bobAssume, { explain: true });
    expect(x.explanation).toMatchObject({
      reason: 'cross-account-trusted-side',
      crossAccount: { trustedSide: 'ImplicitDeny' },
    });
    // iam: actions on the role do not consult the trust policy.
    const wide = pol({ Effect: 'Allow', Principal: { AWS: ALICE }, Action: '*' });
    const getRole = req(ALICE, { action: 'iam:GetRole', resource: ROLE });
    const ignored = run({ resource: [wide] }, getRole, { explain: true });
    expect(ignored.decision).toBe('ImplicitDeny');
    expect(ignored.byPolicyType.resource).toBe('NotApplicable');
    expect(ignored.explanation?.notes).toContain('the trust policy of a role is consulted only for sts: actions on it');
    expect(
      decision({ identity: [pol(allow('iam:GetRole'))] }, req(ALICE, { action: 'iam:GetRole', resource: ROLE })),
    ).toBe('Allow');
    // A service principal assuming the role.
    const ec2Trust = pol({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' });
    expect(
      decision({ resource: [ec2Trust] }, req('ec2.amazonaws.com', { action: 'sts:AssumeRole', resource: ROLE })),
    ).toBe('Allow');
  });

  it('several session policies form one set (union); NotResource with an unresolved variable excludes nothing', () => {
    expect(decision({ identity: [s3Get], session: [sqsOnly, s3Get] }, req(S1))).toBe('Allow');
    expect(decision({ identity: [s3Get], session: [sqsOnly, sqsOnly] }, req(S1))).toBe('ImplicitDeny');
    const notRes = pol({ Effect: 'Allow', Action: 's3:GetObject', NotResource: `${BUCKET}/\${aws:PrincipalTag/x}/*` });
    expect(decision({ identity: [notRes] }, req(ALICE))).toBe('Allow');
    expect(decision({ identity: [notRes] }, req(ALICE, { context: { 'aws:PrincipalTag/x': 'data' } }))).toBe(
      'ImplicitDeny',
    );
    const dollar = pol(allow('s3:GetObject', `${BUCKET}/\${$}x`));
    expect(decision({ identity: [dollar] }, req(ALICE, { resource: `${BUCKET}/$x` }))).toBe('Allow');
  });

  it('the per-service statement index keeps every statement that can match', () => {
    for (const action of ['*:GetObject', 'S3:Get*', 's3*', '*', ['sqs:*', 's3:GetObject']]) {
      expect(decision({ identity: [pol(allow(action as string))] }, req(ALICE))).toBe('Allow');
    }
    expect(decision({ identity: [pol(allow([]))] }, req(ALICE))).toBe('ImplicitDeny');
    expect(decision({ identity: [pol({ Effect: 'Allow', NotAction: 'sqs:*', Resource: '*' })] }, req(ALICE))).toBe(
      'Allow',
    );
    const mixed = pol(allow('sqs:*'), deny('s3:Put*'), allow('s3:GetObject'), deny('*:GetObject'));
    const r = run({ identity: [mixed] }, req(ALICE));
    expect(r.reasons.map((x) => x.statementIndex)).toEqual([3]);
  });

  it('a resource policy may be flagged to require an explicit allow', () => {
    const policies = { identity: [s3Get], resource: [pol(grant(B))] };
    expect(decision(policies, req(ALICE))).toBe('Allow');
    expect(decision(policies, req(ALICE, { resourcePolicyRequiresExplicitAllow: true }))).toBe('ImplicitDeny');
  });

  it('cross-account: trusting side and trusted side are reported', () => {
    const r = run({ identity: [s3Get] }, req(BOB), { explain: true });
    expect(r.explanation).toMatchObject({
      reason: 'cross-account-trusting-side',
      sameAccount: false,
      crossAccount: { trustedSide: 'Allow', trustingSide: 'ImplicitDeny' },
    });
    const both = run({}, req(BOB), { explain: true });
    expect(both.explanation?.blockedBy.map((g) => g.type)).toEqual(['identity', 'resource']);
    // Partitions never match.
    expect(decision({ identity: [s3Get], resource: [pol(grant(`arn:aws-cn:iam::${B}:root`))] }, req(BOB))).toBe(
      'ImplicitDeny',
    );
    // A federated session of another account without session policy.
    const fed = `arn:aws:sts::${B}:federated-user/bob`;
    const f = run({ identity: [s3Get], resource: [pol(grant(B))] }, req(fed), { explain: true });
    expect(f.explanation?.reason).toBe('federated-session-without-policy');
  });

  it('resource account: from the request, the ARN, or unknown', () => {
    const queue = `arn:aws:sqs:us-east-1:${B}:q`;
    const idAllow = { identity: [pol(allow('sqs:SendMessage'))] };
    expect(decision(idAllow, { principal: ALICE, action: 'sqs:SendMessage', resource: queue })).toBe('ImplicitDeny');
    expect(
      decision(idAllow, { principal: ALICE, action: 'sqs:SendMessage', resource: `arn:aws:sqs:us-east-1:${A}:q` }),
    ).toBe('Allow');
    // An S3 object without resourceAccount is not known to be in the same account.
    const s3 = run(
      { identity: [s3Get] },
      { principal: ALICE, action: 's3:GetObject', resource: OBJ },
      { explain: true },
    );
    expect(s3.decision).toBe('ImplicitDeny');
    expect(s3.explanation?.notes.some((n) => n.includes('resource account unknown'))).toBe(true);
    // `*` resources are in the principal's account.
    const list = { principal: ALICE, action: 's3:ListAllMyBuckets', resource: '*' };
    expect(decision({ identity: [pol(allow('s3:ListAllMyBuckets'))] }, list)).toBe('Allow');
    expect(decision({ identity: [pol(allow('s3:ListAllMyBuckets', 'arn:aws:s3:::*'))] }, list)).toBe('ImplicitDeny');
  });
});

describe('§4.10 Organizations guardrails', () => {
  const full = pol(allow('*'));
  it('SCPs: every level needs an allow, denies are explicit, exemptions apply', () => {
    expect(decision({ identity: [s3Get], scp: [[full], [full]] }, req(ALICE))).toBe('Allow');
    expect(decision({ identity: [s3Get], scp: [[full], []] }, req(ALICE))).toBe('ImplicitDeny');
    const r = run({ identity: [s3Get], scp: [[full], [pol(allow('*'), deny('s3:*'))]] }, req(ALICE), { explain: true });
    expect(r.decision).toBe('ExplicitDeny');
    expect(r.reasons[0]).toMatchObject({ policyType: 'scp', level: 1 });
    expect(r.explanation?.scp).toEqual([
      { level: 0, verdict: 'Allow' },
      { level: 1, verdict: 'ExplicitDeny' },
    ]);
    expect(r.byPolicyType.scp).toBe('ExplicitDeny');
    // SCPs never grant.
    expect(decision({ scp: [[full]] }, req(ALICE))).toBe('ImplicitDeny');
    // Service-linked roles are exempt.
    const slr = req(S1, { principalDetails: { serviceLinkedRole: true } });
    expect(decision({ identity: [s3Get], scp: [[sqsOnly]] }, slr)).toBe('Allow');
  });

  it('RCPs: RCPFullAWSAccess is implicit, exemptions apply', () => {
    const rcpDeny = pol({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' });
    const base = { identity: [s3Get] };
    expect(decision({ ...base, rcp: [[rcpDeny]] }, req(ALICE))).toBe('ExplicitDeny');
    expect(
      decision({ ...base, rcp: [[rcpDeny]] }, req(ALICE, { organization: { resourceAccountIsManagement: true } })),
    ).toBe('Allow');
    expect(
      decision({ ...base, rcp: [[rcpDeny]] }, req(ALICE, { organization: { rcpSupportedForAction: false } })),
    ).toBe('Allow');
    expect(
      decision({ ...base, rcp: [[rcpDeny]] }, req(ALICE, { organization: { resourceIsAwsManagedKmsKey: true } })),
    ).toBe('Allow');
    // ec2 is not an RCP launch service.
    const ec2 = { action: 'ec2:StartInstances', resource: `arn:aws:ec2:us-east-1:${A}:instance/i-1` };
    const ec2Deny = pol({ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' });
    expect(decision({ identity: [pol(allow('ec2:*'))], rcp: [[ec2Deny]] }, req(ALICE, ec2))).toBe('Allow');
    // Without the implicit managed policy (experiments only) every level needs an allow.
    const noFull = req(ALICE, { organization: { implicitRcpFullAccess: false } });
    const r = run({ ...base, rcp: [[]] }, noFull, { explain: true });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.explanation?.blockedBy[0]).toMatchObject({ type: 'rcp', level: 0 });
    expect(r.explanation?.rcp).toEqual([{ level: 0, verdict: 'ImplicitDeny', implicitFullAccess: false }]);
    const svc = req('ec2.amazonaws.com', {
      action: 'sts:AssumeRole',
      resource: ROLE,
      organization: { serviceAssumesServiceLinkedRole: true },
    });
    const trust = pol({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' });
    const stsDeny = pol({ Effect: 'Deny', Principal: '*', Action: 'sts:*', Resource: '*' });
    expect(decision({ resource: [trust], rcp: [[stsDeny]] }, svc)).toBe('Allow');
  });

  it('endpoint policies must allow', () => {
    const ep = pol({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' });
    expect(decision({ identity: [s3Get], endpoint: [ep] }, req(ALICE))).toBe('Allow');
    const r = run({ identity: [pol(allow('s3:*'))], endpoint: [ep] }, req(ALICE, { action: 's3:PutObject' }), {
      explain: true,
    });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.explanation?.blockedBy[0]?.type).toBe('endpoint');
    expect(r.byPolicyType.endpoint).toBe('ImplicitDeny');
  });
});

describe('§5.1 derived context', () => {
  it('derives principal keys when the caller does not give them', () => {
    const user = parseRequestPrincipal(ALICE, { userId: 'AIDAX' });
    expect(deriveContext(user as never, A)).toMatchObject({
      'aws:username': 'alice',
      'aws:PrincipalArn': ALICE,
      'aws:PrincipalAccount': A,
      'aws:PrincipalType': 'User',
      'aws:userid': 'AIDAX',
      'aws:PrincipalIsAWSService': 'false',
      'aws:ResourceAccount': A,
    });
    expect(deriveContext(parseRequestPrincipal(S1, { roleId: 'AROAX' }) as never, undefined)).toMatchObject({
      'aws:PrincipalArn': ROLE,
      'aws:PrincipalType': 'AssumedRole',
      'aws:userid': 'AROAX:s1',
    });
    expect(deriveContext(parseRequestPrincipal(FED) as never, A)).toMatchObject({
      'aws:PrincipalArn': FED,
      'aws:userid': `${A}:alice`,
      'aws:PrincipalType': 'FederatedUser',
    });
    expect(deriveContext(parseRequestPrincipal(ROOT) as never, A)).toMatchObject({
      'aws:PrincipalType': 'Account',
      'aws:userid': A,
    });
    expect(deriveContext(parseRequestPrincipal('s3.amazonaws.com') as never, A)).toMatchObject({
      'aws:PrincipalIsAWSService': 'true',
      'aws:PrincipalServiceName': 's3.amazonaws.com',
      'aws:PrincipalServiceNamesList': ['s3.amazonaws.com'],
    });
    const okta = `arn:aws:iam::${A}:saml-provider/Okta`;
    expect(deriveContext(parseRequestPrincipal(okta) as never, A)['aws:FederatedProvider']).toBe(okta);
  });

  it('caller entries win, and the explanation records provenance', () => {
    const p = pol(allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:username': 'mallory' } } }));
    expect(decision({ identity: [p] }, req(ALICE))).toBe('ImplicitDeny');
    const r = run({ identity: [p] }, req(ALICE, { context: { 'AWS:USERNAME': 'mallory' } }), { explain: true });
    expect(r.decision).toBe('Allow');
    expect(r.explanation?.context).toContainEqual({ key: 'AWS:USERNAME', value: 'mallory', source: 'caller' });
    expect(r.explanation?.context).toContainEqual({ key: 'aws:PrincipalArn', value: ALICE, source: 'derived' });
    expect(r.explanation?.context.some((c) => c.key === 'aws:username')).toBe(false);
  });
});

describe('§8 explanations', () => {
  it('missingContextKeys lists keys of statements whose action, resource and principal passed', () => {
    const p = pol(
      allow('s3:GetObject', '*', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
      allow('sqs:*', '*', { Condition: { StringEquals: { 'aws:RequestedRegion': 'x' } } }),
      allow('s3:GetObject', `${BUCKET}/\${aws:PrincipalTag/team}/*`),
    );
    const r = run({ identity: [p] }, req(ALICE), { explain: true });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.missingContextKeys).toEqual(['aws:SecureTransport', 'aws:PrincipalTag/team']);
    expect(r.explanation?.missingKeys[0]).toMatchObject({
      key: 'aws:SecureTransport',
      couldChangeDecision: true,
      alwaysPresentInAws: true,
      referencedBy: [{ policyId: 'identity[0]', statementIndex: 0 }],
    });
    expect(r.explanation?.missingKeys[1]).toMatchObject({ couldChangeDecision: false, alwaysPresentInAws: false });
    const plain = run({ identity: [p] }, req(ALICE));
    expect(plain.missingContextKeys).toEqual(r.missingContextKeys);
    expect(plain.statements).toBeUndefined();
    expect(plain.explanation).toBeUndefined();
  });

  it('statements show how action, resource, principal and conditions matched', () => {
    const bucket = pol(
      grant(ALICE, 's3:Get*', { Sid: 'ReadAlice', Condition: { StringEquals: { 'aws:username': 'alice' } } }),
      { Effect: 'Allow', Principal: { AWS: ROLE }, Action: 's3:GetObject', NotResource: `${BUCKET}/secret/*` },
    );
    const id = pol({ Effect: 'Allow', NotAction: 'iam:*', Resource: `${BUCKET}/\${aws:username}/*` });
    const r = run({ identity: [id], resource: [bucket] }, req(ALICE, { resource: `${BUCKET}/alice/x` }), {
      explain: true,
    });
    expect(r.decision).toBe('Allow');
    const [idTrace, rb0, rb1] = r.statements ?? [];
    expect(idTrace).toMatchObject({
      policyType: 'identity',
      applies: true,
      action: { matched: true, not: true },
      resource: { matched: true, by: `${BUCKET}/\${aws:username}/*`, resolved: `${BUCKET}/alice/*`, not: false },
    });
    expect(rb0).toMatchObject({
      sid: 'ReadAlice',
      applies: true,
      action: { matched: true, by: 's3:Get*', not: false },
      principal: { matched: true, kind: 'user', by: ALICE, not: false },
      conditions: [{ operator: 'StringEquals', key: 'aws:username', result: true, outcome: 'matched' }],
    });
    expect(rb1).toMatchObject({
      applies: false,
      principal: { matched: false },
      resource: { matched: true, not: true },
    });
    expect(r.explanation).toMatchObject({ decision: 'Allow', reason: 'allowed-by-both', sameAccount: true });
    expect(r.explanation?.deciding).toEqual(r.reasons);
    const unresolved = run({ identity: [id] }, req(S1, { resource: `${BUCKET}/x/y` }), { explain: true });
    expect(unresolved.statements?.[0]?.resource).toMatchObject({
      matched: false,
      unresolvedVariables: ['aws:username'],
    });
  });

  it('carries source ranges for policies parsed from text', () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Sid": "A", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}\n  ]\n}';
    const r = run({ identity: [text] }, req(ALICE));
    expect(r.reasons[0]).toMatchObject({ sid: 'A', pointer: '/Statement/0', range: { start: { line: 4 } } });
    const parsed = parsePolicy(text, { type: 'identity', id: 'policies/admin.json' }).policy;
    const q = run({ identity: [parsed as never] }, req(ALICE));
    expect(q.reasons[0]?.policyId).toBe('policies/admin.json');
    const obj = run({ identity: [pol(allow('s3:*'))] }, req(ALICE));
    expect(obj.reasons[0]?.range).toBeUndefined();
    expect(obj.reasons[0]?.pointer).toBe('/Statement/0');
  });

  it('explain never changes the decision (property)', () => {
    const statements = fc.constantFrom(
      allow('s3:*'),
      deny('s3:Put*'),
      allow('s3:GetObject', `${BUCKET}/\${aws:username}/*`),
      allow('*', '*', { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } } }),
      deny('*', '*', { Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['x'] } } }),
    );
    const rbp = fc.constantFrom(grant(ALICE), grant(ROLE), grant(S1), grant('*'), grant(A), grant(B));
    const principals = fc.constantFrom(ALICE, S1, FED, BOB, ROOT, 'anonymous', 's3.amazonaws.com');
    fc.assert(
      fc.property(
        fc.array(statements, { minLength: 1, maxLength: 3 }),
        fc.option(rbp),
        fc.option(fc.array(statements, { minLength: 1, maxLength: 2 })),
        principals,
        fc.constantFrom('s3:GetObject', 's3:PutObject', 'sqs:SendMessage'),
        fc.constantFrom(`${BUCKET}/alice/x`, OBJ),
        fc.dictionary(
          fc.constantFrom('aws:username', 'aws:PrincipalTag/team', 'aws:TagKeys'),
          fc.constantFrom('alice', 'blue'),
        ),
        (id, rb, boundary, principal, action, resource, context) => {
          const policies: EvaluationPolicies = {
            identity: [pol(...id)],
            ...(rb ? { resource: [pol(rb)] } : {}),
            ...(boundary ? { boundary: [pol(...boundary)] } : {}),
          };
          const request: EvaluationRequest = { principal, action, resource, resourceAccount: A, context };
          const plain = evaluate({ policies, request });
          const explained = evaluate({ policies, request }, { explain: true });
          expect(explained.decision).toBe(plain.decision);
          expect(explained.reasons).toEqual(plain.reasons);
          expect(explained.missingContextKeys).toEqual(plain.missingContextKeys);
          expect(createEvaluator(policies)(request).decision).toBe(plain.decision);
          if (plain.decision === 'ImplicitDeny') expect(explained.explanation?.blockedBy.length).toBeGreaterThan(0);
          const applying = explained.statements?.filter((s) => s.applies && s.effect === 'Deny') ?? [];
          if (plain.decision === 'ExplicitDeny') expect(applying.length).toBe(plain.reasons.length);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('could not evaluate versus deny', () => {
  it('unparsable policies give request-invalid with diagnostics', () => {
    const r = run({ identity: ['{"Version": "2012-10-17", "Statement": ['] }, req(ALICE), { explain: true });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.explanation?.reason).toBe('request-invalid');
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'policy-unparsable', data: { policyId: 'identity[0]' } });
    expect(r.diagnostics.some((d) => d.ruleId === 'json-invalid')).toBe(true);
    expect(run({ identity: [pol({ Effect: 'Permit', Action: '*', Resource: '*' })] }, req(ROOT)).decision).toBe(
      'ImplicitDeny',
    );
    expect(run({ identity: [42 as never] }, req(ALICE)).diagnostics.map((d) => d.ruleId)).toEqual([
      'policy-unparsable',
      'policy-invalid',
    ]);
    expect(run({ identity: 'nope' as never }, req(ALICE)).diagnostics[0]?.ruleId).toBe('policy-invalid');
    expect(run({ scp: 'nope' as never }, req(ALICE)).diagnostics[0]?.ruleId).toBe('policy-invalid');
  });

  it('invalid requests give request-invalid', () => {
    const bad = (request: unknown): string[] =>
      evaluate({ policies: { identity: [pol(allow('*'))] }, request: request as EvaluationRequest }).diagnostics.map(
        (d) => d.ruleId,
      );
    expect(bad(req(ALICE, { action: 's3:*' }))).toEqual(['request-action-invalid']);
    expect(bad(req(ALICE, { resource: 'example-bucket' }))).toEqual(['request-resource-invalid']);
    expect(bad(req(`arn:aws:iam::${A}:group/devs`))).toEqual(['request-principal-invalid']);
    expect(bad(req(ALICE, { context: { k: 5 as never } }))).toEqual(['request-context-invalid']);
    expect(bad(req(ALICE, { context: [] as never }))).toEqual(['request-context-invalid']);
    expect(bad(null)).toEqual(['request-invalid']);
    expect(evaluate(null as never).diagnostics[0]?.ruleId).toBe('request-invalid');
    expect(evaluate(undefined as never, { explain: true }).explanation?.reason).toBe('request-invalid');
  });

  it('condition value problems are diagnostics, not failures', () => {
    const p = pol(allow('s3:GetObject', '*', { Condition: { NumericLessThan: { 's3:max-keys': 'ten' } } }));
    const r = run({ identity: [p] }, req(ALICE, { context: { 's3:max-keys': '5' } }));
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'condition-value-invalid', data: { policyId: 'identity[0]' } });
    const q = pol(allow('s3:GetObject', '*', { Condition: { NumericLessThan: { 's3:max-keys': '10' } } }));
    const s = run({ identity: [q] }, req(ALICE, { context: { 's3:max-keys': 'lots' } }));
    expect(s.diagnostics.map((d) => d.ruleId)).toEqual(['context-value-invalid']);
  });
});

describe('createEvaluator and the raw-input cache', () => {
  it('compiles once and evaluates many requests', () => {
    const ev = createEvaluator({ identity: [JSON.stringify(s3Get)], resource: [pol(grant(BOB))] });
    expect(ev(req(ALICE)).decision).toBe('Allow');
    expect(ev(req(ALICE, { action: 's3:PutObject' })).decision).toBe('ImplicitDeny');
    expect(ev(req(BOB)).decision).toBe('Allow');
    expect(ev(req(BOB), { explain: true }).statements?.length).toBe(2);
  });

  it('repeated raw inputs give identical results', () => {
    const text = JSON.stringify(pol(allow('s3:*')));
    const first = run({ identity: [text] }, req(ALICE));
    const again = run({ identity: [text] }, req(ALICE));
    expect(again).toEqual(first);
    const obj = pol(allow('s3:*'));
    expect(run({ identity: [obj] }, req(ALICE)).decision).toBe('Allow');
    expect(run({ boundary: [obj] }, req(ALICE)).decision).toBe('ImplicitDeny');
    for (let i = 0; i < 600; i++) run({ identity: [JSON.stringify(pol(allow(`s3:Get${i}`)))] }, req(ALICE));
    expect(run({ identity: [text] }, req(ALICE)).decision).toBe('Allow');
  });

  it('results are frozen', () => {
    const r = run({ identity: [s3Get] }, req(ALICE));
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.reasons)).toBe(true);
  });
});

describe('hostile input', () => {
  it('evaluates 1 MB resources and context values with many-star patterns', () => {
    const big = `${BUCKET}/${'ab/'.repeat(350_000)}end`;
    const star = `${BUCKET}/${'*a'.repeat(50)}*end`;
    expect(decision({ identity: [pol(allow('s3:GetObject', star))] }, req(ALICE, { resource: big }))).toBe('Allow');
    const like = pol(
      allow('s3:GetObject', '*', { Condition: { StringLike: { 's3:prefix': `${'*b'.repeat(50)}*x` } } }),
    );
    const value = 'b'.repeat(1_000_000);
    expect(decision({ identity: [like] }, req(ALICE, { context: { 's3:prefix': value } }))).toBe('ImplicitDeny');
    expect(decision({ identity: [like] }, req(ALICE, { context: { 's3:prefix': `${value}x` } }))).toBe('Allow');
  });

  it('__proto__ keys in policies and context stay plain keys', () => {
    const text =
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",' +
      '"Condition":{"StringEquals":{"__proto__":"x","constructor":"y"}}}]}';
    const context = JSON.parse('{"__proto__":"x","constructor":"y"}') as Record<string, string>;
    expect(decision({ identity: [text] }, req(ALICE, { context }))).toBe('Allow');
    expect(decision({ identity: [text] }, req(ALICE))).toBe('ImplicitDeny');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
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
  pol,
  ROLE,
  ROOT,
  req,
  run,
  S1,
} from './helpers.js';

const HOME = `${BUCKET}/home/\${aws:username}/*`;
const aliceCtx = { 'aws:username': 'alice' };

describe('spec/iam.md §9 traps', () => {
  it('T1–T3: the Version gate keeps policy variables literal under 2008-10-17 or no Version', () => {
    const old = { Version: '2008-10-17', Statement: [allow('s3:GetObject', HOME)] };
    const none = { Statement: [allow('s3:GetObject', HOME)] };
    const current = pol(allow('s3:GetObject', HOME));
    const aliceObj = req(ALICE, { resource: `${BUCKET}/home/alice/a.txt`, context: aliceCtx });
    const literalObj = req(ALICE, { resource: `${BUCKET}/home/\${aws:username}/a.txt`, context: aliceCtx });
    expect(decision({ identity: [old] }, aliceObj)).toBe('ImplicitDeny'); // T1
    expect(decision({ identity: [old] }, literalObj)).toBe('Allow'); // T2
    expect(decision({ identity: [none] }, aliceObj)).toBe('ImplicitDeny'); // T3
    expect(decision({ identity: [current] }, aliceObj)).toBe('Allow'); // control
    expect(decision({ identity: [current] }, literalObj)).toBe('ImplicitDeny'); // control
  });

  it('T4: Date operators read aws:EpochTime as seconds', () => {
    const p = pol(
      allow('s3:GetObject', '*', { Condition: { DateGreaterThan: { 'aws:EpochTime': '2024-06-01T00:00:00Z' } } }),
    );
    expect(decision({ identity: [p] }, req(ALICE, { context: { 'aws:EpochTime': '1735689600' } }))).toBe('Allow');
    expect(decision({ identity: [p] }, req(ALICE, { context: { 'aws:EpochTime': '1700000000' } }))).toBe(
      'ImplicitDeny',
    );
  });

  it('T5: Numeric operators work on aws:EpochTime', () => {
    const p = pol(allow('s3:GetObject', '*', { Condition: { NumericLessThan: { 'aws:EpochTime': '1735689600' } } }));
    expect(decision({ identity: [p] }, req(ALICE, { context: { 'aws:EpochTime': '1700000000' } }))).toBe('Allow');
    expect(decision({ identity: [p] }, req(ALICE, { context: { 'aws:EpochTime': '1800000000' } }))).toBe(
      'ImplicitDeny',
    );
  });

  it('T6–T8: session policies limit role-ARN grants but not session-ARN grants', () => {
    const sqsOnly = pol(allow('sqs:*'));
    expect(decision({ resource: [pol(grant(S1))], session: [sqsOnly] }, req(S1))).toBe('Allow'); // T6
    expect(decision({ resource: [pol(grant(ROLE))], session: [sqsOnly] }, req(S1))).toBe('ImplicitDeny'); // T7
    expect(decision({ resource: [pol(grant(ROLE))] }, req(S1))).toBe('Allow'); // T8
  });

  it('T9–T11: federated-user sessions', () => {
    const id = pol(allow('s3:GetObject'));
    const r9 = run({ identity: [id] }, req(FED), { explain: true });
    expect(r9.decision).toBe('ImplicitDeny'); // T9
    expect(r9.explanation?.reason).toBe('federated-session-without-policy');
    expect(decision({ identity: [id], resource: [pol(grant(FED))] }, req(FED))).toBe('Allow'); // T10
    const fedFromAlice = req(FED, { principalDetails: { sourceUserArn: ALICE } });
    const t11 = { identity: [id], session: [pol(allow('sqs:*'))], resource: [pol(grant(ALICE))] };
    expect(decision(t11, fedFromAlice)).toBe('ImplicitDeny'); // T11
    // The sourceUser grant counts once the session policy allows the action.
    expect(decision({ session: [pol(allow('s3:GetObject'))], resource: [pol(grant(ALICE))] }, fedFromAlice)).toBe(
      'Allow',
    );
  });

  it('T12–T15: set operators and the Null guard on a missing multivalued key', () => {
    const tagUser = { action: 'iam:TagUser', resource: ALICE };
    const forAll = { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env'] } };
    expect(decision({ identity: [pol(allow('iam:TagUser', '*', { Condition: forAll }))] }, req(ALICE, tagUser))).toBe(
      'Allow',
    ); // T12
    const guarded = { ...forAll, Null: { 'aws:TagKeys': 'false' } };
    expect(decision({ identity: [pol(allow('iam:TagUser', '*', { Condition: guarded }))] }, req(ALICE, tagUser))).toBe(
      'ImplicitDeny',
    ); // T13
    const t14 = pol(
      allow('iam:TagUser'),
      deny('iam:TagUser', '*', { Condition: { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['env'] } } }),
    );
    expect(decision({ identity: [t14] }, req(ALICE, tagUser))).toBe('ExplicitDeny'); // T14
    const anyOf = { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['env'] } };
    expect(decision({ identity: [pol(allow('iam:TagUser', '*', { Condition: anyOf }))] }, req(ALICE, tagUser))).toBe(
      'ImplicitDeny',
    ); // T15
  });

  it('T16: Null aws:TokenIssueTime separates long-term keys from sessions', () => {
    const p = pol(allow('ec2:*', '*', { Condition: { Null: { 'aws:TokenIssueTime': 'true' } } }));
    const ec2 = { action: 'ec2:StartInstances', resource: `arn:aws:ec2:us-east-1:${A}:instance/i-1` };
    expect(decision({ identity: [p] }, req(ALICE, ec2))).toBe('Allow');
    // A role session always carries aws:TokenIssueTime (the caller supplies its value).
    const session = req(S1, { ...ec2, context: { 'aws:TokenIssueTime': '2025-06-01T10:00:00Z' } });
    expect(decision({ identity: [p] }, session)).toBe('ImplicitDeny');
  });

  it('T17–T19: cross-account needs both sides', () => {
    const bucketForBob = pol(grant(BOB));
    const bobId = pol(allow('s3:GetObject'));
    expect(decision({ resource: [bucketForBob] }, req(BOB))).toBe('ImplicitDeny'); // T17
    expect(decision({ identity: [bobId] }, req(BOB))).toBe('ImplicitDeny'); // T18
    expect(decision({ identity: [bobId], resource: [bucketForBob] }, req(BOB))).toBe('Allow'); // T19
    expect(decision({ identity: [bobId], resource: [pol(grant(B))] }, req(BOB))).toBe('Allow'); // T19 account
  });

  it('T20–T22: boundaries and same-account resource grants', () => {
    const sqsOnly = pol(allow('sqs:*'));
    expect(decision({ boundary: [sqsOnly], resource: [pol(grant(ALICE))] }, req(ALICE))).toBe('Allow'); // T20
    expect(decision({ boundary: [sqsOnly], resource: [pol(grant(ROLE))] }, req(S1))).toBe('ImplicitDeny'); // T21 role
    expect(decision({ boundary: [sqsOnly], resource: [pol(grant(S1))] }, req(S1))).toBe('Allow'); // T21 session
    const denyS3 = pol(allow('*'), deny('s3:*'));
    expect(decision({ boundary: [denyS3], resource: [pol(grant(ALICE))] }, req(ALICE))).toBe('ExplicitDeny'); // T22
  });

  it('T23: NotPrincipal Deny always covers a principal with a boundary', () => {
    const bucket = pol({
      Effect: 'Deny',
      NotPrincipal: { AWS: [ALICE, ROOT] },
      Action: 's3:*',
      Resource: `${BUCKET}/*`,
    });
    const id = pol(allow('s3:*'));
    expect(decision({ identity: [id], resource: [bucket] }, req(ALICE))).toBe('Allow');
    const r = run({ identity: [id], resource: [bucket], boundary: [pol(allow('s3:*'))] }, req(ALICE), {
      explain: true,
    });
    expect(r.decision).toBe('ExplicitDeny');
    expect(r.reasons[0]?.policyType).toBe('resource');
    expect(r.statements?.find((s) => s.policyType === 'resource')?.principal?.boundaryRule).toBe(true);
  });

  it('T24: StringNotEqualsIfExists in a Deny denies when the tag is absent', () => {
    const p = pol(
      allow('s3:GetObject'),
      deny('s3:GetObject', '*', { Condition: { StringNotEqualsIfExists: { 'aws:ResourceTag/team': 'blue' } } }),
    );
    expect(decision({ identity: [p] }, req(ALICE))).toBe('ExplicitDeny');
    expect(decision({ identity: [p] }, req(ALICE, { context: { 'aws:ResourceTag/team': 'red' } }))).toBe(
      'ExplicitDeny',
    );
    expect(decision({ identity: [p] }, req(ALICE, { context: { 'aws:ResourceTag/team': 'blue' } }))).toBe('Allow');
  });

  it('T25: NotIpAddress Deny fires when aws:SourceIp is absent (VPC endpoint)', () => {
    const p = pol(
      allow('s3:GetObject'),
      deny('*', '*', { Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }),
    );
    expect(decision({ identity: [p] }, req(ALICE, { context: { 'aws:SourceVpce': 'vpce-1' } }))).toBe('ExplicitDeny');
    expect(decision({ identity: [p] }, req(ALICE, { context: { 'aws:SourceIp': '203.0.113.7' } }))).toBe('Allow');
  });

  it('T26: a bare IP is a single host', () => {
    const p = pol(allow('s3:GetObject', '*', { Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.10' } } }));
    expect(decision({ identity: [p] }, req(ALICE, { context: { 'aws:SourceIp': '203.0.113.11' } }))).toBe(
      'ImplicitDeny',
    );
    expect(decision({ identity: [p] }, req(ALICE, { context: { 'aws:SourceIp': '203.0.113.10' } }))).toBe('Allow');
  });

  it('T27: ArnLike matches per component, StringLike over the whole string', () => {
    const pattern = `arn:aws:someservice:*:${A}:finance/*`;
    const ctx = { 'aws:SourceArn': `arn:aws:someservice:us-east-2:999999999999:store/abc:${A}:finance/document.txt` };
    const arnLike = pol(allow('s3:GetObject', '*', { Condition: { ArnLike: { 'aws:SourceArn': pattern } } }));
    const strLike = pol(allow('s3:GetObject', '*', { Condition: { StringLike: { 'aws:SourceArn': pattern } } }));
    expect(decision({ identity: [arnLike] }, req(ALICE, { context: ctx }))).toBe('ImplicitDeny');
    expect(decision({ identity: [strLike] }, req(ALICE, { context: ctx }))).toBe('Allow');
  });

  it('T28: resources are case-sensitive, actions are not', () => {
    const bobRes = pol(allow('iam:ListAccessKeys', `arn:aws:iam::${A}:user/Bob`));
    const lower = { action: 'iam:ListAccessKeys', resource: `arn:aws:iam::${A}:user/bob` };
    expect(decision({ identity: [bobRes] }, req(ALICE, lower))).toBe('ImplicitDeny');
    const caseAction = pol(allow('IAM:listaccesskeys'));
    expect(decision({ identity: [caseAction] }, req(ALICE, lower))).toBe('Allow');
  });

  it('T29: condition key names are case-insensitive, tag keys included', () => {
    const p = pol(allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:ResourceTag/TagKey1': 'v' } } }));
    expect(decision({ identity: [p] }, req(ALICE, { context: { 'aws:resourcetag/tagkey1': 'v' } }))).toBe('Allow');
  });

  it('T30: the trust policy must allow AssumeRole', () => {
    const trust = pol({ Effect: 'Allow', Principal: { AWS: B }, Action: 'sts:AssumeRole' });
    const id = pol(allow('sts:AssumeRole', ROLE));
    const r = run({ identity: [id], resource: [trust] }, req(ALICE, { action: 'sts:AssumeRole', resource: ROLE }), {
      explain: true,
    });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.explanation?.reason).toBe('resource-policy-required');
    expect(r.explanation?.blockedBy[0]?.type).toBe('resource');
  });

  it('T31: a KMS key policy naming the account only delegates', () => {
    const key = `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const keyPolicy = pol({ Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'kms:*', Resource: '*' });
    const request = req(ALICE, { action: 'kms:Decrypt', resource: key });
    expect(decision({ resource: [keyPolicy] }, request)).toBe('ImplicitDeny');
    expect(decision({ resource: [keyPolicy], identity: [pol(allow('kms:Decrypt'))] }, request)).toBe('Allow');
    // Without any key policy the key cannot be used at all.
    expect(decision({ identity: [pol(allow('kms:Decrypt'))] }, request)).toBe('ImplicitDeny');
  });

  it('T32: SCPs must allow at every level; the management account is exempt', () => {
    const full = pol(allow('*'));
    const scp = [[full], [pol(allow('ec2:*'))], [full]];
    const id = pol(allow('s3:GetObject'));
    const r = run({ identity: [id], scp }, req(ALICE), { explain: true });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.explanation?.reason).toBe('guardrail');
    expect(r.explanation?.blockedBy).toEqual([{ type: 'scp', level: 1, policyIds: ['scp[1][0]'] }]);
    expect(
      decision({ identity: [id], scp }, req(ALICE, { organization: { principalAccountIsManagement: true } })),
    ).toBe('Allow');
  });

  it('T33: RCPFullAWSAccess is implicit; a customer RCP Deny applies to external principals', () => {
    const policies = { identity: [pol(allow('s3:GetObject'))], resource: [pol(grant(BOB))] };
    expect(decision({ ...policies, rcp: [[], []] }, req(BOB))).toBe('Allow');
    const rcp = pol({
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: '*',
      Condition: {
        StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc123' },
        BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
      },
    });
    const r = run({ ...policies, rcp: [[], [rcp]] }, req(BOB));
    expect(r.decision).toBe('ExplicitDeny');
    expect(r.reasons[0]).toMatchObject({ policyType: 'rcp', level: 1, policyId: 'rcp[1][0]' });
  });

  it('T34: an unresolved variable in a negated condition equals nothing', () => {
    const p = pol(
      allow('s3:GetObject'),
      deny('s3:GetObject', '*', {
        Condition: { StringNotEquals: { 's3:ExistingObjectTag/Team': `\${aws:PrincipalTag/Team}` } },
      }),
    );
    expect(decision({ identity: [p] }, req(ALICE, { context: { 's3:ExistingObjectTag/Team': 'red' } }))).toBe(
      'ExplicitDeny',
    );
    const tagged = { 's3:ExistingObjectTag/Team': 'red', 'aws:PrincipalTag/Team': 'red' };
    expect(decision({ identity: [p] }, req(ALICE, { context: tagged }))).toBe('Allow');
  });

  it('T35: aws:username is absent for role sessions; a default applies', () => {
    const p = pol(allow('s3:GetObject', `${BUCKET}/\${aws:username}/*`));
    expect(decision({ identity: [p] }, req(S1, { resource: `${BUCKET}/AppRole/x` }))).toBe('ImplicitDeny');
    const withDefault = pol(allow('s3:GetObject', `${BUCKET}/\${aws:username, 'shared'}/*`));
    expect(decision({ identity: [withDefault] }, req(S1, { resource: `${BUCKET}/shared/x` }))).toBe('Allow');
  });

  it('T36: aws:PrincipalArn of a role session is the role ARN', () => {
    const p = pol(allow('s3:GetObject', '*', { Condition: { ArnEquals: { 'aws:PrincipalArn': S1 } } }));
    expect(decision({ identity: [p] }, req(S1))).toBe('ImplicitDeny');
    const q = pol(allow('s3:GetObject', '*', { Condition: { ArnEquals: { 'aws:PrincipalArn': ROLE } } }));
    expect(decision({ identity: [q] }, req(S1))).toBe('Allow');
  });

  it('T37: a "*" grant keyed on aws:PrincipalArn is not limited by the boundary', () => {
    const bucket = pol(grant('*', 's3:GetObject', { Condition: { ArnLike: { 'aws:PrincipalArn': ROLE } } }));
    expect(decision({ resource: [bucket], boundary: [pol(allow('sqs:*'))] }, req(S1))).toBe('Allow');
  });

  it('T38: the root user cannot assume a role', () => {
    const trust = pol({ Effect: 'Allow', Principal: { AWS: A }, Action: 'sts:AssumeRole' });
    const r = run({ resource: [trust] }, req(ROOT, { action: 'sts:AssumeRole', resource: ROLE }), { explain: true });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.explanation?.reason).toBe('root-cannot-assume-role');
    expect(r.explanation?.blockedBy[0]?.type).toBe('sts-root');
  });

  it('T39: a bare operator on a multivalued key never matches', () => {
    const p = pol(allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:TagKeys': 'env' } } }));
    expect(decision({ identity: [p] }, req(ALICE, { context: { 'aws:TagKeys': ['env', 'owner'] } }))).toBe(
      'ImplicitDeny',
    );
    expect(decision({ identity: [p] }, req(ALICE, { context: { 'aws:TagKeys': ['env'] } }))).toBe('ImplicitDeny');
    const d = pol(
      allow('s3:GetObject'),
      deny('s3:GetObject', '*', { Condition: { StringNotEquals: { 'aws:TagKeys': 'env' } } }),
    );
    const r = run({ identity: [d] }, req(ALICE, { context: { 'aws:TagKeys': ['owner'] } }), { explain: true });
    expect(r.decision).toBe('Allow');
    const denyTrace = r.statements?.find((s) => s.effect === 'Deny');
    expect(denyTrace?.conditions[0]?.outcome).toBe('multivalued-bare-operator');
  });

  it('T40: the escape form of ? is a literal question mark', () => {
    const p = pol(allow('s3:GetObject', `${BUCKET}/\${?}`));
    expect(decision({ identity: [p] }, req(ALICE, { resource: `${BUCKET}/?` }))).toBe('Allow');
    expect(decision({ identity: [p] }, req(ALICE, { resource: `${BUCKET}/x` }))).toBe('ImplicitDeny');
  });
});

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are literal policy text here.
import { describe, expect, it } from 'vitest';
import type { EvaluationPolicies, EvaluationRequest } from '../../../src/iam/evaluate/types.js';
import { referenceEvaluate } from './evaluator.js';

// spec/iam.md §9: the traps other evaluators get wrong, checked against the reference itself.
const A = '111122223333';
const B = '444455556666';
const ALICE = `arn:aws:iam::${A}:user/alice`;
const BOB = `arn:aws:iam::${B}:user/bob`;
const ROLE = `arn:aws:iam::${A}:role/AppRole`;
const SESSION = `arn:aws:sts::${A}:assumed-role/AppRole/s1`;
const FED = `arn:aws:sts::${A}:federated-user/alice`;
const OBJ = 'arn:aws:s3:::example-bucket/data/file.txt';
const ALICE_CTX = { 'aws:username': 'alice', 'aws:PrincipalArn': ALICE, 'aws:PrincipalAccount': A };
const SESSION_CTX = {
  'aws:PrincipalArn': ROLE,
  'aws:PrincipalAccount': A,
  'aws:TokenIssueTime': '2024-01-01T00:00:00Z',
};
const BOB_CTX = { 'aws:username': 'bob', 'aws:PrincipalArn': BOB, 'aws:PrincipalAccount': B };

type Stmt = Record<string, unknown>;
const doc = (...Statement: Stmt[]): object => ({ Version: '2012-10-17', Statement });
const allow = (Action: unknown, Resource: unknown = '*', extra: Stmt = {}): Stmt => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});
const deny = (Action: unknown, Resource: unknown = '*', extra: Stmt = {}): Stmt => ({
  Effect: 'Deny',
  Action,
  Resource,
  ...extra,
});
const grantTo = (aws: unknown, Action = 's3:GetObject', extra: Stmt = {}): Stmt => ({
  Effect: 'Allow',
  Principal: aws === '*' ? '*' : { AWS: aws },
  Action,
  Resource: 'arn:aws:s3:::example-bucket/*',
  ...extra,
});
const asAlice = (action: string, resource: string, context: object = ALICE_CTX): EvaluationRequest => ({
  principal: ALICE,
  action,
  resource,
  resourceAccount: A,
  context: context as Record<string, string>,
});
/** The AppRole session asking for `action` on `resource` of account A. */
const asSession = (action: string, resource: string, context: object = SESSION_CTX): EvaluationRequest => ({
  principal: SESSION,
  action,
  resource,
  resourceAccount: A,
  context: context as Record<string, string>,
});
/** Bob of account B asking for `action` on `resource` of account A. */
const asBob = (action: string, resource: string): EvaluationRequest => ({
  principal: BOB,
  action,
  resource,
  resourceAccount: A,
  context: BOB_CTX,
});
const run = (request: EvaluationRequest, policies: EvaluationPolicies): string =>
  referenceEvaluate({ request, policies });

describe('reference evaluator: §9 traps', () => {
  const homeAllow = (version?: string): object => ({
    ...(version === undefined ? {} : { Version: version }),
    Statement: [allow('s3:GetObject', 'arn:aws:s3:::example-bucket/home/${aws:username}/*')],
  });
  it('T1–T3: variables only under 2012-10-17', () => {
    const home = 'arn:aws:s3:::example-bucket/home/alice/a.txt';
    const literal = 'arn:aws:s3:::example-bucket/home/${aws:username}/a.txt';
    expect(run(asAlice('s3:GetObject', home), { identity: [homeAllow('2008-10-17')] })).toBe('ImplicitDeny');
    expect(run(asAlice('s3:GetObject', literal), { identity: [homeAllow('2008-10-17')] })).toBe('Allow');
    expect(run(asAlice('s3:GetObject', home), { identity: [homeAllow()] })).toBe('ImplicitDeny');
    expect(run(asAlice('s3:GetObject', home), { identity: [homeAllow('2012-10-17')] })).toBe('Allow');
  });
  it('T4–T5: epoch seconds', () => {
    const ctx = { ...ALICE_CTX, 'aws:EpochTime': '1735689600' };
    const date = allow('s3:GetObject', '*', {
      Condition: { DateGreaterThan: { 'aws:EpochTime': '2024-06-01T00:00:00Z' } },
    });
    expect(run(asAlice('s3:GetObject', OBJ, ctx), { identity: [doc(date)] })).toBe('Allow');
    const num = allow('s3:GetObject', '*', { Condition: { NumericLessThan: { 'aws:EpochTime': '1735689600' } } });
    const ctx2 = { ...ALICE_CTX, 'aws:EpochTime': '1700000000' };
    expect(run(asAlice('s3:GetObject', OBJ, ctx2), { identity: [doc(num)] })).toBe('Allow');
  });
  it('T6–T8: session ARN vs role ARN grants', () => {
    const req = asSession('s3:GetObject', OBJ);
    const sqs = [doc(allow('sqs:*'))];
    expect(run(req, { resource: [doc(grantTo(SESSION))], session: sqs })).toBe('Allow');
    expect(run(req, { resource: [doc(grantTo(ROLE))], session: sqs })).toBe('ImplicitDeny');
    expect(run(req, { resource: [doc(grantTo(ROLE))] })).toBe('Allow');
  });
  it('T9–T11: federated sessions', () => {
    const req: EvaluationRequest = {
      principal: FED,
      action: 's3:GetObject',
      resource: OBJ,
      resourceAccount: A,
      context: { 'aws:PrincipalArn': FED, 'aws:PrincipalAccount': A },
    };
    const id = [doc(allow('s3:GetObject'))];
    expect(run(req, { identity: id })).toBe('ImplicitDeny');
    expect(run(req, { identity: id, resource: [doc(grantTo(FED))] })).toBe('Allow');
    expect(run(req, { identity: id, session: [doc(allow('sqs:*'))], resource: [doc(grantTo(ALICE))] })).toBe(
      'ImplicitDeny',
    );
    // The user who federated, with a session policy that allows: the sourceUser grant counts (§4.4).
    expect(run(req, { session: [doc(allow('s3:*'))], resource: [doc(grantTo(ALICE))] })).toBe('Allow');
  });
  it('T12–T15: set operators on missing keys', () => {
    const iamReq = asAlice('iam:TagUser', ALICE);
    const forAll = { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env'] } };
    expect(run(iamReq, { identity: [doc(allow('iam:TagUser', '*', { Condition: forAll }))] })).toBe('Allow');
    const guarded = { ...forAll, Null: { 'aws:TagKeys': 'false' } };
    expect(run(iamReq, { identity: [doc(allow('iam:TagUser', '*', { Condition: guarded }))] })).toBe('ImplicitDeny');
    const t14 = [
      doc(
        allow('iam:TagUser'),
        deny('iam:TagUser', '*', { Condition: { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['env'] } } }),
      ),
    ];
    expect(run(iamReq, { identity: t14 })).toBe('ExplicitDeny');
    const t15 = { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['env'] } };
    expect(run(iamReq, { identity: [doc(allow('iam:TagUser', '*', { Condition: t15 }))] })).toBe('ImplicitDeny');
  });
  it('T16: Null on aws:TokenIssueTime', () => {
    const id = [doc(allow('ec2:*', '*', { Condition: { Null: { 'aws:TokenIssueTime': 'true' } } }))];
    const ec2 = 'arn:aws:ec2:us-east-1:111122223333:instance/i-1';
    expect(run(asAlice('ec2:StartInstances', ec2), { identity: id })).toBe('Allow');
    const sess: EvaluationRequest = {
      principal: SESSION,
      action: 'ec2:StartInstances',
      resource: ec2,
      context: SESSION_CTX,
    };
    expect(run(sess, { identity: id })).toBe('ImplicitDeny');
  });
  it('T17–T19: cross-account needs both sides', () => {
    const req = asBob('s3:GetObject', OBJ);
    const bucket = [doc(grantTo(BOB))];
    const id = [doc(allow('s3:GetObject'))];
    expect(run(req, { resource: bucket })).toBe('ImplicitDeny');
    expect(run(req, { identity: id })).toBe('ImplicitDeny');
    expect(run(req, { identity: id, resource: bucket })).toBe('Allow');
    expect(run(req, { identity: id, resource: [doc(grantTo(B))] })).toBe('Allow');
  });
  it('T20–T22: boundaries and resource grants', () => {
    const sqs = [doc(allow('sqs:*'))];
    expect(run(asAlice('s3:GetObject', OBJ), { boundary: sqs, resource: [doc(grantTo(ALICE))] })).toBe('Allow');
    const sess = asSession('s3:GetObject', OBJ);
    expect(run(sess, { boundary: sqs, resource: [doc(grantTo(ROLE))] })).toBe('ImplicitDeny');
    expect(run(sess, { boundary: sqs, resource: [doc(grantTo(SESSION))] })).toBe('Allow');
    expect(run(asAlice('s3:GetObject', OBJ), { boundary: [doc(deny('s3:*'))], resource: [doc(grantTo(ALICE))] })).toBe(
      'ExplicitDeny',
    );
  });
  it('T23: NotPrincipal and the boundary rule', () => {
    const np = doc({
      Effect: 'Deny',
      NotPrincipal: { AWS: [ALICE, `arn:aws:iam::${A}:root`] },
      Action: 's3:*',
      Resource: 'arn:aws:s3:::example-bucket/*',
    });
    const id = [doc(allow('s3:*'))];
    expect(run(asAlice('s3:GetObject', OBJ), { identity: id, resource: [np] })).toBe('Allow');
    expect(run(asAlice('s3:GetObject', OBJ), { identity: id, resource: [np], boundary: id })).toBe('ExplicitDeny');
  });
  it('T24–T26: IfExists, NotIpAddress, bare IP', () => {
    const t24 = [
      doc(
        allow('s3:*'),
        deny('s3:*', '*', { Condition: { StringNotEqualsIfExists: { 'aws:ResourceTag/team': 'blue' } } }),
      ),
    ];
    expect(run(asAlice('s3:GetObject', OBJ), { identity: t24 })).toBe('ExplicitDeny');
    expect(run(asAlice('s3:GetObject', OBJ, { ...ALICE_CTX, 'aws:ResourceTag/team': 'red' }), { identity: t24 })).toBe(
      'ExplicitDeny',
    );
    expect(run(asAlice('s3:GetObject', OBJ, { ...ALICE_CTX, 'aws:ResourceTag/team': 'blue' }), { identity: t24 })).toBe(
      'Allow',
    );
    const t25 = [
      doc(allow('s3:*'), deny('s3:*', '*', { Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })),
    ];
    expect(run(asAlice('s3:GetObject', OBJ, { ...ALICE_CTX, 'aws:SourceVpce': 'vpce-1' }), { identity: t25 })).toBe(
      'ExplicitDeny',
    );
    const t26 = [doc(allow('s3:*', '*', { Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.10' } } }))];
    expect(run(asAlice('s3:GetObject', OBJ, { ...ALICE_CTX, 'aws:SourceIp': '203.0.113.11' }), { identity: t26 })).toBe(
      'ImplicitDeny',
    );
    expect(run(asAlice('s3:GetObject', OBJ, { ...ALICE_CTX, 'aws:SourceIp': '203.0.113.10' }), { identity: t26 })).toBe(
      'Allow',
    );
  });
  it('T27: ArnLike vs StringLike', () => {
    const src = 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt';
    const ctx = { ...ALICE_CTX, 'aws:SourceArn': src };
    const pat = 'arn:aws:someservice:*:111122223333:finance/*';
    expect(
      run(asAlice('s3:GetObject', OBJ, ctx), {
        identity: [doc(allow('s3:*', '*', { Condition: { ArnLike: { 'aws:SourceArn': pat } } }))],
      }),
    ).toBe('ImplicitDeny');
    expect(
      run(asAlice('s3:GetObject', OBJ, ctx), {
        identity: [doc(allow('s3:*', '*', { Condition: { StringLike: { 'aws:SourceArn': pat } } }))],
      }),
    ).toBe('Allow');
  });
  it('T28–T29: case rules', () => {
    expect(
      run(asAlice('iam:GetUser', `arn:aws:iam::${A}:user/bob`), {
        identity: [doc(allow('iam:*', `arn:aws:iam::${A}:user/Bob`))],
      }),
    ).toBe('ImplicitDeny');
    expect(run(asAlice('iam:ListAccessKeys', ALICE), { identity: [doc(allow('IAM:listaccesskeys'))] })).toBe('Allow');
    const t29 = [doc(allow('s3:*', '*', { Condition: { StringEquals: { 'aws:ResourceTag/TagKey1': 'v' } } }))];
    expect(run(asAlice('s3:GetObject', OBJ, { ...ALICE_CTX, 'aws:resourcetag/tagkey1': 'v' }), { identity: t29 })).toBe(
      'Allow',
    );
  });
  it('T30–T31: must-allow resource policies', () => {
    const trust = doc({ Effect: 'Allow', Principal: { AWS: B }, Action: 'sts:AssumeRole' });
    expect(
      run(asAlice('sts:AssumeRole', ROLE), { identity: [doc(allow('sts:AssumeRole', ROLE))], resource: [trust] }),
    ).toBe('ImplicitDeny');
    const key = 'arn:aws:kms:us-east-1:111122223333:key/k1';
    const keyPolicy = doc({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${A}:root` },
      Action: 'kms:*',
      Resource: '*',
    });
    expect(run(asAlice('kms:Decrypt', key), { resource: [keyPolicy] })).toBe('ImplicitDeny');
    expect(run(asAlice('kms:Decrypt', key), { resource: [keyPolicy], identity: [doc(allow('kms:Decrypt'))] })).toBe(
      'Allow',
    );
  });
  it('§4.5: the trust policy is not consulted for iam: actions on the role', () => {
    const trust = doc({ Effect: 'Deny', Principal: '*', Action: '*' });
    expect(run(asAlice('iam:TagRole', ROLE), { identity: [doc(allow('iam:*'))], resource: [trust] })).toBe('Allow');
    expect(run(asAlice('sts:TagSession', ROLE), { identity: [doc(allow('sts:*'))], resource: [trust] })).toBe(
      'ExplicitDeny',
    );
  });
  it('T32: SCP levels', () => {
    const full = doc(allow('*'));
    const id = [doc(allow('s3:GetObject'))];
    expect(run(asAlice('s3:GetObject', OBJ), { identity: id, scp: [[full], [doc(allow('ec2:*'))], [full]] })).toBe(
      'ImplicitDeny',
    );
    expect(run(asAlice('s3:GetObject', OBJ), { identity: id, scp: [] })).toBe('Allow');
  });
  it('T33: RCP levels', () => {
    const req = asBob('s3:GetObject', OBJ);
    const both = { identity: [doc(allow('s3:GetObject'))], resource: [doc(grantTo(BOB))] };
    expect(run(req, { ...both, rcp: [[], []] })).toBe('Allow');
    const rcp = doc({
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: '*',
      Condition: {
        StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc123' },
        BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
      },
    });
    expect(run(req, { ...both, rcp: [[rcp], []] })).toBe('ExplicitDeny');
  });
  it('T34–T36: unresolved variables and aws:PrincipalArn of sessions', () => {
    const t34 = [
      doc(
        allow('s3:GetObject'),
        deny('s3:GetObject', '*', {
          Condition: { StringNotEquals: { 's3:ExistingObjectTag/Team': '${aws:PrincipalTag/Team}' } },
        }),
      ),
    ];
    expect(
      run(asAlice('s3:GetObject', OBJ, { ...ALICE_CTX, 's3:ExistingObjectTag/Team': 'red' }), { identity: t34 }),
    ).toBe('ExplicitDeny');
    const sess = (resource: string): EvaluationRequest => asSession('s3:GetObject', resource);
    expect(
      run(sess('arn:aws:s3:::example-bucket/x/y'), {
        identity: [doc(allow('s3:GetObject', 'arn:aws:s3:::example-bucket/${aws:username}/*'))],
      }),
    ).toBe('ImplicitDeny');
    expect(
      run(sess('arn:aws:s3:::example-bucket/shared/x'), {
        identity: [doc(allow('s3:GetObject', "arn:aws:s3:::example-bucket/${aws:username, 'shared'}/*"))],
      }),
    ).toBe('Allow');
    expect(
      run(sess(OBJ), {
        identity: [doc(allow('s3:GetObject', '*', { Condition: { ArnEquals: { 'aws:PrincipalArn': SESSION } } }))],
      }),
    ).toBe('ImplicitDeny');
  });
  it('T37: wildcard principal with aws:PrincipalArn is not limited by the boundary', () => {
    const sess = asSession('s3:GetObject', OBJ);
    const bucket = doc(grantTo('*', 's3:GetObject', { Condition: { ArnLike: { 'aws:PrincipalArn': ROLE } } }));
    expect(run(sess, { resource: [bucket], boundary: [doc(allow('sqs:*'))] })).toBe('Allow');
  });
  it('T38: root cannot assume roles', () => {
    const root = `arn:aws:iam::${A}:root`;
    const trust = doc({ Effect: 'Allow', Principal: { AWS: A }, Action: 'sts:AssumeRole' });
    expect(
      run({ principal: root, action: 'sts:AssumeRole', resource: ROLE, resourceAccount: A }, { resource: [trust] }),
    ).toBe('ImplicitDeny');
    expect(run({ principal: root, action: 's3:GetObject', resource: OBJ, resourceAccount: A }, {})).toBe('Allow');
  });
  it('T39: bare operator on a multivalued value', () => {
    const cond = { StringEquals: { 'aws:TagKeys': 'env' } };
    const id = [doc(allow('iam:TagUser', '*', { Condition: cond }))];
    expect(
      run(asAlice('iam:TagUser', ALICE, { ...ALICE_CTX, 'aws:TagKeys': ['env', 'owner'] }), { identity: id }),
    ).toBe('ImplicitDeny');
    expect(run(asAlice('iam:TagUser', ALICE, { ...ALICE_CTX, 'aws:TagKeys': ['env'] }), { identity: id })).toBe(
      'ImplicitDeny',
    );
    const negated = [
      doc(allow('iam:TagUser'), deny('iam:TagUser', '*', { Condition: { StringNotEquals: { 'aws:TagKeys': 'env' } } })),
    ];
    expect(run(asAlice('iam:TagUser', ALICE, { ...ALICE_CTX, 'aws:TagKeys': ['owner'] }), { identity: negated })).toBe(
      'Allow',
    );
  });
  it('T40: ${?} is a literal question mark', () => {
    const id = [doc(allow('s3:GetObject', 'arn:aws:s3:::example-bucket/${?}'))];
    expect(run(asAlice('s3:GetObject', 'arn:aws:s3:::example-bucket/?'), { identity: id })).toBe('Allow');
    expect(run(asAlice('s3:GetObject', 'arn:aws:s3:::example-bucket/x'), { identity: id })).toBe('ImplicitDeny');
  });
});

describe('reference evaluator: matching examples of §2', () => {
  const resourceAllows = (pattern: string, arn: string): boolean =>
    run(asAlice('s3:GetObject', arn), { identity: [doc(allow('s3:GetObject', pattern))] }) === 'Allow';
  it('R5: the documented object-key example', () => {
    const p = 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*/test/*';
    const base = 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/';
    for (const k of [
      '1/test/object.jpg',
      '1/2/test/object.jpg',
      '1/2/test/3/object.jpg',
      '1/2/3/test/4/object.jpg',
      '1///test///object.jpg',
      '1/test/.jpg',
      '/test/object.jpg',
      '1/test/',
    ]) {
      expect(resourceAllows(p, base + k)).toBe(true);
    }
    for (const k of ['1-test/object.jpg', 'test/object.jpg', '1/2/test.jpg'])
      expect(resourceAllows(p, base + k)).toBe(false);
  });
  it('R6: end-of-segment star', () => {
    expect(resourceAllows('arn:aws:sqs:us-east-1:*', 'arn:aws:sqs:us-east-1:111122223333:orders')).toBe(true);
    expect(
      resourceAllows(
        'arn:aws:logs:us-east-1:111122223333:log-group:/app/web:*',
        'arn:aws:logs:us-east-1:111122223333:log-group:/app/web:log-stream:abc',
      ),
    ).toBe(true);
    expect(resourceAllows('arn:aws:sqs:us-*:111122223333:q', 'arn:aws:sqs:us-east:x-1:111122223333:q')).toBe(true);
    expect(resourceAllows('arn:aws:sqs:us-*-1:111122223333:q', 'arn:aws:sqs:us-east:x-1:111122223333:q')).toBe(false);
    expect(resourceAllows('arn:aws:sqs:us-east-1:111122223333', 'arn:aws:sqs:us-east-1:111122223333:q')).toBe(false);
  });
  it('R2: a "*" request resource is matched only by "*"', () => {
    expect(resourceAllows('arn:aws:s3:::*', '*')).toBe(false);
    expect(resourceAllows('*', '*')).toBe(true);
  });
  it('A2: action globs', () => {
    const actionAllows = (pattern: string, action: string): boolean =>
      run(asAlice(action, OBJ), { identity: [doc(allow(pattern))] }) === 'Allow';
    expect(actionAllows('iam:*AccessKey*', 'iam:ListAccessKeys')).toBe(true);
    expect(actionAllows('s3:Get*', 's3:PutObject')).toBe(false);
    expect(actionAllows('s3:GetObjec?', 's3:GetObject')).toBe(true);
    expect(actionAllows('s3:GetObject ', 's3:GetObject')).toBe(false);
  });
  it('§3.5: negated operator with several values', () => {
    const id = [
      doc(
        allow('s3:*'),
        deny('s3:*', '*', { Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } } }),
      ),
    ];
    expect(
      run(asAlice('s3:GetObject', OBJ, { ...ALICE_CTX, 'aws:RequestedRegion': 'eu-west-1' }), { identity: id }),
    ).toBe('Allow');
    expect(
      run(asAlice('s3:GetObject', OBJ, { ...ALICE_CTX, 'aws:RequestedRegion': 'us-west-2' }), { identity: id }),
    ).toBe('ExplicitDeny');
  });
  it('§2.3: a session matches its role ARN with path taken from aws:PrincipalArn', () => {
    const opsRole = `arn:aws:iam::${A}:role/ops/AppRole`;
    const req = asSession('s3:GetObject', OBJ, { ...SESSION_CTX, 'aws:PrincipalArn': opsRole });
    expect(run(req, { resource: [doc(grantTo(opsRole))] })).toBe('Allow');
    expect(run(req, { resource: [doc(grantTo(ROLE))] })).toBe('ImplicitDeny');
  });
  it('§3.9 M3: colliding context keys are ANDed', () => {
    const id = [doc(allow('s3:*', '*', { Condition: { StringEquals: { 'aws:ResourceTag/EC2': 'test1' } } }))];
    expect(run(asAlice('s3:GetObject', OBJ, { ...ALICE_CTX, 'aws:ResourceTag/EC2': 'test1' }), { identity: id })).toBe(
      'Allow',
    );
    expect(
      run(
        asAlice('s3:GetObject', OBJ, { ...ALICE_CTX, 'aws:ResourceTag/EC2': 'test1', 'aws:ResourceTag/ec2': 'test2' }),
        { identity: id },
      ),
    ).toBe('ImplicitDeny');
  });
});

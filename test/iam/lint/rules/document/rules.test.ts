import { describe, expect, it } from 'vitest';
import { lintPolicy } from '../../../../../src/iam/lint/lint.js';
import { documentRules } from '../../../../../src/iam/lint/rules/document/index.js';
import type { PolicyType } from '../../../../../src/iam/policy/types.js';

const V = '2012-10-17';
const ID_STMT = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
const RES_STMT = { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject' };
const TRUST_STMT = { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' };
const RCP_STMT = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' };
const doc = (...Statement: object[]): object => ({ Version: V, Statement });
const text = (o: object): string => JSON.stringify(o, null, 2);

interface Case {
  readonly type: PolicyType;
  readonly input: string | object;
  readonly sizeLimit?: number;
}

const ids = (c: Case): string[] =>
  lintPolicy(c.input, {
    type: c.type,
    ...(c.sizeLimit !== undefined ? { sizeLimit: c.sizeLimit } : {}),
  }).diagnostics.map((d) => d.ruleId);

/** For each rule: inputs that fire it and inputs that must not. */
const CASES: Record<string, { fires: Case[]; quiet: Case[] }> = {
  'json-invalid': {
    fires: [
      { type: 'identity', input: '{"Statement": [' },
      { type: 'identity', input: '[]' },
      { type: 'identity', input: 'null' },
      { type: 'identity', input: [] },
    ],
    quiet: [{ type: 'identity', input: text(doc(ID_STMT)) }],
  },
  'json-duplicate-key': {
    fires: [
      {
        type: 'identity',
        input: `{"Version":"${V}","Statement":{"Effect":"Allow","Effect":"Deny","Action":"*","Resource":"*"}}`,
      },
    ],
    quiet: [{ type: 'identity', input: text(doc(ID_STMT)) }],
  },
  'element-unknown': {
    fires: [
      { type: 'identity', input: doc({ ...ID_STMT, Resources: '*' }) },
      { type: 'identity', input: { Version: V, Statements: [], Statement: [ID_STMT] } },
      { type: 'resource', input: doc({ ...RES_STMT, Principal: { aws: '111122223333' } }) },
    ],
    quiet: [{ type: 'resource', input: doc(RES_STMT) }],
  },
  'element-not-allowed': {
    fires: [
      { type: 'scp', input: { Version: V, Id: 'x', Statement: [ID_STMT] } },
      { type: 'rcp', input: { Version: V, Id: 'x', Statement: [RCP_STMT] } },
      { type: 'rcp', input: doc({ Effect: 'Deny', Principal: '*', NotAction: 's3:Get*', Resource: '*' }) },
      {
        type: 'rcp',
        input: doc({
          Effect: 'Deny',
          Principal: '*',
          NotPrincipal: { AWS: '111122223333' },
          Action: 's3:*',
          Resource: '*',
        }),
      },
      { type: 'trust', input: doc({ ...TRUST_STMT, Resource: '*' }) },
      { type: 'trust', input: doc({ ...TRUST_STMT, NotResource: '*' }) },
      {
        type: 'trust',
        input: doc({ Effect: 'Deny', NotPrincipal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }),
      },
    ],
    quiet: [
      { type: 'scp', input: doc(ID_STMT) },
      { type: 'trust', input: doc(TRUST_STMT) },
      { type: 'resource', input: { Version: V, Id: 'x', Statement: [{ ...RES_STMT, Resource: '*' }] } },
    ],
  },
  'statement-missing': {
    fires: [
      { type: 'identity', input: { Version: V } },
      { type: 'identity', input: { Version: V, Statement: [] } },
      { type: 'identity', input: { Version: V, Statement: 'x' } },
      { type: 'identity', input: { Version: V, Statement: [ID_STMT, 1] } },
    ],
    quiet: [{ type: 'identity', input: { Version: V, Statement: ID_STMT } }],
  },
  'effect-invalid': {
    fires: [
      { type: 'identity', input: doc({ ...ID_STMT, Effect: 'allow' }) },
      { type: 'identity', input: doc({ ...ID_STMT, Effect: 'Permit' }) },
      { type: 'identity', input: doc({ Action: '*', Resource: '*' }) },
    ],
    quiet: [{ type: 'identity', input: doc({ ...ID_STMT, Effect: 'Deny' }) }],
  },
  'action-missing': {
    fires: [
      { type: 'identity', input: doc({ Effect: 'Allow', Resource: '*' }) },
      { type: 'identity', input: doc({ ...ID_STMT, NotAction: 's3:PutObject' }) },
    ],
    quiet: [{ type: 'identity', input: doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }) }],
  },
  'resource-missing': {
    fires: [
      { type: 'identity', input: doc({ Effect: 'Allow', Action: '*' }) },
      { type: 'scp', input: doc({ Effect: 'Deny', Action: '*' }) },
      { type: 'resource', input: doc({ ...RES_STMT, Resource: '*', NotResource: 'arn:aws:s3:::x' }) },
    ],
    quiet: [
      { type: 'resource', input: doc(RES_STMT) },
      { type: 'endpoint', input: doc({ Effect: 'Allow', Principal: '*', Action: '*' }) },
    ],
  },
  'principal-conflict': {
    fires: [{ type: 'resource', input: doc({ ...RES_STMT, Effect: 'Deny', NotPrincipal: { AWS: '111122223333' } }) }],
    quiet: [{ type: 'resource', input: doc({ ...RES_STMT }) }],
  },
  'value-type-invalid': {
    fires: [
      { type: 'identity', input: doc({ ...ID_STMT, Action: 42 }) },
      { type: 'identity', input: doc({ ...ID_STMT, Resource: ['*', 1] }) },
      { type: 'identity', input: doc({ ...ID_STMT, Condition: [] }) },
      { type: 'identity', input: doc({ ...ID_STMT, Condition: { StringEquals: 'x' } }) },
      { type: 'identity', input: doc({ ...ID_STMT, Condition: { StringEquals: { 'aws:username': null } } }) },
      { type: 'identity', input: doc({ ...ID_STMT, Condition: { StringEquals: { 'aws:username': [['a']] } } }) },
      { type: 'identity', input: doc({ ...ID_STMT, Condition: { StringEquals: { 'aws:username': { a: 1 } } } }) },
      { type: 'identity', input: doc({ ...ID_STMT, Sid: 1 }) },
      { type: 'identity', input: doc({ ...ID_STMT, Effect: true }) },
      { type: 'identity', input: { Version: 2012, Statement: [ID_STMT] } },
      { type: 'resource', input: { Version: V, Id: 7, Statement: [RES_STMT] } },
      { type: 'resource', input: doc({ ...RES_STMT, Principal: 'arn:aws:iam::111122223333:root' }) },
      { type: 'resource', input: doc({ ...RES_STMT, Principal: ['*'] }) },
      { type: 'resource', input: doc({ ...RES_STMT, Principal: { AWS: 111122223333 } }) },
      { type: 'identity', input: doc({ ...ID_STMT, Action: undefined as unknown as string }) },
    ],
    quiet: [
      {
        type: 'identity',
        input: doc({
          ...ID_STMT,
          Condition: { NumericLessThan: { 's3:max-keys': [10, '20'] }, Bool: { 'aws:SecureTransport': true } },
        }),
      },
    ],
  },
  'empty-array': {
    fires: [
      { type: 'identity', input: text(doc({ ...ID_STMT, Action: [] })) },
      { type: 'identity', input: doc({ Effect: 'Deny', NotAction: [], Resource: '*' }) },
      { type: 'identity', input: doc({ ...ID_STMT, Resource: [] }) },
      { type: 'identity', input: doc({ Effect: 'Allow', Action: '*', NotResource: [] }) },
      { type: 'resource', input: doc({ ...RES_STMT, Principal: {} }) },
      { type: 'resource', input: doc({ ...RES_STMT, Principal: { AWS: [] } }) },
      { type: 'identity', input: doc({ ...ID_STMT, Condition: {} }) },
      { type: 'identity', input: doc({ ...ID_STMT, Condition: { StringEquals: {} } }) },
      { type: 'identity', input: doc({ ...ID_STMT, Condition: { StringEquals: { 'aws:username': [] } } }) },
    ],
    quiet: [{ type: 'identity', input: doc(ID_STMT) }],
  },
  'version-invalid': {
    fires: [{ type: 'identity', input: { Version: '2012-10-18', Statement: [ID_STMT] } }],
    quiet: [{ type: 'identity', input: { Version: '2008-10-17', Statement: [ID_STMT] } }],
  },
  'version-missing': {
    fires: [{ type: 'identity', input: { Statement: [ID_STMT] } }],
    quiet: [
      { type: 'identity', input: doc(ID_STMT) },
      { type: 'identity', input: { Version: 1, Statement: [ID_STMT] } },
    ],
  },
  'version-outdated': {
    fires: [{ type: 'identity', input: { Version: '2008-10-17', Statement: [ID_STMT] } }],
    quiet: [{ type: 'identity', input: doc(ID_STMT) }],
  },
  'sid-invalid': {
    fires: [
      { type: 'identity', input: doc({ ...ID_STMT, Sid: 'Allow read' }) },
      { type: 'resource', input: doc({ ...RES_STMT, Sid: 'Allow-read' }) },
    ],
    quiet: [{ type: 'identity', input: doc({ ...ID_STMT, Sid: 'AllowRead1' }, { ...ID_STMT, Sid: '' }) }],
  },
  'sid-duplicate': {
    fires: [{ type: 'identity', input: doc({ ...ID_STMT, Sid: 'A' }, { ...ID_STMT, Sid: 'A' }) }],
    quiet: [
      { type: 'identity', input: doc({ ...ID_STMT, Sid: 'A' }, { ...ID_STMT, Sid: 'a' }) },
      { type: 'identity', input: doc({ ...ID_STMT, Sid: '' }, { ...ID_STMT, Sid: '' }) },
    ],
  },
  'id-in-identity-policy': {
    fires: [
      { type: 'identity', input: { Version: V, Id: 'p', Statement: [ID_STMT] } },
      { type: 'session', input: { Version: V, Id: 'p', Statement: [ID_STMT] } },
    ],
    quiet: [{ type: 'resource', input: { Version: V, Id: 'p', Statement: [RES_STMT] } }],
  },
  'principal-in-identity-policy': {
    fires: [
      { type: 'identity', input: doc({ ...ID_STMT, Principal: '*' }) },
      { type: 'boundary', input: doc({ ...ID_STMT, NotPrincipal: { AWS: '111122223333' } }) },
      { type: 'scp', input: doc({ ...ID_STMT, Principal: '*' }) },
    ],
    quiet: [{ type: 'identity', input: doc(ID_STMT) }],
  },
  'principal-missing': {
    fires: [
      { type: 'resource', input: doc(ID_STMT) },
      { type: 'trust', input: doc({ Effect: 'Allow', Action: 'sts:AssumeRole' }) },
      {
        type: 'trust',
        input: doc({ Effect: 'Deny', NotPrincipal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }),
      },
      { type: 'rcp', input: doc({ Effect: 'Deny', Action: 's3:*', Resource: '*' }) },
    ],
    quiet: [
      { type: 'endpoint', input: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) },
      { type: 'resource', input: doc({ Effect: 'Deny', NotPrincipal: { AWS: '111122223333' }, Action: '*' }) },
    ],
  },
  'notprincipal-with-allow': {
    fires: [
      { type: 'resource', input: doc({ Effect: 'Allow', NotPrincipal: { AWS: '111122223333' }, Action: '*' }) },
      { type: 'endpoint', input: doc({ Effect: 'Allow', NotPrincipal: { AWS: '111122223333' }, Action: '*' }) },
    ],
    quiet: [{ type: 'resource', input: doc({ Effect: 'Deny', NotPrincipal: { AWS: '111122223333' }, Action: '*' }) }],
  },
  'rcp-allow': {
    fires: [{ type: 'rcp', input: doc({ ...RCP_STMT, Effect: 'Allow' }) }],
    quiet: [
      { type: 'rcp', input: doc(RCP_STMT) },
      { type: 'scp', input: doc(ID_STMT) },
    ],
  },
  'rcp-principal-not-star': {
    fires: [
      { type: 'rcp', input: doc({ ...RCP_STMT, Principal: { AWS: '111122223333' } }) },
      { type: 'rcp', input: doc({ ...RCP_STMT, Principal: { AWS: '*' } }) },
    ],
    quiet: [{ type: 'rcp', input: doc(RCP_STMT) }],
  },
  'condition-operator-unknown': {
    fires: [
      { type: 'identity', input: doc({ ...ID_STMT, Condition: { StringEqual: { 'aws:username': 'a' } } }) },
      { type: 'identity', input: doc({ ...ID_STMT, Condition: { 'ForEach:StringEquals': { 'aws:TagKeys': 'a' } } }) },
      { type: 'identity', input: doc({ ...ID_STMT, Condition: { BinaryNotEquals: { 'aws:username': 'QQ==' } } }) },
    ],
    quiet: [
      {
        type: 'identity',
        input: doc({ ...ID_STMT, Condition: { 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': 'a*' } } }),
      },
    ],
  },
  'condition-operator-case': {
    fires: [
      { type: 'identity', input: doc({ ...ID_STMT, Condition: { stringEquals: { 'aws:username': 'a' } } }) },
      {
        type: 'identity',
        input: doc({ ...ID_STMT, Condition: { 'forallvalues:StringEquals': { 'aws:TagKeys': 'a' } } }),
      },
    ],
    quiet: [{ type: 'identity', input: doc({ ...ID_STMT, Condition: { StringEquals: { 'aws:username': 'a' } } }) }],
  },
  'null-with-ifexists': {
    fires: [
      { type: 'identity', input: doc({ ...ID_STMT, Condition: { NullIfExists: { 'aws:TokenIssueTime': 'true' } } }) },
      { type: 'identity', input: doc({ ...ID_STMT, Condition: { 'ForAnyValue:Null': { 'aws:TagKeys': 'true' } } }) },
    ],
    quiet: [{ type: 'identity', input: doc({ ...ID_STMT, Condition: { Null: { 'aws:TokenIssueTime': 'true' } } }) }],
  },
  'invalid-character': {
    fires: [
      { type: 'identity', input: text(doc({ ...ID_STMT, Sid: 'Read\u2013Only' })) },
      { type: 'identity', input: doc({ ...ID_STMT, Resource: 'arn:aws:s3:::b/\u{1F600}' }) },
      { type: 'identity', input: doc({ ...ID_STMT, Condition: { StringEquals: { 'aws:PrincipalTag/\u4e00': 'x' } } }) },
    ],
    quiet: [{ type: 'identity', input: text(doc({ ...ID_STMT, Resource: 'arn:aws:s3:::b/caf\u00e9' })) }],
  },
  'policy-size-exceeded': {
    fires: [
      { type: 'trust', input: doc({ ...TRUST_STMT, Sid: 'a'.repeat(2100) }) },
      { type: 'identity', input: doc({ ...ID_STMT, Sid: 'a'.repeat(6200) }) },
      { type: 'scp', input: text(doc(...Array.from({ length: 60 }, () => ID_STMT))) },
      { type: 'resource', input: doc(RES_STMT), sizeLimit: 20 },
      { type: 'resource', input: '{"Statement": ["x', sizeLimit: 5 },
    ],
    quiet: [
      { type: 'trust', input: text(doc({ ...TRUST_STMT, Sid: 'a'.repeat(1800) })) },
      { type: 'resource', input: doc({ ...RES_STMT, Sid: 'a'.repeat(100_000) }) },
      { type: 'identity', input: `{"Version":"${V}",${' '.repeat(10_000)}"Statement":${JSON.stringify(ID_STMT)}}` },
    ],
  },
  'policy-size-near-limit': {
    fires: [{ type: 'trust', input: doc({ ...TRUST_STMT, Sid: 'a'.repeat(1900) }) }],
    quiet: [
      { type: 'trust', input: doc({ ...TRUST_STMT, Sid: 'a'.repeat(1500) }) },
      { type: 'trust', input: doc({ ...TRUST_STMT, Sid: 'a'.repeat(2100) }) },
    ],
  },
  'guardrail-no-allow': {
    fires: [
      { type: 'boundary', input: doc({ ...ID_STMT, Effect: 'Deny' }) },
      { type: 'scp', input: doc({ ...ID_STMT, Effect: 'Deny' }) },
      { type: 'session', input: doc({ ...ID_STMT, Effect: 'Deny' }) },
    ],
    quiet: [
      { type: 'boundary', input: doc(ID_STMT, { ...ID_STMT, Effect: 'Deny' }) },
      { type: 'identity', input: doc({ ...ID_STMT, Effect: 'Deny' }) },
      { type: 'scp', input: { Version: V, Statement: [] } },
    ],
  },
};

describe('document rules', () => {
  it('have a test case for every rule', () => {
    expect(Object.keys(CASES).sort()).toEqual(documentRules.map((r) => r.meta.id).sort());
  });

  for (const [id, { fires, quiet }] of Object.entries(CASES)) {
    describe(id, () => {
      fires.forEach((c, i) => {
        it(`fires (${c.type} #${i})`, () => {
          expect(ids(c)).toContain(id);
        });
      });
      quiet.forEach((c, i) => {
        it(`stays quiet (${c.type} #${i})`, () => {
          expect(ids(c)).not.toContain(id);
        });
      });
    });
  }
});

import { describe, expect, it } from 'vitest';
import { createModel } from '../../../src/iam/model/index.js';
import type { ModelInput } from '../../../src/iam/model/types.js';
import { A, allow, B, trust, V } from './helpers.js';

function rules(input: unknown): string[] {
  return createModel(input as ModelInput).diagnostics.map((d) => d.ruleId);
}

function findings(input: unknown) {
  return createModel(input as ModelInput).diagnostics;
}

const big = (n: number) => allow(Array.from({ length: n }, (_, i) => `s3:GetObjectVersionNumber${i}`));

describe('model.validate', () => {
  it('is clean for a well-formed model, and validate() equals the createModel diagnostics', () => {
    const r = createModel({
      accounts: [
        {
          id: A,
          users: [{ name: 'alice', groups: ['g'], managedPolicies: ['p'], tags: [{ Key: 'team', Value: 'x' }] }],
          groups: [{ name: 'g' }],
          roles: [{ name: 'r', trustPolicy: trust({ Service: 'ec2.amazonaws.com' }), maxSessionDuration: 7200 }],
          instanceProfiles: [{ name: 'ip', roles: ['r'] }],
          policies: [{ name: 'p', document: allow('s3:*') }],
        },
      ],
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.model?.validate()).toEqual([]);
  });

  it('reports dangling references', () => {
    const d = findings({
      accounts: [
        {
          id: A,
          users: [
            {
              name: 'alice',
              groups: ['nope', `arn:aws:iam::${B}:group/g`],
              managedPolicies: ['missing', 'arn:aws:iam::aws:policy/NotGiven'],
              boundary: 'gone',
            },
          ],
          roles: [{ name: 'r', trustPolicy: trust({ Service: 'ec2.amazonaws.com' }), boundary: 'gone' }],
          instanceProfiles: [{ name: 'ip', roles: ['ghost'] }],
        },
        { id: B, groups: [{ name: 'g' }] },
      ],
    });
    const ids = d.map((x) => `${x.ruleId}:${x.severity}`);
    expect(ids.filter((x) => x === 'model/group-missing:error')).toHaveLength(2);
    expect(ids.filter((x) => x === 'model/policy-missing:error')).toHaveLength(3);
    expect(ids).toContain('model/policy-missing:warning');
    expect(ids).toContain('model/role-missing:error');
    expect(d.find((x) => x.ruleId === 'model/role-missing')?.pointer).toBe('/accounts/0/instanceProfiles/0/roles/0');
  });

  it('reports broken names, paths, IDs and ARNs (§6.3)', () => {
    const ids = rules({
      accounts: [
        {
          id: A,
          users: [
            { name: 'bad name' },
            { name: 'x'.repeat(65) },
            { name: '' },
            { name: 'p', path: 'nope' },
            { name: 'q', path: '/a b/' },
            { name: 'id', id: 'XYZ123' },
            { name: 'arn', arn: `arn:aws:iam::${A}:user/other` },
            {
              name: 'inline',
              inlinePolicies: [
                { name: 'a/b', document: allow('s3:*') },
                { name: 'a/b', document: allow('s3:*') },
              ],
            },
          ],
          roles: [
            { name: 'r'.repeat(40), path: `/${'p'.repeat(30)}/`, trustPolicy: trust({ Service: 'ec2.amazonaws.com' }) },
          ],
        },
      ],
    });
    expect(ids.filter((x) => x === 'model/name-invalid').length).toBeGreaterThanOrEqual(4);
    expect(ids.filter((x) => x === 'model/path-invalid')).toHaveLength(2);
    expect(ids).toContain('model/id-invalid');
    expect(ids).toContain('model/arn-mismatch');
    expect(ids).toContain('model/name-duplicate');
    expect(ids).toContain('model/role-switch-name-long');
  });

  it('reports case-insensitive duplicates per account', () => {
    const ids = rules({
      accounts: [
        {
          id: A,
          users: [{ name: 'Alice' }, { name: 'alice' }],
          policies: [
            { name: 'P', document: allow('s3:*') },
            { name: 'p', document: allow('s3:*') },
          ],
        },
        { id: A },
      ],
    });
    expect(ids.filter((x) => x === 'model/name-duplicate')).toHaveLength(3);
  });

  it('reports quotas (§6.4)', () => {
    const policies = Array.from({ length: 11 }, (_, i) => ({ name: `p${i}`, document: allow('s3:*') }));
    const groups = Array.from({ length: 11 }, (_, i) => ({
      name: `g${i}`,
      managedPolicies: i === 0 ? policies.map((p) => p.name) : [],
    }));
    const d = findings({
      accounts: [
        {
          id: A,
          policies,
          groups,
          users: [{ name: 'u', groups: groups.map((g) => g.name), managedPolicies: policies.map((p) => p.name) }],
          roles: [
            { name: 'r', trustPolicy: trust({ Service: 'ec2.amazonaws.com' }) },
            { name: 's', trustPolicy: trust({ Service: 'ec2.amazonaws.com' }) },
          ],
          instanceProfiles: [
            { name: 'two', roles: ['r', 's'] },
            { name: 'none', roles: [] },
          ],
        },
      ],
      quotas: { groupsPerUser: 10, managedPoliciesPerEntity: 10, bogus: 3 },
    });
    const ids = d.map((x) => x.ruleId);
    expect(ids.filter((x) => x === 'model/managed-policy-quota')).toHaveLength(2);
    expect(ids).toContain('model/group-quota');
    expect(d.filter((x) => x.ruleId === 'model/instance-profile-roles').map((x) => x.severity)).toEqual([
      'error',
      'warning',
    ]);
    const raised = rules({
      accounts: [{ id: A, policies, users: [{ name: 'u', managedPolicies: policies.map((p) => p.name) }] }],
      quotas: { managedPoliciesPerEntity: 20 },
    });
    expect(raised).not.toContain('model/managed-policy-quota');
  });

  it('reports policy sizes (§1.7): inline sums per entity, managed, trust, SCP/RCP', () => {
    const d = findings({
      accounts: [
        {
          id: A,
          users: [
            {
              name: 'u',
              inlinePolicies: [
                { name: 'a', document: big(40) },
                { name: 'b', document: big(40) },
              ],
            },
          ],
          groups: [{ name: 'g', inlinePolicies: [{ name: 'a', document: big(200) }] }],
          roles: [
            {
              name: 'r',
              trustPolicy: trust({
                AWS: Array.from({ length: 60 }, (_, i) => `arn:aws:iam::${A}:user/user-number-${i}`),
              }),
            },
            {
              name: 'ok',
              inlinePolicies: [{ name: 'a', document: big(100) }],
              trustPolicy: trust({ Service: 'ec2.amazonaws.com' }),
            },
          ],
          policies: [{ name: 'huge', document: big(300) }],
        },
      ],
      organization: { id: 'o-1', root: { id: 'r-1', scps: [big(250)], accounts: [A] } },
    });
    const sized = d.filter((x) => x.ruleId === 'model/policy-size-exceeded').map((x) => x.pointer);
    expect(sized).toEqual([
      '/accounts/0/policies/0/document',
      '/accounts/0/groups/0/inlinePolicies',
      '/accounts/0/users/0/inlinePolicies',
      '/accounts/0/roles/0/trustPolicy',
      '/organization/root/scps/0',
    ]);
    const relaxed = rules({
      accounts: [
        {
          id: A,
          roles: [
            {
              name: 'r',
              trustPolicy: trust({
                AWS: Array.from({ length: 60 }, (_, i) => `arn:aws:iam::${A}:user/user-number-${i}`),
              }),
            },
          ],
        },
      ],
      quotas: { trustPolicySize: 4096 },
    });
    expect(relaxed).not.toContain('model/policy-size-exceeded');
  });

  it('reports managed policy versions', () => {
    const ids = rules({
      accounts: [
        {
          id: A,
          policies: [
            {
              name: 'six',
              versions: Array.from({ length: 6 }, (_, i) => ({
                versionId: `v${i + 1}`,
                document: allow('s3:*'),
                isDefault: i === 0,
              })),
            },
            {
              name: 'two-defaults',
              versions: [
                { versionId: 'v1', document: allow('s3:*'), isDefault: true },
                { versionId: 'v2', document: allow('s3:*'), isDefault: true },
              ],
            },
            {
              name: 'none',
              versions: [
                { versionId: 'v1', document: allow('s3:*') },
                { versionId: 'v2', document: allow('s3:*') },
              ],
            },
            {
              name: 'disagree',
              defaultVersionId: 'v2',
              versions: [
                { versionId: 'v1', document: allow('s3:*'), isDefault: true },
                { versionId: 'v2', document: allow('s3:*') },
              ],
            },
            { name: 'missing', defaultVersionId: 'v9', versions: [{ versionId: 'v1', document: allow('s3:*') }] },
            { name: 'badversion', versions: [{ document: allow('s3:*') }] },
          ],
        },
      ],
    });
    expect(ids).toContain('model/policy-version-quota');
    expect(ids.filter((x) => x === 'model/policy-version-default')).toHaveLength(5);
    expect(ids).toContain('model/input-invalid');
  });

  it('reports tags, session durations, trust policies, groups with user-only fields', () => {
    const ids = rules({
      accounts: [
        {
          id: A,
          users: [
            { name: 'a', tags: { 'aws:x': 'v', Team: 'a', team: 'b' } },
            { name: 'b', tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) },
            { name: 'c', tags: [{ Key: 'k' }] },
            { name: 'd', tags: 'x' },
            { name: 'e', tags: { k: 3 } },
          ],
          groups: [{ name: 'g', boundary: 'x', tags: {} }],
          roles: [{ name: 'r', trustPolicy: trust('*'), maxSessionDuration: 100 }, { name: 's' }],
        },
      ],
    });
    for (const id of [
      'model/tag-invalid',
      'model/tag-duplicate',
      'model/tag-quota',
      'model/session-duration-invalid',
      'model/trust-policy-missing',
    ]) {
      expect(ids).toContain(id);
    }
    expect(ids.filter((x) => x === 'model/input-invalid')).toHaveLength(2);
  });

  it('reports malformed input pieces without giving up', () => {
    const r = createModel({
      accounts: [
        3,
        { id: 'abc' },
        {
          id: A,
          users: [7, { name: 'u', groups: [5], managedPolicies: [''], inlinePolicies: [3] }],
          groups: 'x',
          roles: [null],
          instanceProfiles: [1, { name: 'ip', roles: [9] }],
          policies: [
            1,
            { name: 'p', document: 42 },
            { name: 'q', document: '%E0%A4%A' },
            { name: 'r', document: '%7B%22Version%22%3A%222012-10-17%22%7D' },
          ],
        },
      ],
      organization: {
        id: 'o-1',
        root: {
          id: 'r-1',
          accounts: [4, A, A],
          units: [5, { accounts: [] }],
          scps: Array.from({ length: 6 }, () => allow('*')),
        },
        managementAccountId: B,
      },
      resources: [
        3,
        { arn: 'nope', policy: allow('s3:*'), account: 'x' },
        { arn: 'arn:aws:s3:::b', policy: { Version: V, Statement: [] } },
        { arn: 'arn:aws:s3:::b', account: A, policy: '{}' },
        { arn: `arn:aws:iam::${A}:role/r`, policy: '{}' },
      ],
    } as never);
    expect(r.model).toBeDefined();
    const ids = r.diagnostics.map((d) => d.ruleId);
    for (const id of [
      'model/input-invalid',
      'model/account-invalid',
      'model/policy-invalid',
      'model/org-policy-quota',
      'model/account-missing',
      'model/resource-arn-invalid',
      'model/resource-account-unknown',
      'model/resource-is-role',
    ]) {
      expect(ids).toContain(id);
    }
    expect(r.model?.validate()).toEqual(r.diagnostics);
    const badOrg = createModel({ accounts: [], organization: { id: 3 } } as never);
    expect(badOrg.diagnostics.map((d) => d.ruleId)).toEqual(['model/input-invalid']);
    expect(createModel({ accounts: [], organization: 'x' } as never).diagnostics[0]?.pointer).toBe('/organization');
  });

  it('bounds a hostile organization depth', () => {
    let unit: { id: string; units?: unknown[] } = { id: 'leaf' };
    for (let i = 0; i < 100; i++) unit = { id: `ou-${i}`, units: [unit] };
    const r = createModel({ accounts: [], organization: { id: 'o', root: unit as never } });
    expect(r.diagnostics.some((d) => d.message.includes('too deep'))).toBe(true);
  });
});

describe('createModel on input that cannot be read', () => {
  it('returns a diagnostic instead of throwing when a getter or proxy throws', () => {
    const tag = Object.defineProperty({}, 'Key', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('get');
        },
        ownKeys() {
          throw new Error('keys');
        },
      },
    );
    for (const input of [{ accounts: [{ id: A, users: [{ name: 'a', tags: [tag] }] }] }, hostile]) {
      const r = createModel(input as ModelInput);
      expect(r.model).toBeUndefined();
      expect(r.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['model/input-invalid', 'error']]);
      expect(Object.isFrozen(r.diagnostics)).toBe(true);
    }
  });
});

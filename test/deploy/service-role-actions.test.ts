import { describe, expect, it } from 'vitest';
import { SERVICE_ROLE_ACTIONS, SERVICE_ROLE_POLICIES, serviceRoleActionsFor } from '../../src/deploy/index.js';
import type { ServiceActionSelector } from '../../src/deploy/index.js';
import { createEvaluator } from '../../src/iam/index.js';
import { MANAGED } from './fixtures.js';

const PLATFORMS = ['server', 'ecs', 'lambda'] as const;
const NONE: ServiceActionSelector = { blueGreen: false, loadBalancer: false, hooks: false, s3Revision: false };

/** A concrete resource for a placeholder, as the check fills it in. */
function concrete(resource: string): string {
  switch (resource) {
    case '{instanceRoleArn}':
      return 'arn:aws:iam::111122223333:role/web-app';
    case '{hookFunction}':
      return 'arn:aws:lambda:us-east-1:111122223333:function:CodeDeployHook_pre';
    case '{lambdaAlias}':
      return 'arn:aws:lambda:us-east-1:111122223333:function:api:live';
    case '{revisionObject}':
      return 'arn:aws:s3:::artifacts/CodeDeploy/app.zip';
    default:
      return resource;
  }
}

describe('SERVICE_ROLE_ACTIONS', () => {
  it('is well formed: service:Action names, a reason each, no duplicate (action, when) per platform', () => {
    for (const platform of PLATFORMS) {
      const seen = new Set<string>();
      for (const row of SERVICE_ROLE_ACTIONS[platform]) {
        expect(row.action).toMatch(/^[a-z0-9-]+:[A-Z][A-Za-z0-9]+$/);
        expect(row.reason.length).toBeGreaterThan(5);
        expect(row.resource === '*' || /^\{[a-zA-Z]+\}$/.test(row.resource)).toBe(true);
        const key = `${row.action} ${row.when}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
      expect(Object.isFrozen(SERVICE_ROLE_ACTIONS[platform])).toBe(true);
    }
  });

  it('every row taken from a managed policy is granted by that policy’s document (as published)', () => {
    for (const platform of PLATFORMS) {
      const m = MANAGED[platform];
      expect(SERVICE_ROLE_POLICIES[platform].name).toBe(m.name);
      expect(SERVICE_ROLE_POLICIES[platform].arn).toBe(m.arn);
      const evaluator = createEvaluator({ identity: [m.document] });
      for (const row of SERVICE_ROLE_ACTIONS[platform]) {
        if (row.source === 'user-guide') continue;
        expect(row.source).toBe(m.name);
        const r = evaluator({
          principal: 'arn:aws:sts::111122223333:assumed-role/CodeDeployServiceRole/s',
          action: row.action,
          resource: concrete(row.resource),
          resourceAccount: '111122223333',
          ...(row.context ? { context: row.context } : {}),
        });
        expect(r.decision, `${platform} ${row.action}`).toBe('Allow');
      }
    }
  });

  it('covers every action of the managed documents (nothing dropped)', () => {
    for (const platform of PLATFORMS) {
      const actions = new Set(SERVICE_ROLE_ACTIONS[platform].map((r) => r.action));
      for (const st of MANAGED[platform].document.Statement) {
        const list = st.Action as string | string[];
        for (const a of Array.isArray(list) ? list : [list]) expect(actions.has(a), `${platform} ${a}`).toBe(true);
      }
    }
  });

  it('the launch-template extras are exactly the rows the managed policy lacks', () => {
    const extras = SERVICE_ROLE_ACTIONS.server.filter((r) => r.source === 'user-guide').map((r) => r.action);
    expect(extras).toEqual(['ec2:RunInstances', 'ec2:CreateTags', 'iam:PassRole']);
    expect(SERVICE_ROLE_ACTIONS.ecs.some((r) => r.source === 'user-guide')).toBe(false);
  });
});

describe('serviceRoleActionsFor', () => {
  it('selects by deployment features', () => {
    const count = (p: (typeof PLATFORMS)[number], s: ServiceActionSelector) => serviceRoleActionsFor(p, s).length;
    const base = serviceRoleActionsFor('server', NONE);
    expect(base.every((r) => r.when === 'always')).toBe(true);
    const lb = serviceRoleActionsFor('server', { ...NONE, loadBalancer: true });
    expect(lb.filter((r) => r.when === 'load-balancer')).toHaveLength(8);
    const bg = serviceRoleActionsFor('server', { ...NONE, blueGreen: true });
    // Blue/green always has a load balancer.
    expect(bg.some((r) => r.when === 'load-balancer')).toBe(true);
    expect(bg.some((r) => r.action === 'iam:PassRole')).toBe(true);
    expect(count('server', { blueGreen: true, loadBalancer: true, hooks: true, s3Revision: true })).toBe(
      SERVICE_ROLE_ACTIONS.server.length,
    );
    expect(count('ecs', { ...NONE, hooks: true })).toBe(count('ecs', NONE) + 1);
    expect(count('lambda', { ...NONE, s3Revision: true })).toBe(count('lambda', NONE) + 2);
  });
});

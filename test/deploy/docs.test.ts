import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDeploymentReadinessDocs } from '../../src/deploy/docs.js';
import { deploymentRules, SERVICE_ROLE_ACTIONS, SERVICE_ROLE_POLICIES } from '../../src/deploy/index.js';

const docsFile = new URL('../../docs/deployment-readiness.md', import.meta.url);

describe('docs/deployment-readiness.md', () => {
  it('is up to date with the service-role table and the rules (UPDATE_DEPLOY_DOCS=1 regenerates it)', () => {
    const expected = renderDeploymentReadinessDocs(deploymentRules);
    if (process.env['UPDATE_DEPLOY_DOCS'] === '1') writeFileSync(docsFile, expected);
    expect(readFileSync(docsFile, 'utf8')).toBe(expected);
  });

  it('has one table row per action of each platform, and cites each managed policy with its version', () => {
    const text = renderDeploymentReadinessDocs(deploymentRules);
    for (const platform of ['server', 'ecs', 'lambda'] as const) {
      const p = SERVICE_ROLE_POLICIES[platform];
      expect(text).toContain(`[\`${p.name}\`](${p.url}) ${p.version} (edited ${p.edited})`);
      const section =
        (text.split('### ')[['server', 'ecs', 'lambda'].indexOf(platform) + 1] ?? '').split('\n## ')[0] ?? '';
      const rows = section.split('\n').filter((l) => l.startsWith('| `'));
      expect(rows).toHaveLength(SERVICE_ROLE_ACTIONS[platform].length);
    }
    for (const r of deploymentRules) expect(text).toContain(`| \`${r.id}\` | ${r.defaultSeverity} |`);
  });

  it('escapes table cells', () => {
    const text = renderDeploymentReadinessDocs([{ id: 'deploy/x', defaultSeverity: 'info', description: 'a | b\nc' }]);
    expect(text).toContain('| `deploy/x` | info | a \\| b c |');
  });
});

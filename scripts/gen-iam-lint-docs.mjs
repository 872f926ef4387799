// Regenerates docs/iam-lint.md from the policy rule metadata. The renderer is TypeScript
// (scripts/iam-lint-docs.ts) and reads the rules from src/, so it runs inside vitest, which
// compiles both; the same test fails in CI when the committed file is stale.
// Usage: node scripts/gen-iam-lint-docs.mjs
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', 'test/scripts/iam-lint-docs.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, UPDATE_IAM_LINT_DOCS: '1' },
});
process.exit(result.status ?? 1);

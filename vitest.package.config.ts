import { defineConfig, type ViteUserConfig } from 'vitest/config';

// Tests of the built and packed package; run after `npm run build` by `npm run test:package`.
const config: ViteUserConfig = defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-package-results.json' }]] : ['default'],
  },
});

export default config;

import type { Options } from 'tsup';

const config: Options = {
  entry: {
    index: 'src/index.ts',
    'iam/index': 'src/iam/index.ts',
    'appspec/index': 'src/appspec/index.ts',
    'vitest/index': 'src/vitest/index.ts',
    'catalog/index': 'src/catalog/index.ts',
    'cli/main': 'src/cli/main.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  splitting: true,
  sourcemap: false,
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  shims: false,
  treeshake: true,
};

export default config;

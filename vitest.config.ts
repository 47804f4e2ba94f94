import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@passage/source'] },
  ssr: { resolve: { conditions: ['@passage/source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/*/web/src/**/*.test.ts',
      'test/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

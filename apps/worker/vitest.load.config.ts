import { defineConfig } from 'vitest/config';

// `pnpm loadtest`: not part of `pnpm test`.
export default defineConfig({
  test: {
    include: ['test/load/**/*.load.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});

import { defineConfig } from 'vitest/config';

// The latency bench (`pnpm bench`, bench/latency/): not part of `pnpm test`.
export default defineConfig({
  test: {
    include: ['bench/latency/*.latency.ts'],
    environment: 'node',
    testTimeout: 900_000,
    hookTimeout: 120_000,
  },
});

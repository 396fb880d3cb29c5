import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The end-to-end tests spawn the chat (tsx compiles it on start): seconds, not milliseconds.
    testTimeout: 20_000,
  },
});

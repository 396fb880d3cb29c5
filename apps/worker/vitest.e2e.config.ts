import { defineConfig } from 'vitest/config';

// End-to-end: a real `wrangler dev` and a mock OpenAI server, driven from Node.
export default defineConfig({
  test: {
    // The load and soak runs' own helpers are tested here, in Node, like what they measure.
    include: ['test/e2e/**/*.e2e.ts', 'test/load/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // One wrangler dev per file; files run one after another to keep ports and CPU calm.
    fileParallelism: false,
  },
});

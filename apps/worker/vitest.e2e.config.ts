import { defineConfig } from 'vitest/config';

// End-to-end: a real `wrangler dev` and a mock OpenAI server, driven from Node.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // One wrangler dev per file; files run one after another to keep ports and CPU calm.
    fileParallelism: false,
  },
});

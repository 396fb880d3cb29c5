import { defineConfig } from 'vitest/config';

// `pnpm soak` (scripts/soak.mjs sets SOAK_MINUTES): not part of `pnpm test`.
const minutes = Number(process.env.SOAK_MINUTES ?? 5);

export default defineConfig({
  test: {
    include: ['test/load/**/*.soak.ts'],
    environment: 'node',
    // The run plus the wait for the last chats (a hung one: the first-byte timeout) and a margin.
    testTimeout: minutes * 60_000 + 120_000,
    hookTimeout: 120_000,
    // The periodic reports go straight to the terminal, as they are printed.
    disableConsoleIntercept: true,
  },
});

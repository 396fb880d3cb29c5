import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Unit and route tests, inside workerd with the bindings of wrangler.jsonc.
export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.jsonc' } })],
  test: {
    include: ['src/**/*.test.ts', 'test/*.test.ts'],
    // workerd has no process.env: test/fuzz.test.ts reads these through inject().
    provide: { fuzzEnv: { FUZZ_SEED: process.env.FUZZ_SEED, FUZZ_RUNS: process.env.FUZZ_RUNS } },
  },
});

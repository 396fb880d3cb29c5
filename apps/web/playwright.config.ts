import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './e2e/chromium.js';

// End to end in Debian's chromium (Playwright's own browser download cannot work here; `.ci/run`
// installs `chromium` with apt-get), against `wrangler dev` serving the built app.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  outputDir: 'test-results',
  // One worker: the wrangler dev instances are worker-scoped fixtures, shared by all tests.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  // One retry in CI: once in six runs here `wrangler dev`'s proxy answered a navigation just
  // after a stopped stream with "Network connection lost" (a dev-proxy hiccup; never seen on
  // the API itself). A test that fails twice still fails.
  retries: process.env.CI ? 1 : 0,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});

import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { startMockOpenAI, type MockOpenAI } from '@edgechat/test-support/mock-openai';
import { startWranglerDev, type WranglerDev } from '@edgechat/test-support/wrangler-dev';
import { startMockSiteverify, type MockSiteverify } from './mock-siteverify.js';
import { SCENARIOS } from './scenarios.js';

interface WorkerFixtures {
  mock: MockOpenAI;
  /** wrangler dev with OPENAI_BASE_URL → the mock. */
  server: WranglerDev;
  /** wrangler dev without OPENAI_API_KEY: the demo model. */
  demoServer: WranglerDev;
  /** Like `server`, with three allowed models (the model picker). */
  modelsServer: WranglerDev;
  /** Like `server`, with a daily token budget of 1: spent by the first answer of the day. */
  budgetServer: WranglerDev;
  siteverify: MockSiteverify;
  /** Like `server`, with the Turnstile bot check on (siteverify → the mock). */
  turnstileServer: WranglerDev;
}

interface TestFixtures {
  /** Fails the test on any CSP violation or uncaught page error. */
  guard: void;
}

let ip = 0;

export const TURNSTILE_SECRET = 'e2e-turnstile-secret-DO-NOT-LEAK';

/** A worker on the mock upstream with a key (not the demo model), `gpt-4o`, and `vars`. */
function keyedVars(mock: MockOpenAI, vars: Record<string, string>): Record<string, string> {
  return {
    OPENAI_API_KEY: 'sk-e2e-web-not-a-real-key',
    OPENAI_BASE_URL: mock.url,
    MODEL: 'gpt-4o',
    ...vars,
  };
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  mock: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies this way
    async ({}, use) => {
      const mock = await startMockOpenAI({ scenarios: SCENARIOS });
      await use(mock);
      await mock.stop();
    },
    { scope: 'worker' },
  ],
  server: [
    async ({ mock }, use) => {
      const dev = await startWranglerDev(
        keyedVars(mock, {
          ALLOWED_MODELS: 'gpt-4o',
          STATUS_WAIT_MS: '1000',
        }),
      );
      await use(dev);
      await dev.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  modelsServer: [
    async ({ mock }, use) => {
      const dev = await startWranglerDev(
        keyedVars(mock, {
          ALLOWED_MODELS: 'gpt-4o,gpt-4o-mini,o4-mini',
        }),
      );
      await use(dev);
      await dev.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  budgetServer: [
    async ({ mock }, use) => {
      const dev = await startWranglerDev(
        keyedVars(mock, {
          ALLOWED_MODELS: 'gpt-4o',
          DAILY_TOKEN_BUDGET: '1',
        }),
      );
      await use(dev);
      await dev.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  siteverify: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies this way
    async ({}, use) => {
      const siteverify = await startMockSiteverify();
      await use(siteverify);
      await siteverify.stop();
    },
    { scope: 'worker' },
  ],
  turnstileServer: [
    async ({ mock, siteverify }, use) => {
      const dev = await startWranglerDev(
        keyedVars(mock, {
          ALLOWED_MODELS: 'gpt-4o',
          TURNSTILE_SECRET: TURNSTILE_SECRET,
          TURNSTILE_SITE_KEY: '1x00000000000000000000AA',
          TURNSTILE_VERIFY_URL: siteverify.url,
        }),
      );
      await use(dev);
      await dev.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  demoServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies this way
    async ({}, use) => {
      const dev = await startWranglerDev({});
      await use(dev);
      await dev.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  guard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
        });
        window.addEventListener('unhandledrejection', (event) => {
          const reason: unknown = event.reason;
          console.error(
            `unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`,
          );
        });
      });
      page.on('console', (message) => {
        const text = message.text();
        if (/content security policy|CSP violation|unhandled rejection/i.test(text))
          problems.push(text);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      // A fresh client IP per test: wrangler dev enforces the rate limit binding locally.
      await page.setExtraHTTPHeaders({ 'cf-connecting-ip': `203.0.113.${(++ip % 250) + 1}` });
      await use();
      expect(problems, 'CSP violations and page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** axe-core: serious and critical violations (the bar), as readable lines. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

/** Types a question into the composer and sends it with Enter. */
export async function ask(page: Page, text: string): Promise<void> {
  const composer = page.locator('#composer-input');
  await composer.fill(text);
  await composer.press('Enter');
}

export const sendButton = (page: Page) => page.locator('.composer button.action');

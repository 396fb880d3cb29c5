import type { WranglerDev } from '@edgechat/test-support/wrangler-dev';
import { ask, expect, test } from './fixtures.js';

// The deployment's daily token budget, through the real worker: once it is spent, a chat gets
// the worker's 429 `budget_spent`, and the page says so in the reader's language.

/** Spends the server's budget of 1 token, until the worker itself refuses a chat with it. */
async function spendBudget(server: WranglerDev): Promise<void> {
  // The first answer spends it; its tokens are added just after its stream ends.
  await expect
    .poll(async () => {
      const response = await fetch(`${server.url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cf-connecting-ip': '198.51.100.200' },
        body: JSON.stringify({ messages: [{ role: 'user', content: 'spend it' }] }),
      });
      const text = await response.text();
      return response.status === 429 ? (JSON.parse(text) as unknown) : response.status;
    })
    .toMatchObject({ error: { code: 'budget_spent' } });
}

for (const [locale, message, retry] of [
  ['en-US', "Today's budget for this demo is spent. Try again after 00:00 UTC.", 'Retry'],
  [
    'ko-KR',
    '이 데모의 오늘 사용량이 모두 소진되었습니다. 00:00 UTC 이후에 다시 시도하세요.',
    '다시 시도',
  ],
] as const) {
  test.describe(`a spent daily budget, ${locale}`, () => {
    test.use({ locale });

    test('the chat says the budget is spent, with no countdown', async ({ page, budgetServer }) => {
      await spendBudget(budgetServer);
      await page.goto(budgetServer.url);
      await ask(page, 'Hello?');
      const alert = page.getByRole('alert');
      await expect(alert.locator('.summary')).toHaveText(message);
      await expect(alert.getByRole('button')).toHaveText(retry);
      await expect(alert.getByRole('button')).toBeEnabled();
    });
  });
}

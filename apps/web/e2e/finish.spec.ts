import { join } from 'node:path';
import { ask, expect, seriousA11yViolations, sendButton, test } from './fixtures.js';
import { CONTINUED_ANSWER, CUT_ANSWER } from './scenarios.js';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

// An upstream `finish_reason` through the real worker (chunk set 6 asked for by the app).
test.describe('how an answer finished', () => {
  test.use({ locale: 'en-US' });

  test('the token limit: a notice with Continue, kept across a reload', async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    await ask(page, 'Tell me a long story');
    const notice = page.locator('.finish-notice');
    await expect(notice).toHaveText(/Stopped at the token limit\./);
    await expect(page.locator('.message.assistant .markdown').last()).toHaveText(CUT_ANSWER);
    await expect(page.getByTestId('live-region')).toContainText('Stopped at the token limit.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'finish-length.png') });

    await page.reload();
    await expect(notice).toHaveText(/Stopped at the token limit\./);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.message.user .bubble').last()).toHaveText('Continue');
    await expect(page.locator('.message.assistant .markdown').last()).toHaveText(CONTINUED_ANSWER);
    await expect(sendButton(page)).toHaveAttribute('aria-label', 'Send');
    // The cut answer keeps its notice; there is nothing left to continue.
    await expect(notice).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Continue' })).toHaveCount(0);
  });

  test("the provider's content filter: its own notice", async ({ page, server }) => {
    await page.goto(server.url);
    await ask(page, 'Say something filtered');
    await expect(page.locator('.finish-notice')).toHaveText(
      "The provider's content filter stopped this answer.",
    );
    await expect(page.getByRole('button', { name: 'Continue' })).toHaveCount(0);
  });
});

import { generateConversation, storedConversations } from '../bench/conversation-generator.js';
import { expect, test } from './fixtures.js';

// A stored conversation of 200 messages opens with its latest few; scrolling up brings the
// rest in, a window at a time, down to the first question.
test.describe('a long conversation', () => {
  test.use({ locale: 'en-US' });

  test('opens at its end with a window of messages; scrolling up reaches its start', async ({
    page,
    server,
  }) => {
    const stored = storedConversations([generateConversation('a', 200, 'THE-END')], 'a');
    await page.addInitScript(
      `try { localStorage.setItem('edgechat.conversations', ${JSON.stringify(stored)}); } catch {}`,
    );
    await page.goto(server.url);
    const messages = page.locator('.scroller .message');
    await expect(messages.last()).toContainText('THE-END');
    expect(await messages.count()).toBeLessThan(200);
    await expect(async () => {
      await page.locator('.scroller').evaluate((scroller) => scroller.scrollTo(0, 0));
      await expect(messages).toHaveCount(200, { timeout: 500 });
    }).toPass({ timeout: 15_000 });
    await expect(messages.first()).toContainText('question 1.');
  });
});

import { ask, expect, sendButton, test } from './fixtures.js';

// Pathological markdown from the model, through the real worker and the mock upstream (its
// default scenario echoes the question: "Echo: " and the question's text).
test.describe('pathological markdown', () => {
  test.use({ locale: 'en-US' });

  test('2 KB of nested ">" shows its text, with no page error; the next answer renders', async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    await ask(page, `Quote this:\n${'>'.repeat(2000)} the deepest words`);
    const answer = page.locator('.message.assistant .markdown').last();
    await expect(answer).toContainText('the deepest words');
    await expect(sendButton(page)).toHaveAttribute('aria-label', 'Send');
    // Capped at 20 levels: quotes inside quotes, each one a blockquote.
    await expect(answer.locator('blockquote')).toHaveCount(20);

    await ask(page, 'And **this** one?');
    const next = page.locator('.message.assistant .markdown').last();
    await expect(next).toHaveText('Echo: And this one?');
    await expect(next.locator('strong')).toHaveText('this');
    // The `guard` fixture fails the test on any uncaught page error.
  });
});

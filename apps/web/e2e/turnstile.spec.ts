// The bot check, end to end: wrangler dev with Turnstile on and siteverify → a local mock;
// Cloudflare's api.js is replaced by a fake whose widget hands out a token when clicked.
import { ask, expect, test, TURNSTILE_SECRET } from './fixtures.js';
import { GOOD_TOKEN } from './mock-siteverify.js';

const FAKE_API_JS = `
window.turnstile = {
  render(container, options) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'I am human';
    button.addEventListener('click', () => options.callback(${JSON.stringify(GOOD_TOKEN)}));
    container.append(button);
    window.turnstileLanguage = options.language;
    return 'widget-1';
  },
  reset() {},
  remove() {},
};`;

test.describe('with the Turnstile bot check on', () => {
  test.beforeEach(async ({ page }) => {
    await page.route('https://challenges.cloudflare.com/turnstile/v0/api.js*', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: FAKE_API_JS }),
    );
  });

  test('the widget by the composer, a refusal without it, then one siteverify for many answers', async ({
    page,
    turnstileServer,
    siteverify,
  }) => {
    const response = await page.goto(turnstileServer.url);
    // The page's CSP lets in Turnstile's script and frame origin, and nothing else new.
    expect(response?.headers()['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self' https://challenges.cloudflare.com; frame-src https://challenges.cloudflare.com; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    const check = page.getByRole('group', { name: 'Confirm you are human to chat.' });
    await expect(check).toBeVisible();
    expect(
      await page.evaluate(() => (window as { turnstileLanguage?: string }).turnstileLanguage),
    ).toBe('en');
    const before = siteverify.calls.length;

    // Sent before solving: the worker refuses, the widget says why.
    await ask(page, 'first try');
    await expect(page.getByRole('alert').first()).toContainText(
      'Confirm you are human with the check by the message box, then retry.',
    );
    await expect(check).toContainText('The human check did not pass or has expired.');
    expect(siteverify.calls.length).toBe(before);

    await check.getByRole('button', { name: 'I am human' }).click();
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(page.locator('.message.assistant .markdown').last()).toHaveText('Echo: first try');
    await expect(check).toHaveCount(0);
    // remoteip: the client address the guard fixture gives this test (203.0.113.x).
    const calls = siteverify.calls.slice(before);
    expect(
      calls.map(({ remoteip, ...rest }) => ({
        ...rest,
        remoteip: /^203\.0\.113\.\d+$/.test(remoteip ?? ''),
      })),
    ).toEqual([{ secret: TURNSTILE_SECRET, response: GOOD_TOKEN, remoteip: true }]);

    // The pass cookie carries the next answers: no widget, no siteverify call.
    await ask(page, 'second');
    await expect(page.locator('.message.assistant .markdown').last()).toHaveText('Echo: second');
    expect(siteverify.calls.length).toBe(before + 1);
    const cookies = await page.context().cookies(turnstileServer.url + '/api/chat');
    expect(
      cookies.map(({ name, httpOnly, sameSite, path }) => ({ name, httpOnly, sameSite, path })),
    ).toEqual([{ name: 'edgechat_pass', httpOnly: true, sameSite: 'Strict', path: '/api' }]);
  });
});

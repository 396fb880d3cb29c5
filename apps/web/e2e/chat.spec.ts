import { join } from 'node:path';
import { ask, expect, sendButton, seriousA11yViolations, test } from './fixtures.js';
import { KOREAN_TIME_QUESTION } from './scenarios.js';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

test.describe('in Korean', () => {
  test.use({ locale: 'ko-KR', viewport: { width: 1280, height: 820 }, colorScheme: 'light' });

  test('idle page: greeting, model, strict CSP, no serious a11y problems', async ({
    page,
    server,
  }) => {
    const response = await page.goto(server.url);
    // The page's own response, as the browser got it from the worker's assets.
    const headers = response?.headers() ?? {};
    // Exactly the strict policy: with the bot check off, no Turnstile origin either.
    expect(headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    expect({
      hsts: headers['strict-transport-security'],
      coop: headers['cross-origin-opener-policy'],
      permissions: headers['permissions-policy'],
      frames: headers['x-frame-options'],
    }).toEqual({
      hsts: 'max-age=63072000; includeSubDomains',
      coop: 'same-origin',
      permissions:
        'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
      frames: 'DENY',
    });
    await expect(
      page.getByRole('heading', { name: '안녕하세요! 무엇을 도와드릴까요?' }),
    ).toBeVisible();
    await expect(page.getByTestId('model-name')).toHaveText('gpt-4o');
    await expect(page.getByText('데모 모드')).toHaveCount(0);
    await expect(page.getByTestId('turnstile')).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  test('a time question streams: two collapsed tool panels, the answer, debug view, reload', async ({
    page,
    server,
    mock,
  }) => {
    await page.goto(server.url);
    await ask(page, KOREAN_TIME_QUESTION);

    const panels = page.locator('.tool-call');
    await expect(panels).toHaveCount(2);
    for (const panel of await panels.all()) {
      await expect(panel).toHaveJSProperty('open', false); // collapsed by default
      await expect(panel.locator('.tool-name')).toHaveText('get_current_time');
    }

    // Mid-stream (the mock holds the rest): part of the answer is there, Stop is offered.
    const answer = page.locator('.message.assistant .markdown').last();
    await expect(answer).toContainText('서울');
    await expect(answer).not.toContainText('14시간');
    await expect(sendButton(page)).toHaveAttribute('aria-label', '중지');
    mock.release('ko-answer');
    await expect(answer).toContainText('두 도시의 시차는 14시간입니다.');
    await expect(sendButton(page)).toHaveAttribute('aria-label', '보내기');

    // The answer renders as markdown: bold text and a table.
    await expect(answer.locator('strong').first()).toHaveText('서울');
    await expect(answer.locator('table tbody tr')).toHaveCount(2);
    await expect(page.getByRole('button', { name: '최신 메시지로 이동' })).toHaveCount(0);

    // Expand both panels: arguments, then results; status and duration in the summary.
    for (const [index, zone] of [
      [0, 'Asia/Seoul'],
      [1, 'America/New_York'],
    ] as const) {
      const panel = panels.nth(index);
      await expect(panel.locator('.tool-status')).toHaveText('완료');
      await expect(panel.locator('.tool-duration')).toHaveText(/\d/);
      await panel.locator('summary').click();
      await expect(panel).toHaveJSProperty('open', true);
      const [args, result] = await panel.locator('pre').all();
      await expect(args!).toHaveText(`{\n  "timezone": "${zone}"\n}`);
      await expect(result!).toContainText(`"timezone": "${zone}"`);
      await expect(result!).toContainText('"iso":');
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-light.png'), fullPage: false });

    // Debug view: what the model saw, including the system prompt entry and tool results.
    await page.getByRole('button', { name: '디버그' }).click();
    const debug = page.locator('aside.debug');
    await expect(debug.locator('[data-role="system"]')).toHaveCount(1);
    await expect(debug.locator('[data-role="user"]')).toContainText(KOREAN_TIME_QUESTION);
    await expect(debug.locator('[data-role="assistant"]').first()).toContainText('"tool_calls"');
    await expect(debug.locator('[data-role="tool"]')).toHaveCount(2);
    await expect(debug.locator('[data-role="tool"]').first()).toContainText('tool_call_id: call_a');
    await expect(debug.locator('.chunks')).toContainText('"type":"tool-input-start"');
    await expect(debug.locator('.usage')).toContainText('전체 토큰');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-light-debug.png') });
    await page.getByRole('button', { name: '디버그' }).click();

    // Reload: the conversation is still there.
    await page.reload();
    await expect(page.locator('.message.user')).toContainText(KOREAN_TIME_QUESTION);
    await expect(page.locator('.message.assistant .markdown').last()).toContainText('14시간');
    await expect(page.locator('.tool-call')).toHaveCount(2);
    await expect(page.locator('nav.sidebar [aria-current="page"]')).toHaveText(
      KOREAN_TIME_QUESTION,
    );
  });

  test('mobile, dark, 360 px wide', async ({ page, server }) => {
    await page.setViewportSize({ width: 360, height: 760 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(server.url);
    await expect(
      page.getByRole('heading', { name: '안녕하세요! 무엇을 도와드릴까요?' }),
    ).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await ask(page, KOREAN_TIME_QUESTION);
    await expect(page.locator('.message.assistant .markdown').last()).toContainText('14시간');
    await page.locator('.tool-call summary').first().click();
    // Nothing sticks out sideways at 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'mobile-dark.png') });
    await page.getByRole('button', { name: '대화 목록 보기' }).click();
    await expect(page.locator('nav.sidebar')).toBeVisible();
    await page.screenshot({ path: join(SCREENSHOTS, 'mobile-dark-sidebar.png') });
  });
});

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('stop mid-answer closes the upstream request', async ({ page, server, mock }) => {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Hi! How can I help you?' })).toBeVisible();
    const upstream = mock.nextRequest();
    await ask(page, 'Count forever, please');
    const request = await upstream;
    const answer = page.locator('.message.assistant .markdown').last();
    await expect(answer).toContainText('tick tick');
    await page.getByRole('button', { name: 'Stop' }).click();
    await Promise.race([
      request.closed,
      new Promise((_, reject) => setTimeout(() => reject(new Error('upstream still open')), 2000)),
    ]);
    expect(request.finished).toBe(false);
    await expect(page.locator('.stopped')).toHaveText('Stopped');
    const kept = await answer.textContent();
    await page.waitForTimeout(300);
    expect(await answer.textContent()).toBe(kept); // nothing more arrives
    await expect(sendButton(page)).toHaveAttribute('aria-label', 'Send');
  });

  test('sticks to the bottom while streaming, unless scrolled up: then "Jump to latest"', async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width: 1000, height: 600 });
    await page.goto(server.url);
    await ask(page, 'Stream many lines please');
    const scroller = page.locator('section.scroller');
    const distanceFromBottom = () =>
      scroller.evaluate(
        (element) => element.scrollHeight - element.scrollTop - element.clientHeight,
      );
    const scrollHeight = () => scroller.evaluate((element) => element.scrollHeight);
    await expect.poll(scrollHeight).toBeGreaterThan(1500);
    expect(await distanceFromBottom()).toBeLessThan(60);
    const jump = page.getByRole('button', { name: 'Jump to latest' });
    await expect(jump).toHaveCount(0);

    await scroller.hover();
    await page.mouse.wheel(0, -1000);
    await expect(jump).toBeVisible();
    const heightWhenLeft = await scrollHeight();
    await expect.poll(scrollHeight).toBeGreaterThan(heightWhenLeft + 300); // still streaming
    expect(await distanceFromBottom()).toBeGreaterThan(300); // and the view stayed put

    await jump.click();
    await expect(jump).toHaveCount(0);
    await expect.poll(distanceFromBottom).toBeLessThan(60);
    await page.getByRole('button', { name: 'Stop' }).click();
  });

  test('an injected XSS answer is inert', async ({ page, server }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(server.url);
    await ask(page, 'Show me your XSS payloads');
    await expect(sendButton(page)).toHaveAttribute('aria-label', 'Send', { timeout: 15_000 });
    const answer = page.locator('.message.assistant .markdown').last();
    await expect(answer).toContainText('<script>window.__xss=1</script>');
    await page.waitForTimeout(300);
    const report = await answer.evaluate((root) => ({
      executed: (window as { __xss?: unknown }).__xss,
      dangerous: root.querySelectorAll(
        'script, iframe, object, embed, img, svg, math, style, form, base, meta, link, details, input:not([type="checkbox"])',
      ).length,
      handlers: [...root.querySelectorAll('*')].flatMap((element) =>
        [...element.attributes]
          .filter((a) => a.name.startsWith('on') || a.name === 'style')
          .map((a) => a.name),
      ),
      hrefs: [...root.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.target, a.rel]),
    }));
    expect(report.executed).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(report.dangerous).toBe(0);
    expect(report.handlers).toEqual([]);
    for (const [href, target, rel] of report.hrefs) {
      if (href === null) continue;
      expect(href).toMatch(/^(https?:|mailto:|tel:|[^a-z])/i);
      expect([target, rel]).toEqual(['_blank', 'noopener noreferrer']);
    }
  });

  test('a 20-line code answer renders highlighted, with a working copy button', async ({
    page,
    server,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(server.url);
    await ask(page, 'Show a TypeScript debounce function');
    const block = page.locator('.message.assistant .code-block').last();
    await expect(block.locator('code.hljs .hljs-keyword').first()).toBeVisible();
    const code = (await block.locator('code').textContent()) ?? '';
    expect(code.trimEnd().split('\n')).toHaveLength(20);
    expect(await block.locator('.hljs-keyword').count()).toBeGreaterThanOrEqual(5);
    await expect(block.locator('.code-language')).toHaveText('ts');
    // The view followed the answer to its end.
    await expect(page.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);
    await block.getByRole('button', { name: 'Copy code' }).click();
    await expect(block.locator('.copy-code')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-light-code.png') });
  });

  test('errors show on the turn with retry: a 429, and a stream that fails halfway', async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    await ask(page, 'Please hit the rate limit');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Too many requests');
    await alert.getByRole('button', { name: /Retry/ }).click({ timeout: 10_000 });
    await expect(page.locator('.message.assistant .markdown').last()).toHaveText('Now it worked.');
    await expect(page.getByRole('alert')).toHaveCount(0);

    await ask(page, 'Give me half an answer');
    const answer = page.locator('.message.assistant').last();
    await expect(answer.locator('.markdown')).toHaveText('The first half of the answer');
    await expect(answer.getByRole('alert')).toContainText('The model stopped with an error.');
    await answer.getByRole('button', { name: 'Retry' }).click();
    await expect(page.locator('.message.assistant .markdown').last()).toHaveText(
      'The whole answer, this time.',
    );
    await expect(page.locator('.message')).toHaveCount(4);
  });

  test('keyboard only: skip link, Shift+Enter, Enter, regenerate, edit and resend', async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to message input' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#composer-input')).toBeFocused();
    await page.keyboard.type('hello');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('there');
    await expect(page.locator('#composer-input')).toHaveValue('hello\nthere');
    await page.keyboard.press('Enter');
    const answers = page.locator('.message.assistant .markdown');
    await expect(answers.last()).toHaveText('Echo: hello\nthere');

    await page.getByRole('button', { name: 'Regenerate' }).focus();
    await page.keyboard.press('Enter');
    await expect(sendButton(page)).toHaveAttribute('aria-label', 'Send');
    await expect(page.locator('.message')).toHaveCount(2);

    await page.getByRole('button', { name: 'Edit' }).focus();
    await page.keyboard.press('Enter');
    const edit = page.getByRole('textbox', { name: 'Edit your message' });
    await expect(edit).toBeFocused();
    await edit.fill('hello again');
    await page.keyboard.press('Enter');
    await expect(answers.last()).toHaveText('Echo: hello again');
    await expect(page.locator('.message')).toHaveCount(2);
    await expect(page.getByTestId('live-region')).toContainText('Answer complete.');
  });

  test('several conversations: new, switch, rename, delete; a corrupt store shows a notice', async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    await page.evaluate(() => localStorage.setItem('edgechat.conversations', '{"version":1,"conv'));
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Hi! How can I help you?' })).toBeVisible();
    await page.getByRole('button', { name: 'Dismiss' }).click();

    await ask(page, 'first chat');
    await expect(page.locator('.message.assistant').last()).toContainText('Echo: first chat');
    await page.getByRole('button', { name: 'New chat' }).click();
    await ask(page, 'second chat');
    await expect(page.locator('.message.assistant').last()).toContainText('Echo: second chat');
    const sidebar = page.locator('nav.sidebar');
    await expect(sidebar.locator('button.select')).toHaveText(['second chat', 'first chat']);

    await sidebar.getByRole('button', { name: 'first chat', exact: true }).click();
    await expect(page.locator('.message.user .bubble')).toHaveText('first chat');
    await sidebar.getByRole('button', { name: 'Rename: first chat' }).click();
    await sidebar.getByRole('textbox', { name: 'Conversation name' }).fill('Renamed');
    await page.keyboard.press('Enter');
    await expect(sidebar.locator('button.select')).toHaveText(['second chat', 'Renamed']);

    await sidebar.getByRole('button', { name: 'Delete: second chat' }).click();
    await sidebar.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(sidebar.locator('button.select')).toHaveText(['Renamed']);
    await page.reload();
    await expect(sidebar.locator('button.select')).toHaveText(['Renamed']);
    await expect(page.locator('.message.user .bubble')).toHaveText('first chat');
  });
});

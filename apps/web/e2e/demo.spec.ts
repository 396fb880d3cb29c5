import { join } from 'node:path';
import { ask, expect, sendButton, seriousA11yViolations, test } from './fixtures.js';
import { KOREAN_TIME_QUESTION } from './scenarios.js';

test.use({ locale: 'ko-KR', viewport: { width: 1280, height: 820 } });

test('the demo model, no API key and no mock: the same flow', async ({ page, demoServer }) => {
  await page.goto(demoServer.url);
  await expect(
    page.getByText('데모 모드 — API 키가 없어 오프라인 데모 모델이 답변합니다.'),
  ).toBeVisible();
  await expect(page.getByTestId('model-name')).toHaveText('edgechat-demo');
  await ask(page, KOREAN_TIME_QUESTION);
  const panels = page.locator('.tool-call');
  await expect(panels).toHaveCount(2);
  await expect(panels.first()).toHaveJSProperty('open', false);
  await expect(sendButton(page)).toHaveAttribute('aria-label', '보내기', { timeout: 20_000 });
  const answer = page.locator('.message.assistant .markdown').last();
  await expect(answer).toContainText('서울');
  await expect(answer).toContainText('뉴욕');
  await panels.first().locator('summary').click();
  await expect(panels.first().locator('pre').first()).toHaveText(
    '{\n  "timezone": "Asia/Seoul"\n}',
  );
  await expect(panels.first().locator('pre').nth(1)).toContainText('"iso":');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'demo-desktop-light.png') });
});

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

test.describe('thinking, en', () => {
  test.use({ locale: 'en-US' });

  test('en, desktop: the Thinking block streams open, then folds to “Thought for N s”', async ({
    page,
    demoServer,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(demoServer.url);
    await ask(page, 'Think it through: what time is it in Seoul?');
    const blocks = page.locator('.message.assistant details.reasoning');
    // While the demo thinks, its thoughts are open to read.
    await expect(blocks.first()).toHaveJSProperty('open', true);
    await expect(blocks.first().locator('summary')).toHaveText(/^Thinking…/);
    await expect(sendButton(page)).toHaveAttribute('aria-label', 'Send', { timeout: 20_000 });
    // One block before the tool call, one before the answer; both closed once the answer came.
    await expect(blocks).toHaveCount(2);
    for (const block of await blocks.all()) {
      await expect(block).toHaveJSProperty('open', false);
      await expect(block.locator('summary')).toHaveText(/^Thought for \d+ s$/);
    }
    await expect(blocks.first()).toContainText('I have no clock of my own', {
      useInnerText: false,
    });
    await expect(page.locator('.message.assistant .markdown').last()).toContainText('Seoul');
    await blocks.first().locator('summary').click();
    await expect(blocks.first()).toHaveJSProperty('open', true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'thinking-desktop-en.png') });
  });
});

// The page's language follows the browser's (ko-KR for this file).
test('thinking, ko, mobile 360 px, dark: the same in Korean, nothing sticks out', async ({
  page,
  demoServer,
}) => {
  await page.setViewportSize({ width: 360, height: 760 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(demoServer.url);
  await ask(page, '생각해 보고 알려 줘: 서울이랑 뉴욕 몇 시야?');
  await expect(sendButton(page)).toHaveAttribute('aria-label', '보내기', { timeout: 20_000 });
  const blocks = page.locator('.message.assistant details.reasoning');
  await expect(blocks).toHaveCount(2);
  await expect(blocks.first().locator('summary')).toHaveText(/^\d+초 동안 생각함$/);
  await blocks.first().locator('summary').click();
  await expect(blocks.first()).toContainText('병렬로');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'thinking-mobile-ko.png') });
});

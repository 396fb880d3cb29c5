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

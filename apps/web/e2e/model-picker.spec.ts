import { ask, expect, seriousA11yViolations, sendButton, test } from './fixtures.js';

// The picker through the real worker: its allowlist from /api/config, the pick in the request
// the worker sends upstream, and remembered across a reload.
test.describe('model picker', () => {
  test.use({ locale: 'ko-KR' });

  test('picks an allowed model, asks the upstream for it, remembers it', async ({
    page,
    modelsServer,
    mock,
  }) => {
    await page.goto(modelsServer.url);
    const picker = page.getByRole('combobox', { name: '모델' });
    await expect(picker).toHaveValue('gpt-4o');
    await expect(picker.locator('option')).toHaveText(['gpt-4o', 'gpt-4o-mini', 'o4-mini']);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await picker.selectOption('gpt-4o-mini');
    const upstream = mock.nextRequest();
    await ask(page, '안녕하세요');
    expect((await upstream).body).toMatchObject({ model: 'gpt-4o-mini' });
    await expect(sendButton(page)).toHaveAttribute('aria-label', '보내기');

    await page.reload();
    await expect(picker).toHaveValue('gpt-4o-mini');
    const again = mock.nextRequest();
    await ask(page, '한 번 더');
    expect((await again).body).toMatchObject({ model: 'gpt-4o-mini' });
  });
});

import { ask, expect, seriousA11yViolations, test } from './fixtures.js';
import { COUNTING_QUESTION } from './scenarios.js';
import { useVariant, VARIANTS } from './variants.js';
import type { Page } from '@playwright/test';

const answers = (page: Page) => page.locator('.message.assistant .markdown');

for (const variant of VARIANTS) {
  test.describe(`search and keyboard, ${variant.name}`, () => {
    test.use(useVariant(variant));
    const { t } = variant;

    test('Ctrl+K searches every conversation as you type; matches are marked', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      await ask(page, 'Tell me about Gyeongbokgung palace');
      await expect(answers(page).last()).toHaveText('Echo: Tell me about Gyeongbokgung palace');
      await page.keyboard.press('Control+Shift+O');
      await expect(page.locator('#composer-input')).toBeFocused();
      await expect(page.locator('.message')).toHaveCount(0);
      await ask(page, '부산 여행 계획을 세워 줘 — plan a trip to Busan');
      await expect(answers(page).last()).toContainText('plan a trip to Busan');

      await page.keyboard.press('Control+k');
      const search = page.getByRole('searchbox', { name: t.searchLabel });
      await expect(search).toBeFocused();
      await search.pressSequentially('busan');
      const results = page.locator('.results .hit');
      await expect(results).toHaveCount(1);
      await expect(results.locator('mark').first()).toHaveText('Busan');
      expect(await seriousA11yViolations(page)).toEqual([]);

      // Text, not only titles: the palace is in the other conversation's answer and title.
      await search.fill('ECHO palace');
      await expect(results).toHaveCount(1);
      // The title's match, then the snippet of the text around "Echo", every word marked.
      await expect(results.locator('.title mark')).toHaveText(['palace']);
      await expect(results.locator('.snippet mark')).toHaveText(['palace', 'Echo', 'palace']);
      await search.fill('부산');
      await expect(results.locator('mark').first()).toHaveText('부산');

      await search.fill('zebra');
      await expect(
        page.getByRole('status').filter({ hasText: t.noSearchResults('zebra') }),
      ).toBeVisible();
      expect(await seriousA11yViolations(page)).toEqual([]);

      // Choosing a result opens it (and closes the drawer on a phone).
      await search.fill('palace');
      await results.first().click();
      await expect(answers(page)).toHaveText(['Echo: Tell me about Gyeongbokgung palace']);
    });

    test('Esc stops, ↑ edits the last message, ? shows the shortcuts', async ({ page, server }) => {
      await page.goto(server.url);
      await ask(page, COUNTING_QUESTION);
      await expect(answers(page).last()).toContainText('Counting: 1');
      await page.keyboard.press('Escape');
      await expect(page.locator('.stopped')).toHaveText(t.stopped);

      await page.locator('#composer-input').focus();
      await page.keyboard.press('ArrowUp');
      const edit = page.getByRole('textbox', { name: t.editLabel });
      await expect(edit).toBeFocused();
      await expect(edit).toHaveValue(COUNTING_QUESTION);
      await page.keyboard.press('Escape');
      await expect(edit).toHaveCount(0);

      // `?` typed in the composer is text; outside a field it opens the sheet.
      await page.locator('#composer-input').fill('');
      await page.locator('#composer-input').press('Shift+?');
      await expect(page.locator('#composer-input')).toHaveValue('?');
      await page.locator('#composer-input').fill('');
      // From a button (not a field): the sheet opens, and Esc gives focus back to the button.
      const debugToggle = page.getByRole('button', { name: t.debug, exact: true });
      await debugToggle.focus();
      await page.keyboard.press('Shift+?');
      const sheet = page.getByRole('dialog', { name: t.shortcuts });
      await expect(sheet).toBeVisible();
      await expect(sheet.locator('dt')).toHaveText([
        t.shortcutNames['new-chat'],
        t.shortcutNames['focus-search'],
        t.shortcutNames.stop,
        t.shortcutNames['edit-last'],
        t.shortcutNames['show-shortcuts'],
      ]);
      await expect(sheet.locator('dd').first()).toHaveText('Ctrl+Shift+O');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(sheet).toHaveCount(0);
      await expect(debugToggle).toBeFocused();
    });
  });
}

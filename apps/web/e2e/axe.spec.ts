import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ask, expect, test } from './fixtures.js';
import { MATH_QUESTION } from './scenarios-math.js';
import { VERSIONED } from './scenarios-branches.js';
import { useVariant, VARIANTS, type Variant } from './variants.js';

/** Every violation axe finds, whatever its impact, as readable lines. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

async function showSidebar(page: Page, variant: Variant): Promise<void> {
  const show = page.getByRole('button', { name: variant.t.showConversations });
  if (await show.isVisible()) await show.click();
}

const answered = async (page: Page, text: string) => {
  await ask(page, text);
  await expect(page.locator('.composer button.action')).toBeEnabled();
  await expect(page.locator('.message.assistant').last()).toBeVisible();
};

/** Each screen of the app, reached from a fresh page: what axe must find nothing on. */
const SCREENS: Record<string, (page: Page, variant: Variant) => Promise<void>> = {
  'empty chat': async () => {},
  'an answer with its tool panel open': async (page, { t }) => {
    await answered(page, '서울이랑 뉴욕 지금 몇 시야? (axe)');
    await page.locator('.tool-call summary').first().click();
    await expect(page.getByText(t.toolResult).first()).toBeVisible();
  },
  'branch navigation': async (page, { t }) => {
    await answered(page, `${VERSIONED} axe ${Date.now()}`);
    await page.getByRole('button', { name: t.regenerate }).click();
    await expect(page.getByRole('group', { name: t.versionOf(2, 2) })).toBeVisible();
  },
  math: async (page) => {
    await answered(page, MATH_QUESTION);
    await expect(page.locator('.katex').first()).toBeVisible();
  },
  'an error notice': async (page) => {
    await ask(page, 'trigger a rate limit please');
    await expect(page.getByRole('alert')).toBeVisible();
  },
  'sidebar with search results': async (page, variant) => {
    await answered(page, 'Tell me about Gyeongbokgung');
    await showSidebar(page, variant);
    await page.getByRole('searchbox', { name: variant.t.searchLabel }).fill('gyeong');
    await expect(page.locator('.results mark').first()).toBeVisible();
  },
  'search without results': async (page, variant) => {
    await showSidebar(page, variant);
    await page.getByRole('searchbox', { name: variant.t.searchLabel }).fill('zebra');
    await expect(page.getByRole('status')).toBeVisible();
  },
  'an import error': async (page, variant) => {
    await showSidebar(page, variant);
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('nope') });
    await expect(page.getByRole('alert')).toHaveText(variant.t.importNotJson);
  },
  'the shortcut sheet': async (page, { t }) => {
    await page.keyboard.press('Shift+?');
    await expect(page.getByRole('dialog', { name: t.shortcuts })).toBeVisible();
  },
  'the debug panel': async (page, { t }) => {
    await answered(page, 'Say hello for the debug view');
    await page.getByRole('button', { name: t.debug, exact: true }).click();
    await expect(page.locator('aside.debug pre.chunks')).toBeVisible();
  },
};

for (const variant of VARIANTS) {
  test.describe(`axe, ${variant.name}`, () => {
    test.use(useVariant(variant));
    for (const [screen, reach] of Object.entries(SCREENS)) {
      test(`no violations: ${screen}`, async ({ page, server }) => {
        await page.goto(server.url);
        await reach(page, variant);
        expect(await violations(page)).toEqual([]);
      });
    }
  });
}

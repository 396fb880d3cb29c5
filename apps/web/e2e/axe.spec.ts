import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ask, expect, test } from './fixtures.js';
import { MATH_QUESTION } from './scenarios-math.js';
import { AXE_ERROR_QUESTION, AXE_TOOL_QUESTION } from './scenarios-search.js';
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

/** Asks, and waits for the answer to end (the composer's button is Send again, not Stop). */
const answered = async (page: Page, text: string, { t }: Variant) => {
  await ask(page, text);
  await expect(page.locator('.message.assistant').last()).toBeVisible();
  await expect(page.locator('.composer button.action')).toHaveAttribute('aria-label', t.send);
};

/** Each screen of the app, reached from a fresh page: what axe must find nothing on. */
const SCREENS: Record<string, (page: Page, variant: Variant) => Promise<void>> = {
  'empty chat': async () => {},
  'an answer with its tool panel open': async (page, variant) => {
    const { t } = variant;
    await answered(page, AXE_TOOL_QUESTION, variant);
    await page.locator('.tool-call summary').first().click();
    await expect(page.getByText(t.toolResult).first()).toBeVisible();
  },
  'branch navigation': async (page, variant) => {
    const { t } = variant;
    await answered(page, `${VERSIONED} axe ${Date.now()}`, variant);
    await page.getByRole('button', { name: t.regenerate }).click();
    await expect(page.getByRole('group', { name: t.versionOf(2, 2) })).toBeVisible();
  },
  math: async (page, variant) => {
    await answered(page, MATH_QUESTION, variant);
    await expect(page.locator('.katex').first()).toBeVisible();
  },
  'an error notice': async (page) => {
    // A question of its own that always fails: the shared fail-once questions (a 429) would
    // fail only for whichever test asks first.
    await ask(page, AXE_ERROR_QUESTION);
    await expect(page.getByRole('alert')).toBeVisible();
  },
  'sidebar with search results': async (page, variant) => {
    await answered(page, 'Tell me about Gyeongbokgung', variant);
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
  'the debug panel': async (page, variant) => {
    const { t } = variant;
    await answered(page, 'Say hello for the debug view', variant);
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

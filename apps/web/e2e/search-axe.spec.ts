// Axe on every screen a person can reach. The screens are a table so that each new feature adds
// its own rows (a name and how to get there); every row runs once per variant.
import type { Page } from '@playwright/test';
import { ask, expect, seriousA11yViolations, test } from './fixtures.js';
import { AXE_ERROR_QUESTION, AXE_TOOL_QUESTION } from './scenarios-search.js';
import { useVariant, VARIANTS, type Variant } from './variants.js';

interface Screen {
  name: string;
  /** From a freshly loaded app, reach the screen (and wait until it is there). */
  reach: (page: Page, variant: Variant) => Promise<void>;
}

const answers = (page: Page) => page.locator('.message.assistant .markdown');

async function askAndWait(page: Page, question: string, answer: string): Promise<void> {
  await ask(page, question);
  await expect(answers(page).last()).toContainText(answer);
}

/** On a phone the list is a drawer behind a button; on a desktop it is always there. */
async function openSidebar(page: Page, { t }: Variant): Promise<void> {
  const show = page.getByRole('button', { name: t.showConversations });
  if (await show.isVisible()) await show.click();
  await expect(page.getByRole('searchbox', { name: t.searchLabel })).toBeVisible();
}

async function search(page: Page, variant: Variant, query: string): Promise<void> {
  await askAndWait(page, 'Tell me about Jeju island', 'Echo: Tell me about Jeju island');
  await openSidebar(page, variant);
  await page.getByRole('searchbox', { name: variant.t.searchLabel }).fill(query);
}

const SCREENS: Screen[] = [
  {
    name: 'empty chat',
    reach: async (page) => {
      await expect(page.locator('#composer-input')).toBeVisible();
    },
  },
  {
    name: 'chat with an answer',
    reach: (page) => askAndWait(page, 'Hello there', 'Echo: Hello there'),
  },
  {
    name: 'tool panel expanded',
    reach: async (page) => {
      await askAndWait(page, AXE_TOOL_QUESTION, 'ahead by 14 hours');
      const panel = page.locator('.tool-call').first();
      await panel.locator('summary').click();
      await expect(panel).toHaveJSProperty('open', true);
    },
  },
  { name: 'sidebar open', reach: openSidebar },
  {
    name: 'search with results',
    reach: async (page, variant) => {
      await search(page, variant, 'jeju');
      await expect(page.locator('.results .hit mark').first()).toHaveText('Jeju');
    },
  },
  {
    name: 'search with no results',
    reach: async (page, variant) => {
      await search(page, variant, 'zebra');
      await expect(
        page.getByRole('status').filter({ hasText: variant.t.noSearchResults('zebra') }),
      ).toBeVisible();
    },
  },
  {
    name: 'shortcut sheet',
    reach: async (page, { t }) => {
      await page.locator('#composer-input').blur();
      await page.keyboard.press('Shift+?');
      await expect(page.getByRole('dialog', { name: t.shortcuts })).toBeVisible();
    },
  },
  {
    name: 'debug panel',
    reach: async (page, { t }) => {
      await askAndWait(page, 'Hello debug', 'Echo: Hello debug');
      await page.getByRole('button', { name: t.debug, exact: true }).click();
      await expect(page.locator('aside.debug [data-role="user"]')).toContainText('Hello debug');
    },
  },
  {
    name: 'error notice',
    reach: async (page) => {
      await ask(page, AXE_ERROR_QUESTION);
      await expect(page.locator('.message.assistant').last().getByRole('alert')).toBeVisible();
    },
  },
];

for (const variant of VARIANTS) {
  test.describe(`axe, ${variant.name}`, () => {
    test.use(useVariant(variant));
    for (const screen of SCREENS) {
      test(screen.name, async ({ page, server }) => {
        await page.goto(server.url);
        await screen.reach(page, variant);
        expect(await seriousA11yViolations(page)).toEqual([]);
      });
    }
  });
}

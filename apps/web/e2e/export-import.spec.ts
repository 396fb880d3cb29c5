import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { CHATGPT_EXPORT } from '../src/lib/export/chatgpt-fixture.js';
import { ask, expect, seriousA11yViolations, test } from './fixtures.js';
import { VERSIONED } from './scenarios-branches.js';
import { useVariant, VARIANTS, type Variant } from './variants.js';

async function openSidebar(page: Page, variant: Variant): Promise<void> {
  if (!variant.isMobile) return;
  const show = page.getByRole('button', { name: variant.t.showConversations });
  if (await show.isVisible()) await show.click();
}

async function downloaded(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return {
    name: download.suggestedFilename(),
    text: await readFile(await download.path(), 'utf8'),
  };
}

for (const variant of VARIANTS) {
  test.describe(`export and import, ${variant.name}`, () => {
    test.use(useVariant(variant));
    const { t } = variant;

    test('exports Markdown and JSON with every version; importing it back, a bad file and a ChatGPT export', async ({
      page,
      server,
    }) => {
      const question = `${VERSIONED} export ${variant.name} ${Date.now()}`;
      const answers = page.locator('.message.assistant .markdown');
      await page.goto(server.url);
      await ask(page, question);
      await expect(answers.last()).toHaveText(`Answer 1 to: ${question}`);
      await page.getByRole('button', { name: t.regenerate }).click();
      await expect(answers.last()).toHaveText(`Answer 2 to: ${question}`);

      await openSidebar(page, variant);
      const markdown = await downloaded(page, () =>
        page.getByRole('button', { name: t.exportMarkdown }).click(),
      );
      expect(markdown.name).toMatch(/\.md$/);
      expect(markdown.text).toBe(
        `# ${question}\n\n## ${t.you}\n\n${question}\n\n## ${t.assistant}\n\nAnswer 2 to: ${question}\n`,
      );
      const json = await downloaded(page, () =>
        page.getByRole('button', { name: t.exportJson }).click(),
      );
      const file = JSON.parse(json.text);
      expect(file).toMatchObject({ format: 'edgechat.conversations', version: 2 });
      expect(
        file.conversations[0].tree.nodes.map(
          (node: { message: { role: string } }) => node.message.role,
        ),
      ).toEqual(['user', 'assistant', 'assistant']);

      const items = page.locator('.sidebar li');
      const before = await items.count();
      const chooser = page.locator('input[type=file]');
      await chooser.setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format": oops'),
      });
      await expect(page.getByRole('alert')).toHaveText(t.importNotJson);
      await expect(items).toHaveCount(before);
      await chooser.setInputFiles({
        name: 'hostile.json',
        mimeType: 'application/json',
        buffer: Buffer.from(
          JSON.stringify({
            ...file,
            conversations: [
              {
                ...file.conversations[0],
                tree: {
                  nodes: [
                    {
                      message: {
                        id: 'x',
                        role: 'user',
                        parts: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }],
                      },
                      parentId: 'nowhere',
                    },
                  ],
                  chosen: {},
                },
              },
            ],
          }),
        ),
      });
      await expect(page.getByRole('alert')).toHaveText(t.importInvalid(1));
      await expect(items).toHaveCount(before);
      expect(await seriousA11yViolations(page)).toEqual([]);

      await chooser.setInputFiles({
        name: 'mine.json',
        mimeType: 'application/json',
        buffer: Buffer.from(json.text),
      });
      // On a phone the drawer closes onto the imported conversation instead.
      if (!variant.isMobile) {
        await expect(page.getByRole('status').filter({ hasText: t.imported(1) })).toBeVisible();
      }
      await openSidebar(page, variant);
      await expect(items).toHaveCount(before + 1);
      await expect(answers.last()).toHaveText(`Answer 2 to: ${question}`);
      await expect(page.locator('.message.assistant').last().getByRole('group')).toContainText(
        '2/2',
      );

      await openSidebar(page, variant);
      await chooser.setInputFiles({
        name: 'conversations.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(CHATGPT_EXPORT)),
      });
      await openSidebar(page, variant);
      await expect(page.locator('.sidebar li.active')).toContainText('Seoul trip');
      await expect(answers.last()).toHaveText('Start at Haeundae beach.');
      await expect(page.locator('.message.user').last().getByRole('group')).toContainText('2/2');
    });
  });
}

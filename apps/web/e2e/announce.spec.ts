import { ask, expect, test } from './fixtures.js';
import { useVariant, VARIANTS } from './variants.js';

for (const variant of VARIANTS) {
  test.describe(`screen reader announcements, ${variant.name}`, () => {
    test.use(useVariant(variant));

    test('an answer of many blocks is announced once, when it ends', async ({ page, server }) => {
      await page.goto(server.url);
      await page.evaluate(() => {
        const said: string[] = [];
        (window as unknown as { __said: string[] }).__said = said;
        const region = document.querySelector('[data-testid=live-region]') as HTMLElement;
        new MutationObserver((records) => {
          for (const record of records) {
            for (const node of record.addedNodes) said.push(node.textContent ?? '');
          }
        }).observe(region, { childList: true, subtree: true, characterData: true });
      });
      await ask(page, 'Show a TypeScript debounce function');
      const answer = page.locator('.message.assistant .markdown').last();
      await expect(answer.locator('pre')).toHaveCount(1);
      await expect(page.locator('.composer button.action')).toHaveAttribute(
        'aria-label',
        variant.t.send,
      );
      const saidSoFar = () =>
        page.evaluate(() => (window as unknown as { __said: string[] }).__said);
      await expect.poll(async () => (await saidSoFar()).length).toBe(1);
      // And nothing more after it.
      await page.waitForTimeout(300);
      const said = await saidSoFar();
      expect(said).toHaveLength(1);
      expect(said[0]).toMatch(
        new RegExp(`^${variant.t.announceDone} Here is a debounce in TypeScript:`),
      );
      // The streaming answer itself is not a live region (it would be read token by token).
      expect(await answer.evaluate((element) => element.closest('[aria-live]'))).toBeNull();
    });
  });
}

import { ask, expect, seriousA11yViolations, test } from './fixtures.js';
import { MATH_QUESTION, PLAIN_QUESTION } from './scenarios-math.js';
import { useVariant, VARIANTS } from './variants.js';

for (const variant of VARIANTS) {
  test.describe(`math, ${variant.name}`, () => {
    test.use(useVariant(variant));

    test('formulas render with KaTeX, loaded only once one appears, never falling back to raw TeX', async ({
      page,
      server,
    }) => {
      const katexRequests: string[] = [];
      page.on('request', (request) => {
        if (/katex/i.test(request.url())) katexRequests.push(request.url());
      });
      await page.goto(server.url);
      await ask(page, PLAIN_QUESTION);
      await expect(page.locator('.message.assistant .markdown').last()).toHaveText(
        'Just words, no math.',
      );
      expect(katexRequests, 'no KaTeX on a page without formulas').toEqual([]);

      // Every formula once typeset must stay typeset through the re-renders of the open block.
      await page.evaluate(() => {
        const seen = new Set<string>();
        const relapses: string[] = [];
        (window as unknown as { __relapses: string[] }).__relapses = relapses;
        new MutationObserver(() => {
          for (const math of document.querySelectorAll<HTMLElement>('.math')) {
            const display = math.classList.contains('math-display') ? 'D' : 'I';
            if (math.classList.contains('math-typeset')) {
              const tex = math.querySelector('annotation')?.textContent ?? '';
              seen.add(display + tex);
            } else if (seen.has(display + (math.textContent ?? ''))) {
              relapses.push(math.textContent ?? '');
            }
          }
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await ask(page, MATH_QUESTION);
      const answer = page.locator('.message.assistant .markdown').last();
      await expect(answer).toContainText('which is not math');
      await expect(answer.locator('.math.math-typeset .katex')).toHaveCount(4);
      await expect(answer.locator('.math-display .katex-display')).toHaveCount(2);
      await expect(answer.locator('.math:not(.math-typeset)')).toHaveCount(0);
      await expect(answer).toContainText('It costs $5 and $10');
      expect(katexRequests.some((url) => url.endsWith('.js'))).toBe(true);
      expect(
        await page.evaluate(() => (window as unknown as { __relapses: string[] }).__relapses),
      ).toEqual([]);
      // Its fonts come from this origin (the CSP allows no other), and show.
      await expect
        .poll(() => page.evaluate(() => document.fonts.check('16px KaTeX_Main')))
        .toBe(true);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  });
}

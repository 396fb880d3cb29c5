import { ask, expect, seriousA11yViolations, test } from './fixtures.js';
import { VERSIONED } from './scenarios-branches.js';
import { useVariant, VARIANTS } from './variants.js';

for (const variant of VARIANTS) {
  test.describe(`branches, ${variant.name}`, () => {
    test.use(useVariant(variant));
    const { t } = variant;

    test('edit and regenerate keep the old versions; ‹ › switches, a reload keeps the choice, the request sends only the path', async ({
      page,
      server,
      mock,
    }) => {
      const question = `${VERSIONED} ${variant.name} ${Date.now()}`;
      const edited = `${question} (edited)`;
      const answers = page.locator('.message.assistant .markdown');
      await page.goto(server.url);
      await ask(page, question);
      await expect(answers.last()).toHaveText(`Answer 1 to: ${question}`);

      await page.getByRole('button', { name: t.regenerate }).click();
      await expect(answers.last()).toHaveText(`Answer 2 to: ${question}`);
      const answerNav = page
        .locator('.message.assistant')
        .last()
        .getByRole('group', {
          name: t.versionOf(2, 2),
        });
      await expect(answerNav).toContainText('2/2');
      await answerNav.getByRole('button', { name: t.previousVersion }).click();
      await expect(answers.last()).toHaveText(`Answer 1 to: ${question}`);
      await expect(page.locator('.message.assistant').last().getByRole('group')).toContainText(
        '1/2',
      );

      await page.getByRole('button', { name: t.edit }).click();
      await page.getByRole('textbox', { name: t.editLabel }).fill(edited);
      await page.getByRole('textbox', { name: t.editLabel }).press('Enter');
      await expect(answers.last()).toHaveText(`Answer 1 to: ${edited}`);
      const questionNav = page.locator('.message.user').last().getByRole('group');
      await expect(questionNav).toContainText('2/2');
      // The request carried only the chosen path: the edited question, no older version.
      const sent = mock.requests.at(-1)?.body.messages.map((message) => message.content) ?? [];
      expect(
        sent.filter((content) => typeof content === 'string' && content.includes(VERSIONED)),
      ).toEqual([edited]);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // Back to the first question: its own answers come back with it, version 1 chosen.
      await questionNav.getByRole('button', { name: t.previousVersion }).click();
      await expect(page.locator('.message.user').last()).toContainText(question);
      await expect(answers.last()).toHaveText(`Answer 1 to: ${question}`);

      await page.reload();
      await expect(page.locator('.message.user').last()).toContainText(question);
      await expect(page.locator('.message.user').last()).not.toContainText('(edited)');
      await expect(answers.last()).toHaveText(`Answer 1 to: ${question}`);
      await expect(page.locator('.message.assistant').last().getByRole('group')).toContainText(
        '1/2',
      );
      await page
        .locator('.message.user')
        .last()
        .getByRole('button', { name: t.nextVersion })
        .click();
      await expect(answers.last()).toHaveText(`Answer 1 to: ${edited}`);
      // Keyboard: the version buttons are reachable and labelled.
      await page.getByRole('button', { name: t.previousVersion }).first().focus();
      await expect(page.getByRole('button', { name: t.previousVersion }).first()).toBeFocused();
    });
  });
}

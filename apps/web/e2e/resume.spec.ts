import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ask, expect, sendButton, test } from './fixtures.js';
import { COUNTING_ANSWER, COUNTING_QUESTION } from './scenarios.js';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

// The answer belongs to the chat's Durable Object (wrangler dev runs it locally): a dropped
// connection or a reload lets go of the response, not of the answer.

test.describe('an answer survives', () => {
  test.use({ viewport: { width: 1280, height: 820 }, colorScheme: 'light' });

  test.describe('in Korean', () => {
    test.use({ locale: 'ko-KR' });

    test('3 s offline mid-answer: Reconnecting…, then the answer completes once', async ({
      page,
      context,
      server,
    }) => {
      const resumes: (string | undefined)[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/stream')) resumes.push(request.headers()['last-event-id']);
      });
      await page.goto(server.url);
      await ask(page, COUNTING_QUESTION);
      const answer = page.locator('.message.assistant .markdown').last();
      await expect(answer).toContainText('Counting: 1 2 3');
      expect(await answer.textContent()).not.toContain('Done');

      await context.setOffline(true);
      const reconnecting = page.getByTestId('reconnecting');
      await expect(reconnecting).toHaveText('다시 연결하는 중…');
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'reconnecting-ko.png') });
      await page.waitForTimeout(3000);
      await context.setOffline(false);

      await expect(answer).toHaveText(COUNTING_ANSWER, { timeout: 20_000 });
      await expect(reconnecting).toHaveCount(0);
      // Resumed after the last event it had (attempts while offline fail before the network).
      expect(resumes.length).toBeGreaterThan(0);
      expect(resumes.every((id) => id !== undefined && Number(id) >= 4)).toBe(true);
      await expect(sendButton(page)).toHaveAttribute('aria-label', '보내기');
      await expect(page.locator('.message.assistant')).toHaveCount(1);
      await expect(page.locator('.error')).toHaveCount(0);
    });
  });

  test.describe('in English', () => {
    test.use({ locale: 'en-US' });

    test('a reload mid-answer: the answer completes', async ({ page, server }) => {
      await page.goto(server.url);
      await ask(page, COUNTING_QUESTION);
      const answer = page.locator('.message.assistant .markdown').last();
      await expect(answer).toContainText('Counting: 1 2 3');
      expect(await answer.textContent()).not.toContain('Done');

      await page.reload();
      const reloaded = page.locator('.message.assistant .markdown').last();
      await expect(reloaded).toHaveText(COUNTING_ANSWER, { timeout: 20_000 });
      await expect(page.locator('.message.assistant')).toHaveCount(1);
      await expect(sendButton(page)).toHaveAttribute('aria-label', 'Send');

      // Saved finished: another reload shows it as it is, without asking the worker again.
      const streams: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/stream')) streams.push(request.url());
      });
      await page.reload();
      await expect(page.locator('.message.assistant .markdown').last()).toHaveText(COUNTING_ANSWER);
      expect(streams).toEqual([]);
    });

    test('Stop stops the answer on the worker: its replay ends where the page stopped', async ({
      page,
      server,
    }) => {
      await page.goto(server.url);
      await ask(page, COUNTING_QUESTION);
      const answer = page.locator('.message.assistant .markdown').last();
      await expect(answer).toContainText('Counting: 1 2');
      const stopped = page.waitForResponse((response) => response.url().endsWith('/stop'));
      await sendButton(page).click();
      expect(await (await stopped).json()).toEqual({ stopped: true });
      await expect(page.locator('.stopped')).toHaveText('Stopped');
      const shown = await answer.textContent();
      expect(shown).not.toContain('Done');

      // The worker's copy: the text so far, then `abort` and `finish` — and never "Done".
      await page.waitForTimeout(1500);
      const replay = await page.evaluate(async () => {
        const stored = JSON.parse(localStorage.getItem('edgechat.conversations') ?? '{}') as {
          activeId: string;
        };
        const response = await fetch(`/api/chat/${stored.activeId}/stream`);
        return { status: response.status, body: await response.text() };
      });
      expect(replay.status).toBe(200);
      const chunks = replay.body
        .split('\n')
        .filter((line) => line.startsWith('data: {'))
        .map((line) => JSON.parse(line.slice(6)) as { type: string; delta?: string });
      expect(chunks.slice(-2).map((chunk) => chunk.type)).toEqual(['abort', 'finish']);
      const text = chunks.map((chunk) => (chunk.type === 'text-delta' ? chunk.delta : '')).join('');
      expect(text).not.toContain('Done');
      // A delta may slip in between the page letting go and the worker stopping: no more.
      const kept = (shown ?? '').trim();
      expect(text.startsWith(kept) && text.length - kept.length <= ' 40'.length).toBe(true);
      expect(await answer.textContent()).toBe(shown);
    });
  });
});

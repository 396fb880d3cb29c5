import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { controlledResponse } from './lib/session/test-kit.js';

const WORDS = Array.from({ length: 30 }, (_, i) => `word${i} `);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('App: the live region over a whole streamed answer', () => {
  it('says exactly one thing, when the answer ends, and the answer is not live itself', async () => {
    const stream = controlledResponse();
    vi.stubGlobal(
      'fetch',
      vi.fn((url: RequestInfo | URL) =>
        Promise.resolve(
          String(url) === '/api/config'
            ? new Response(JSON.stringify({ provider: 'groq', model: 'm' }))
            : stream.response,
        ),
      ),
    );
    render(App, { locale: 'en', storage: undefined, wide: true });
    const region = screen.getByTestId('live-region');
    // Every node or text the region gains, as a screen reader would be told of it.
    const said: string[] = [];
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') said.push(record.target.textContent ?? '');
        for (const node of record.addedNodes) said.push(node.textContent ?? '');
      }
    }).observe(region, { childList: true, subtree: true, characterData: true });

    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), 'Tell me{Enter}');
    stream.write({ type: 'start', messageId: 'a1' });
    for (const [block, words] of [WORDS.slice(0, 15), WORDS.slice(15)].entries()) {
      stream.write({ type: 'text-start', id: `t${block}` });
      for (const word of words) {
        stream.write({ type: 'text-delta', id: `t${block}`, delta: word });
        // Let each token reach the page, as it would over the network.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      stream.write({ type: 'text-end', id: `t${block}` });
    }
    const answer = document.querySelector('.message.assistant');
    await waitFor(() => expect(answer?.textContent).toContain('word29'));
    expect(answer?.closest('[aria-live]')).toBeNull();
    expect(said).toEqual([]);

    stream.write({ type: 'finish', finishReason: 'stop' });
    stream.end();
    await waitFor(() => expect(said).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(said).toEqual([
      `Answer complete. ${WORDS.slice(0, 15).join('').trim()} ${WORDS.slice(15).join('').trim()}`,
    ]);
  });
});

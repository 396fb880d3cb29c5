import { render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { Chat } from '../chat.svelte.js';
import { eventStreamResponse, fakeNetwork, TOOL_TURN } from '../session/test-kit.js';
import MessageList from './MessageList.svelte';

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('MessageList while an answer reconnects', () => {
  it('says "Reconnecting…" under the answer until the resume answers, then not', async () => {
    const cut = TOOL_TURN.findIndex((chunk) => chunk.type === 'text-delta') + 1;
    let answerResume!: (response: Response) => void;
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(eventStreamResponse(TOOL_TURN, { dropAfter: cut }))
      .mockImplementationOnce(() => new Promise((resolve) => (answerResume = resolve)));
    const chat = new Chat({
      id: 'chat_0123456789abcdefAB',
      fetch: fetch as unknown as typeof globalThis.fetch,
      schedule: (callback) => callback(),
      yieldToPaint: () => Promise.resolve(),
      network: fakeNetwork().network,
      retryDelays: [0],
    });
    render(MessageList, { chat, onsuggest: () => {} });
    const done = chat.send('서울 몇 시야?');
    for (let i = 0; i < 100 && fetch.mock.calls.length < 2; i++) await settle();
    flushSync();
    expect(screen.getByRole('status').textContent?.trim()).toBe('Reconnecting…');
    expect(screen.getByText('서울은')).toBeTruthy();

    answerResume(eventStreamResponse(TOOL_TURN.slice(cut), { firstId: cut + 1 }));
    await done;
    flushSync();
    expect(screen.queryByText('Reconnecting…')).toBeNull();
    expect(screen.getByText('서울은 9시입니다.')).toBeTruthy();
  });
});

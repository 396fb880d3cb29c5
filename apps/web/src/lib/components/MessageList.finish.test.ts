import type { UIFinishReason, UIMessage, UIMessageChunk } from '@edgechat/core';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { Chat } from '../chat.svelte.js';
import { controlledResponse, streamResponse } from '../session/test-kit.js';
import MessageList from './MessageList.svelte';

const answer = (reason: UIFinishReason | undefined): UIMessageChunk[] => [
  { type: 'start', messageId: `a-${reason ?? 'none'}` },
  { type: 'start-step' },
  { type: 'text-start', id: 't' },
  { type: 'text-delta', id: 't', delta: 'Once upon a time there' },
  { type: 'text-end', id: 't' },
  { type: 'finish-step' },
  reason === undefined ? { type: 'finish' } : { type: 'finish', finishReason: reason },
];

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

/** A chat on screen whose requests answer from `responses`, their bodies recorded. */
function setup(responses: Response[], messages: UIMessage[] = []) {
  const bodies: { messages: UIMessage[] }[] = [];
  const fetch = vi.fn((_url: RequestInfo | URL, init?: RequestInit) => {
    bodies.push(JSON.parse(String(init?.body)));
    return Promise.resolve(responses.shift() as Response);
  });
  const chat = new Chat({
    id: 'c',
    messages,
    fetch: fetch as unknown as typeof globalThis.fetch,
    schedule: (callback) => void callback(),
    yieldToPaint: () => Promise.resolve(),
  });
  const { container } = render(MessageList, { chat, onsuggest: () => {} });
  const notices = () =>
    [...container.querySelectorAll<HTMLElement>('.finish-notice')].map((notice) => ({
      notice: notice.dataset.notice,
      text: notice.querySelector('p')?.textContent,
      button: notice.querySelector('button')?.textContent?.trim() ?? null,
    }));
  return { chat, bodies, notices };
}

const lastUserText = (body: { messages: UIMessage[] } | undefined) => {
  const message = body?.messages.at(-1);
  return { role: message?.role, parts: message?.parts };
};

describe('MessageList: how an answer finished', () => {
  it('length: a notice with Continue, which asks the model to go on', async () => {
    const next = controlledResponse();
    const { chat, bodies, notices } = setup([streamResponse(answer('length')), next.response]);
    await chat.send('Tell me a story');
    flushSync();
    expect(notices()).toEqual([
      { notice: 'length', text: 'Stopped at the token limit.', button: 'Continue' },
    ]);

    await fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await settle();
    flushSync();
    expect(bodies).toHaveLength(2);
    expect(lastUserText(bodies[1])).toEqual({
      role: 'user',
      parts: [{ type: 'text', text: 'Continue' }],
    });
    expect(bodies[1]?.messages.map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'user',
    ]);
    // The earlier answer keeps its notice; Continue is gone while the next answer comes.
    expect(notices()).toEqual([
      { notice: 'length', text: 'Stopped at the token limit.', button: null },
    ]);

    for (const chunk of answer('stop')) next.write(chunk);
    next.end();
    await settle();
    flushSync();
    expect(chat.busy).toBe(false);
    expect(notices()).toEqual([
      { notice: 'length', text: 'Stopped at the token limit.', button: null },
    ]);
  });

  it('content-filter: its own notice, nothing to continue', async () => {
    const { chat, notices } = setup([streamResponse(answer('content-filter'))]);
    await chat.send('q');
    flushSync();
    expect(notices()).toEqual([
      {
        notice: 'content-filter',
        text: "The provider's content filter stopped this answer.",
        button: null,
      },
    ]);
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
  });

  it.each(['stop', 'tool-calls', undefined] as const)('%s: no notice', async (reason) => {
    const { chat, notices } = setup([streamResponse(answer(reason))]);
    await chat.send('q');
    flushSync();
    // Found when rendered: markdown renders within a frame budget, which a busy machine can spend.
    expect(await screen.findByText('Once upon a time there')).toBeTruthy();
    expect(notices()).toEqual([]);
  });

  it('a restored conversation shows its notices; Continue only under the last answer', () => {
    const stored = (id: string, finishReason: string): UIMessage[] => [
      { id: `q-${id}`, role: 'user', parts: [{ type: 'text', text: 'more' }] },
      {
        id,
        role: 'assistant',
        metadata: { finishReason },
        parts: [{ type: 'text', text: `answer ${id}`, state: 'done' }],
      },
    ];
    const { notices } = setup([], [...stored('a1', 'length'), ...stored('a2', 'length')]);
    expect(notices()).toEqual([
      { notice: 'length', text: 'Stopped at the token limit.', button: null },
      { notice: 'length', text: 'Stopped at the token limit.', button: 'Continue' },
    ]);
  });
});

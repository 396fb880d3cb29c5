import { encodeUIMessageStream, type UIMessageChunk } from '@edgechat/core';
import { render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { Chat } from '../chat.svelte.js';
import MessageList from './MessageList.svelte';

function controlledFetch() {
  let controller!: ReadableStreamDefaultController<UIMessageChunk>;
  const chunks = new ReadableStream<UIMessageChunk>({ start: (c) => void (controller = c) });
  const fetch = vi.fn(() => Promise.resolve(new Response(encodeUIMessageStream(chunks))));
  return {
    fetch,
    write: (chunk: UIMessageChunk) => controller.enqueue(chunk),
    end: () => controller.close(),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('MessageList driven by the chat state', () => {
  it('shows the question, thinking, collapsed parallel tool panels, then the streamed answer', async () => {
    const stream = controlledFetch();
    const frames: (() => void)[] = [];
    const chat = new Chat({
      id: 'c',
      fetch: stream.fetch as unknown as typeof fetch,
      schedule: (callback) => void frames.push(callback),
      yieldToPaint: () => Promise.resolve(),
    });
    const { container } = render(MessageList, { chat, onsuggest: () => {} });
    const frame = () => {
      frames.splice(0).forEach((callback) => callback());
      flushSync();
    };
    expect(screen.getByRole('heading').textContent).toBe('Hi! How can I help you?');

    const done = chat.send('Seoul and New York?');
    flushSync();
    expect(screen.getByText('Seoul and New York?')).toBeTruthy();
    expect(screen.getByText('Thinking…')).toBeTruthy();

    for (const chunk of [
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      { type: 'tool-input-start', toolCallId: 'a', toolName: 'get_current_time' },
      { type: 'tool-input-start', toolCallId: 'b', toolName: 'get_current_time' },
      { type: 'tool-input-delta', toolCallId: 'a', inputTextDelta: '{"timezone":"Asia/Seoul"}' },
    ] satisfies UIMessageChunk[]) {
      stream.write(chunk);
    }
    await settle();
    frame();
    const panels = () =>
      [...container.querySelectorAll('details.tool-call')] as HTMLDetailsElement[];
    expect(
      panels().map((panel) => [
        panel.open,
        panel.dataset.status,
        panel.querySelector('.tool-name')?.textContent,
      ]),
    ).toEqual([
      [false, 'running', 'get_current_time'],
      [false, 'running', 'get_current_time'],
    ]);
    expect(container.querySelectorAll('.tool-group').length).toBe(1); // side by side

    for (const chunk of [
      {
        type: 'tool-input-available',
        toolCallId: 'a',
        toolName: 'get_current_time',
        input: { timezone: 'Asia/Seoul' },
      },
      {
        type: 'tool-input-available',
        toolCallId: 'b',
        toolName: 'get_current_time',
        input: { timezone: 'UTC' },
      },
      { type: 'tool-output-available', toolCallId: 'b', output: { local: '00:00' } },
      { type: 'tool-output-error', toolCallId: 'a', errorText: 'clock broke' },
      { type: 'finish-step' },
      { type: 'start-step' },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: '**Seoul**: unknown.\n\n' },
      { type: 'text-delta', id: 't', delta: 'UTC: midnight' },
    ] satisfies UIMessageChunk[]) {
      stream.write(chunk);
    }
    await settle();
    frame();
    expect(panels().map((panel) => panel.dataset.status)).toEqual(['failed', 'done']);
    const markdown = container.querySelector('.markdown') as HTMLElement;
    expect(markdown.querySelector('strong')?.textContent).toBe('Seoul');
    expect(screen.queryByRole('button', { name: 'Regenerate' })).toBeNull(); // not while streaming

    stream.write({ type: 'text-end', id: 't' });
    stream.write({ type: 'finish' });
    stream.end();
    await done;
    flushSync();
    await settle();
    expect(markdown.textContent?.replace(/\s+/g, ' ').trim()).toBe('Seoul: unknown. UTC: midnight');
    expect(screen.getByRole('button', { name: 'Regenerate' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Edit' })).toBeTruthy();
  });

  it('shows an error on the turn with retry, keeping the partial answer', async () => {
    const chat = new Chat({
      id: 'c',
      messages: [
        { id: 'u', role: 'user', parts: [{ type: 'text', text: 'q' }] },
        {
          id: 'a',
          role: 'assistant',
          parts: [{ type: 'text', text: 'Partial answer', state: 'done' }],
        },
      ],
      error: { kind: 'stream', detail: 'upstream failed', at: Date.now() },
    });
    render(MessageList, { chat, onsuggest: () => {} });
    await settle();
    const alert = screen.getByRole('alert');
    expect(alert.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'The model stopped with an error. Details: upstream failed Retry',
    );
    expect(screen.getByText('Partial answer')).toBeTruthy();
  });

  it('a 429 without an answer shows the wait and counts down before retry', async () => {
    const chat = new Chat({
      id: 'c',
      messages: [{ id: 'u', role: 'user', parts: [{ type: 'text', text: 'q' }] }],
      error: { kind: 'rate-limited', status: 429, retryAfter: 30, at: Date.now() },
    });
    render(MessageList, { chat, onsuggest: () => {} });
    expect(screen.getByRole('alert').textContent).toContain(
      'Too many requests. You can retry in 30 s.',
    );
    const retry = screen.getByRole('button', { name: /Retry/ }) as HTMLButtonElement;
    expect([retry.disabled, retry.textContent?.trim()]).toEqual([true, 'Retry (30 s)']);
  });
});

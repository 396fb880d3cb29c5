import type { UIMessage } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { Chat } from '../chat.svelte.js';
import { eventStreamResponse } from '../session/test-kit.js';

// The chat over its versions: what is shown, what is sent, and what a switch resets.

interface Sent {
  messages: UIMessage[];
}

function setup(fail: (call: number) => boolean = () => false) {
  const requests: Sent[] = [];
  const fetch = (_url: string, init: RequestInit) => {
    requests.push(JSON.parse(String(init.body)) as Sent);
    const call = requests.length;
    if (fail(call)) return Promise.resolve(new Response('down', { status: 502 }));
    return Promise.resolve(
      eventStreamResponse([
        { type: 'start' },
        { type: 'text-start', id: 't' },
        { type: 'text-delta', id: 't', delta: `Answer ${call}` },
        { type: 'text-end', id: 't' },
        { type: 'finish' },
      ]),
    );
  };
  const chat = new Chat({
    id: 'c',
    fetch: fetch as unknown as typeof globalThis.fetch,
    schedule: (callback) => callback(),
    yieldToPaint: () => Promise.resolve(),
  });
  return { chat, requests };
}

const textOf = (message: UIMessage | undefined) =>
  message?.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
const shown = (chat: Chat) => chat.messages.map(textOf);
const sentTexts = (sent: Sent | undefined) => sent?.messages.map(textOf);

describe('Chat with versions', () => {
  it('a new question after switching back to an older answer sends that branch only', async () => {
    const { chat, requests } = setup();
    await chat.send('Q1');
    await chat.regenerate();
    expect(shown(chat)).toEqual(['Q1', 'Answer 2']);
    const [, second] = chat.messages;
    const first = chat.branches.siblings(second?.id ?? '').previous;
    expect(chat.showVersion(first ?? '')).toBe(true);
    expect(shown(chat)).toEqual(['Q1', 'Answer 1']);

    await chat.send('Q2');
    expect(shown(chat)).toEqual(['Q1', 'Answer 1', 'Q2', 'Answer 3']);
    expect(sentTexts(requests.at(-1))).toEqual(['Q1', 'Answer 1', 'Q2']);
    // The regenerated answer is still a version of the first; the path below it is its own.
    expect(chat.branches.siblings(chat.messages[1]?.id ?? '')).toMatchObject({
      index: 0,
      count: 2,
    });
    expect(chat.showVersion(second?.id ?? '')).toBe(true);
    expect(shown(chat)).toEqual(['Q1', 'Answer 2']);
  });

  it('an edit keeps the old question and its answer as a version', async () => {
    const { chat, requests } = setup();
    await chat.send('Q1');
    await chat.editLastUserMessage('Q1 edited');
    expect(shown(chat)).toEqual(['Q1 edited', 'Answer 2']);
    expect(sentTexts(requests.at(-1))).toEqual(['Q1 edited']);
    const previous = chat.branches.siblings(chat.messages[0]?.id ?? '').previous;
    expect(chat.showVersion(previous ?? '')).toBe(true);
    expect(shown(chat)).toEqual(['Q1', 'Answer 1']);
  });

  it('a failed regenerate keeps the shown answer and adds no version; switching clears the error', async () => {
    const { chat } = setup((call) => call === 3);
    await chat.send('Q1');
    await chat.regenerate();
    const sizes = () => chat.branches.siblings(chat.messages[1]?.id ?? '').count;
    expect(sizes()).toBe(2);
    await chat.regenerate();
    expect(chat.error?.kind).toBe('upstream');
    expect(shown(chat)).toEqual(['Q1', 'Answer 2']);
    expect(sizes()).toBe(2);
    const previous = chat.branches.siblings(chat.messages[1]?.id ?? '').previous;
    expect(chat.showVersion(previous ?? '')).toBe(true);
    expect(shown(chat)).toEqual(['Q1', 'Answer 1']);
    expect(chat.error).toBeUndefined();
    await chat.regenerate();
    expect(shown(chat)).toEqual(['Q1', 'Answer 4']);
    expect(sizes()).toBe(3);
  });

  it('refuses an unknown version and leaves the chat as it was', async () => {
    const { chat } = setup();
    await chat.send('Q1');
    expect(chat.showVersion('nope')).toBe(false);
    expect(shown(chat)).toEqual(['Q1', 'Answer 1']);
  });
});

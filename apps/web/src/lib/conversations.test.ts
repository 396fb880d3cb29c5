import { encodeUIMessageStream, type UIMessageChunk } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { Conversations } from './conversations.svelte.js';
import { eventStreamResponse, TOOL_TURN, TOOL_TURN_MESSAGE } from './session/test-kit.js';
import { BACKUP_KEY, STORAGE_KEY, type KeyValueStorage } from './storage/index.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  const storage: KeyValueStorage = {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
  return { storage, data };
}

const answer = (text: string) => () =>
  Promise.resolve(
    new Response(
      encodeUIMessageStream(
        new ReadableStream<UIMessageChunk>({
          start(controller) {
            controller.enqueue({ type: 'start' });
            controller.enqueue({ type: 'text-delta', id: 't', delta: text });
            controller.enqueue({ type: 'finish' });
            controller.close();
          },
        }),
      ),
    ),
  );

function setup(initial: Record<string, string> = {}) {
  const { storage, data } = memoryStorage(initial);
  let clock = 0;
  const options = {
    storage,
    fetch: answer('Hello!') as unknown as typeof fetch,
    schedule: (callback: () => void) => callback(),
    defer: (save: () => void) => save(),
    now: () => (clock += 1000),
  };
  return { conversations: new Conversations(options), data, options };
}

const saved = (data: Map<string, string>) => JSON.parse(data.get(STORAGE_KEY) ?? 'null');

describe('Conversations', () => {
  it('starts with one empty conversation and saves nothing for it', () => {
    const { conversations, data } = setup();
    expect(conversations.list.map((meta) => meta.title)).toEqual(['']);
    expect(conversations.active.messages).toEqual([]);
    conversations.save();
    expect(data.has(STORAGE_KEY)).toBe(false);
  });

  it('does not overwrite an unreadable store until there is something new to save', async () => {
    const { conversations, data } = setup({ [STORAGE_KEY]: 'garbage' });
    conversations.save(); // e.g. on pagehide
    expect(data.get(STORAGE_KEY)).toBe('garbage');
    await conversations.active.send('new');
    expect(saved(data).conversations.length).toBe(1);
  });

  it('saves after each turn, titled by the first question, and reloads it', async () => {
    const { conversations, data, options } = setup();
    await conversations.active.send('What time is it in Seoul?');
    const stored = saved(data);
    expect(
      stored.conversations.map((c: { title: string; messages: unknown[] }) => [
        c.title,
        c.messages.length,
      ]),
    ).toEqual([['What time is it in Seoul?', 2]]);
    const reloaded = new Conversations({
      ...options,
      storage: { getItem: (k) => data.get(k) ?? null, setItem: () => {} },
    });
    // Text parts come back finished (`state: 'done'`), whatever state they were saved in.
    const finished = conversations.active.messages.map((message) => ({
      ...message,
      parts: message.parts.map((part) =>
        part.type === 'text' ? { ...part, state: 'done' } : part,
      ),
    }));
    expect({ id: reloaded.activeId, messages: reloaded.active.messages }).toEqual({
      id: conversations.activeId,
      messages: finished,
    });
  });

  it('new chat, switch, rename, delete', async () => {
    const { conversations, data } = setup();
    await conversations.active.send('first');
    const first = conversations.activeId;
    conversations.create();
    conversations.create(); // still empty: no second empty one
    expect(conversations.list.length).toBe(2);
    await conversations.active.send('second');
    const second = conversations.activeId;
    expect(conversations.list.map((meta) => meta.title)).toEqual(['second', 'first']);
    conversations.select(first);
    expect(conversations.active.messages[0]?.parts).toEqual([{ type: 'text', text: 'first' }]);
    conversations.rename(first, '  My   chat ');
    expect(conversations.list.find((meta) => meta.id === first)?.title).toBe('My chat');
    conversations.remove(first);
    expect({
      active: conversations.activeId,
      ids: conversations.list.map((meta) => meta.id),
    }).toEqual({
      active: second,
      ids: [second],
    });
    expect(saved(data).conversations.map((c: { id: string }) => c.id)).toEqual([second]);
    conversations.remove(second);
    expect(conversations.list.length).toBe(1);
    expect(conversations.active.messages).toEqual([]);
  });

  it('renaming to nothing goes back to the automatic title', async () => {
    const { conversations } = setup();
    await conversations.active.send('a question');
    conversations.rename(conversations.activeId, 'Custom');
    conversations.rename(conversations.activeId, '   ');
    expect(conversations.list[0]).toMatchObject({ title: 'a question', titled: false });
  });

  it('a corrupt store: a notice, an empty list, and the page works', async () => {
    const { conversations, data } = setup({
      [STORAGE_KEY]: '{"version":1,"conversations":[{"id":',
    });
    expect(conversations.notice).toEqual({ kind: 'corrupt' });
    expect(data.get(BACKUP_KEY)).toBe('{"version":1,"conversations":[{"id":');
    await conversations.active.send('still works');
    expect(conversations.active.messages.length).toBe(2);
    conversations.dismissNotice();
    expect(conversations.notice).toBeUndefined();
  });

  it('says so when saving fails', async () => {
    const { conversations } = setup();
    const full = new Conversations({
      storage: {
        getItem: () => null,
        setItem: () => {
          throw new DOMException('full', 'QuotaExceededError');
        },
      },
      fetch: answer('x') as unknown as typeof fetch,
      schedule: (callback) => callback(),
      defer: (save) => save(),
    });
    await full.active.send('hi');
    expect([conversations.notice, full.notice]).toEqual([undefined, { kind: 'save-failed' }]);
  });
  it('reads aloud only the answers of the conversation on screen', async () => {
    const heard: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowAnswer = () =>
      Promise.resolve(
        new Response(
          encodeUIMessageStream(
            new ReadableStream<UIMessageChunk>({
              async start(controller) {
                controller.enqueue({ type: 'start' });
                await gate;
                controller.enqueue({ type: 'text-start', id: 't' });
                controller.enqueue({ type: 'text-delta', id: 't', delta: 'Background answer.' });
                controller.enqueue({ type: 'text-end', id: 't' });
                controller.enqueue({ type: 'finish' });
                controller.close();
              },
            }),
          ),
        ),
      );
    const conversations = new Conversations({
      storage: memoryStorage().storage,
      fetch: slowAnswer as unknown as typeof fetch,
      schedule: (callback: () => void) => callback(),
      defer: (save: () => void) => save(),
      now: () => 0,
      announce: (text, kind) => void heard.push(`${kind}:${text}`),
    });
    const first = conversations.active;
    const sending = first.send('question');
    conversations.create();
    expect(conversations.active).not.toBe(first);
    release();
    await sending;
    expect([first.messages.at(-1)?.parts.at(-1), heard]).toEqual([
      { type: 'text', text: 'Background answer.', state: 'done' },
      [],
    ]);
  });

  it('a reload mid-answer saves its last event id, and the reloaded page replays the answer', async () => {
    const { storage, data } = memoryStorage();
    const cut = TOOL_TURN.findIndex((chunk) => chunk.type === 'text-delta') + 1;
    const encoder = new TextEncoder();
    // The first page's answer stops arriving after `cut` events: the page is then reloaded.
    const hanging = new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          TOOL_TURN.slice(0, cut).forEach((chunk, i) =>
            controller.enqueue(encoder.encode(`id: ${i + 1}\ndata: ${JSON.stringify(chunk)}\n\n`)),
          );
        },
      }),
    );
    const common = {
      storage,
      schedule: (callback: () => void) => callback(),
      defer: (save: () => void) => save(),
    };
    const first = new Conversations({
      ...common,
      fetch: (() => Promise.resolve(hanging)) as unknown as typeof fetch,
    });
    void first.active.send('서울 몇 시야?');
    for (let i = 0; i < 100 && saved(data)?.conversations[0]?.unfinished === undefined; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    // Saved as soon as it could be resumed; then as it streams, and when the page goes.
    expect(saved(data).conversations[0].unfinished).toEqual({ lastEventId: 1 });
    for (let i = 0; i < 100 && first.active.unfinished?.lastEventId !== cut; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    first.save(); // pagehide
    expect(saved(data).conversations[0].unfinished).toEqual({ lastEventId: cut });

    const urls: string[] = [];
    const second = new Conversations({
      ...common,
      fetch: ((url: string) => {
        urls.push(url);
        return Promise.resolve(eventStreamResponse(TOOL_TURN));
      }) as unknown as typeof fetch,
    });
    const chat = second.active;
    for (let i = 0; i < 100 && (urls.length === 0 || chat.busy); i++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(urls).toEqual([`/api/chat/${first.activeId}/stream`]);
    expect(chat.messages[1]).toEqual(TOOL_TURN_MESSAGE);
    second.save();
    expect(saved(data).conversations[0]).not.toHaveProperty('unfinished');
    first.active.stop();
  });
});

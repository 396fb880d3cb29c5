import type { UIMessage, UIMessageChunk } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import {
  eventStreamResponse,
  fakeNetwork,
  jsonResponse,
  QUESTION,
  setup,
  TOOL_TURN,
  TOOL_TURN_MESSAGE,
} from './test-kit.js';

const CHAT = 'chat_0123456789abcdefAB';
const STREAM_URL = `/api/chat/${CHAT}/stream`;
const resumeOptions = () => ({ id: CHAT, retryDelays: [0], network: fakeNetwork().network });

/** The text so far of an answer cut after `count` chunks of TOOL_TURN. */
const TEXT_START = TOOL_TURN.findIndex((chunk) => chunk.type === 'text-start');

describe('createChatSession: a dropped connection resumes', () => {
  // Every boundary from after the first event to just before [DONE].
  it.each(Array.from({ length: TOOL_TURN.length }, (_, i) => i + 1))(
    'dropped after %i events: the answer equals the uninterrupted one',
    async (count) => {
      const { session, requests } = setup(
        [
          eventStreamResponse(TOOL_TURN, { dropAfter: count }),
          eventStreamResponse(TOOL_TURN.slice(count), { firstId: count + 1 }),
        ],
        resumeOptions(),
      );
      await session.send('서울 몇 시야?');
      expect(session.state.messages[1]).toEqual(TOOL_TURN_MESSAGE);
      expect(session.state).toMatchObject({
        status: 'ready',
        error: undefined,
        stopped: false,
        reconnecting: false,
        unfinished: undefined,
      });
      expect(requests.map(({ url, method, headers }) => [method, url, headers])).toEqual([
        ['POST', '/api/chat', expect.objectContaining({ 'content-type': 'application/json' })],
        ['GET', STREAM_URL, { 'last-event-id': String(count) }],
      ]);
      expect((requests[0]?.body as { id: string }).id).toBe(CHAT);
    },
  );

  it('drops again and again: every resume asks after the last event it got', async () => {
    const { session, requests } = setup(
      [
        eventStreamResponse(TOOL_TURN, { dropAfter: 3 }),
        new TypeError('offline'),
        jsonResponse(503, { error: { code: 'busy', message: 'busy' } }),
        eventStreamResponse(TOOL_TURN.slice(3), { firstId: 4, dropAfter: 8 }),
        eventStreamResponse(TOOL_TURN.slice(11), { firstId: 12 }),
      ],
      resumeOptions(),
    );
    await session.send('서울 몇 시야?');
    expect(session.state.messages[1]).toEqual(TOOL_TURN_MESSAGE);
    expect(requests.map(({ headers }) => headers['last-event-id'])).toEqual([
      undefined,
      '3',
      '3',
      '3',
      '11',
    ]);
  });

  it('events sent again by a replay are not folded in twice', async () => {
    const { session } = setup(
      [
        eventStreamResponse(TOOL_TURN, { dropAfter: TEXT_START + 2 }),
        // A replay from the start, as a server that ignored Last-Event-ID would send.
        eventStreamResponse(TOOL_TURN),
      ],
      resumeOptions(),
    );
    await session.send('서울 몇 시야?');
    expect(session.state.messages[1]).toEqual(TOOL_TURN_MESSAGE);
  });

  it('says it is reconnecting from the drop until the resume answers', async () => {
    let answerResume!: (response: Response) => void;
    const { session, requests } = setup(
      [
        eventStreamResponse(TOOL_TURN, { dropAfter: TEXT_START + 2 }),
        () => new Promise<Response>((resolve) => (answerResume = resolve)),
      ],
      resumeOptions(),
    );
    const seen: boolean[] = [];
    session.subscribe((state) => {
      if (seen.at(-1) !== state.reconnecting) seen.push(state.reconnecting);
    });
    const done = session.send('서울 몇 시야?');
    await until(() => session.state.reconnecting && requests.length === 2);
    expect(session.state.status).toBe('streaming');
    answerResume(eventStreamResponse(TOOL_TURN.slice(TEXT_START + 2), { firstId: TEXT_START + 3 }));
    await done;
    expect(seen).toEqual([false, true, false]);
    expect(session.state.messages[1]).toEqual(TOOL_TURN_MESSAGE);
  });

  it('204 on resume: the answer ends as it is, said to be cut off', async () => {
    const { session } = setup(
      [
        eventStreamResponse(TOOL_TURN, { dropAfter: TEXT_START + 2 }),
        new Response(null, { status: 204 }),
      ],
      resumeOptions(),
    );
    await session.send('서울 몇 시야?');
    const message = session.state.messages[1] as UIMessage;
    expect(message.parts.at(-1)).toEqual({ type: 'text', text: '서울은 ', state: 'streaming' });
    expect(session.state).toMatchObject({
      status: 'ready',
      reconnecting: false,
      error: { kind: 'truncated', at: expect.any(Number) },
    });
  });

  it('a resume the worker refuses (400) ends with that error, without retrying', async () => {
    const { session, fetch } = setup(
      [
        eventStreamResponse(TOOL_TURN, { dropAfter: 2 }),
        jsonResponse(400, { error: { code: 'invalid_chat_id', message: 'bad id' } }),
      ],
      resumeOptions(),
    );
    await session.send('서울 몇 시야?');
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(session.state.error).toMatchObject({ kind: 'rejected', status: 400, detail: 'bad id' });
  });

  it('a drop before the first event id is the network error it always was', async () => {
    const { session, fetch } = setup(
      [eventStreamResponse(TOOL_TURN, { dropAfter: 0 })],
      resumeOptions(),
    );
    await session.send('서울 몇 시야?');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(session.state.error).toMatchObject({ kind: 'network' });
  });

  it('offline drops the connection at once; online retries without waiting out the backoff', async () => {
    const net = fakeNetwork();
    let written = 0;
    const hanging = (count: number): Response => {
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          TOOL_TURN.slice(0, count).forEach((chunk, i) =>
            controller.enqueue(encoder.encode(`id: ${i + 1}\ndata: ${JSON.stringify(chunk)}\n\n`)),
          );
          written = count;
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    };
    const { session, requests, frame } = setup(
      [hanging(5), eventStreamResponse(TOOL_TURN.slice(5), { firstId: 6 })],
      { id: CHAT, retryDelays: [60_000], network: net.network },
    );
    const done = session.send('서울 몇 시야?');
    await until(() => (frame(), written === 5 && session.state.chunkCount === 5));
    net.emit('offline');
    await until(() => session.state.reconnecting);
    expect(requests).toHaveLength(1);
    net.emit('online');
    await done;
    expect(requests[1]?.headers).toEqual({ 'last-event-id': '5' });
    expect(session.state.messages[1]).toEqual(TOOL_TURN_MESSAGE);
    expect(net.listening).toBe(0);
  });
});

describe('createChatSession: stop', () => {
  it('after a resume: POSTs /stop for the chat and lets go of the stream', async () => {
    const { session, requests, frame } = setup(
      [
        eventStreamResponse(TOOL_TURN, { dropAfter: TEXT_START + 2 }),
        () =>
          Promise.resolve(
            hangingAfter(TOOL_TURN.slice(TEXT_START + 2, TEXT_START + 3), TEXT_START + 3),
          ),
        jsonResponse(200, { stopped: true }),
      ],
      resumeOptions(),
    );
    const done = session.send('서울 몇 시야?');
    await until(
      () => (frame(), requests.length === 2 && session.state.chunkCount === TEXT_START + 3),
    );
    session.stop();
    await done;
    expect(requests.map(({ method, url }) => [method, url])).toEqual([
      ['POST', '/api/chat'],
      ['GET', STREAM_URL],
      ['POST', `/api/chat/${CHAT}/stop`],
    ]);
    expect(requests[1]?.signal.aborted).toBe(true);
    expect(session.state).toMatchObject({ status: 'ready', stopped: true, error: undefined });
    const message = session.state.messages[1] as UIMessage;
    expect(message.parts.at(-1)).toEqual({
      type: 'text',
      text: '서울은 9시입니다.',
      state: 'streaming',
    });
  });

  it('while reconnecting: stops the worker and waits for nothing', async () => {
    const { session, requests } = setup(
      [eventStreamResponse(TOOL_TURN, { dropAfter: 2 }), jsonResponse(200, { stopped: true })],
      { id: CHAT, retryDelays: [60_000], network: fakeNetwork().network },
    );
    const done = session.send('서울 몇 시야?');
    await until(() => session.state.reconnecting);
    session.stop();
    await done;
    expect(requests.map(({ method, url }) => [method, url])).toEqual([
      ['POST', '/api/chat'],
      ['POST', `/api/chat/${CHAT}/stop`],
    ]);
    expect(session.state).toMatchObject({ stopped: true, reconnecting: false, status: 'ready' });
  });
});

describe('createChatSession: an answer saved unfinished', () => {
  it('records the last event id while it streams, and saves it', async () => {
    const seen: (number | undefined)[] = [];
    const { session, frame, onChange } = setup(
      [() => Promise.resolve(hangingAfter(TOOL_TURN.slice(0, TEXT_START + 2), 1))],
      resumeOptions(),
    );
    session.subscribe((state) => {
      const id = state.unfinished?.lastEventId;
      if (seen.at(-1) !== id) seen.push(id);
    });
    const done = session.send('서울 몇 시야?');
    await until(() => session.state.chunkCount === TEXT_START + 2 || (frame(), false));
    frame();
    expect(session.state.unfinished).toEqual({ lastEventId: TEXT_START + 2 });
    // Saved when the question was sent, and once the answer could be resumed.
    expect(onChange).toHaveBeenCalledTimes(2);
    session.stop();
    await done;
    expect(session.state.unfinished).toBeUndefined();
    expect(seen.at(-1)).toBeUndefined();
  });

  it('is replayed whole when the session opens, in place of the saved part', async () => {
    const saved: UIMessage = {
      id: 'm1',
      role: 'assistant',
      parts: [{ type: 'step-start' }, { type: 'text', text: '서울', state: 'done' }],
    };
    const { session, requests } = setup([eventStreamResponse(TOOL_TURN)], {
      ...resumeOptions(),
      messages: [QUESTION, saved],
      unfinished: { lastEventId: 4 },
    });
    await until(() => requests.length === 1);
    await until(() => session.state.status === 'ready' && session.state.messages[1] !== saved);
    expect(requests.map(({ method, url, headers }) => [method, url, headers])).toEqual([
      ['GET', STREAM_URL, {}],
    ]);
    expect(session.state.messages).toEqual([QUESTION, TOOL_TURN_MESSAGE]);
  });

  it('offline when it opens: retries the replay until the worker answers', async () => {
    const { session, requests } = setup(
      [new TypeError('Failed to fetch'), eventStreamResponse(TOOL_TURN)],
      { ...resumeOptions(), messages: [QUESTION], unfinished: { lastEventId: 0 } },
    );
    await until(() => requests.length === 2);
    await until(() => session.state.status === 'ready');
    expect(requests.map(({ url, headers }) => [url, headers])).toEqual([
      [STREAM_URL, {}],
      [STREAM_URL, {}],
    ]);
    expect(session.state).toMatchObject({
      messages: [QUESTION, TOOL_TURN_MESSAGE],
      error: undefined,
      reconnecting: false,
    });
  });

  it('204 when it opens: the saved answer is left as it is', async () => {
    const saved: UIMessage = {
      id: 'm1',
      role: 'assistant',
      parts: [{ type: 'text', text: '서울', state: 'done' }],
    };
    const { session, requests } = setup([new Response(null, { status: 204 })], {
      ...resumeOptions(),
      messages: [QUESTION, saved],
      unfinished: { lastEventId: 4 },
    });
    await until(() => requests.length === 1);
    await until(() => session.state.status === 'ready');
    expect(session.state).toMatchObject({
      messages: [QUESTION, saved],
      error: undefined,
      stopped: false,
      unfinished: undefined,
    });
  });
});

/** A stream that sends `chunks` (ids from `firstId`) and then nothing, until cancelled. */
function hangingAfter(chunks: readonly UIMessageChunk[], firstId: number): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      chunks.forEach((chunk, i) =>
        controller.enqueue(
          encoder.encode(`id: ${firstId + i}\ndata: ${JSON.stringify(chunk)}\n\n`),
        ),
      );
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

async function until(test: () => boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (test()) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error('timed out waiting');
}

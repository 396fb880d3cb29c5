import { describe, expect, it, vi } from 'vitest';
import {
  controlledResponse,
  jsonResponse,
  setup,
  streamResponse,
  TOOL_TURN,
  TOOL_TURN_MESSAGE,
  userText,
} from './test-kit.js';

describe('createChatSession', () => {
  it('sends the history and builds the answer with the core builder', async () => {
    const { session, requests, onChange } = setup([streamResponse(TOOL_TURN)], {
      model: () => 'gpt-4o',
    });
    await session.send('서울 몇 시야?');
    expect(session.state.messages).toEqual([
      { id: expect.any(String), role: 'user', parts: [{ type: 'text', text: '서울 몇 시야?' }] },
      TOOL_TURN_MESSAGE,
    ]);
    expect(requests[0]?.body).toEqual({
      id: 'conv-1',
      model: 'gpt-4o',
      messages: [
        {
          id: session.state.messages[0]?.id,
          role: 'user',
          parts: [{ type: 'text', text: '서울 몇 시야?' }],
        },
      ],
    });
    expect({
      status: session.state.status,
      error: session.state.error,
      stopped: session.state.stopped,
      chunks: session.chunks(),
      toolTimes: session.state.toolTimes,
    }).toEqual({
      status: 'ready',
      error: undefined,
      stopped: false,
      chunks: { head: TOOL_TURN, omitted: 0, tail: [] },
      // One clock tick per reading: start at the first input chunk, end at the output.
      toolTimes: { call_a: { start: 1010, end: 1020 } },
    });
    expect(onChange).toHaveBeenCalledTimes(2); // the question, then the answer
  });

  it('publishes the streaming answer once per animation frame, not per chunk', async () => {
    const stream = controlledResponse();
    const { session, frame } = setup([stream.response]);
    const done = session.send('hi');
    expect(session.state.status).toBe('submitted');
    stream.write({ type: 'start', messageId: 'm1' });
    stream.write({ type: 'text-start', id: 't' });
    stream.write({ type: 'text-delta', id: 't', delta: 'Hel' });
    stream.write({ type: 'text-delta', id: 't', delta: 'lo' });
    await vi.waitFor(() => expect(session.state.status).toBe('streaming'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(session.state.messages.length).toBe(1); // nothing published before the frame
    frame();
    expect(session.state.messages[1]?.parts).toEqual([
      { type: 'text', text: 'Hello', state: 'streaming' },
    ]);
    const published = session.state.messages[1];
    stream.write({ type: 'text-delta', id: 't', delta: ', world' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(session.state.messages[1]).toBe(published);
    frame();
    expect(userText(session.state.messages[1])).toBe('Hello, world');
    stream.write({ type: 'text-end', id: 't' });
    stream.write({ type: 'finish' });
    stream.end();
    await done;
    // The end does not wait for a frame.
    expect(session.state.messages[1]?.parts).toEqual([
      { type: 'text', text: 'Hello, world', state: 'done' },
    ]);
  });

  it('shows a 429 readably, with retry-after, and adds no answer', async () => {
    const { session } = setup([
      jsonResponse(
        429,
        {
          error: {
            code: 'rate_limited',
            message: 'Too many requests: wait a minute and try again.',
          },
        },
        { 'retry-after': '7' },
      ),
    ]);
    await session.send('hi');
    expect({
      messages: session.state.messages.map((m) => m.role),
      error: session.state.error,
      status: session.state.status,
    }).toEqual({
      messages: ['user'],
      error: {
        kind: 'rate-limited',
        status: 429,
        retryAfter: 7,
        detail: 'Too many requests: wait a minute and try again.',
        at: expect.any(Number),
      },
      status: 'ready',
    });
  });

  it.each([
    [413, 'too-large'],
    [422, 'rejected'],
    [400, 'rejected'],
    [415, 'rejected'],
    [502, 'upstream'],
    [500, 'server'],
  ] as const)('HTTP %i → %s', async (status, kind) => {
    const { session } = setup([
      jsonResponse(status, { error: { code: 'x', message: `says ${status}` } }),
    ]);
    await session.send('hi');
    expect(session.state.error).toEqual({
      kind,
      status,
      detail: `says ${status}`,
      at: expect.any(Number),
    });
  });

  it('network loss: fetch fails → a network error', async () => {
    const { session } = setup([new TypeError('Failed to fetch')]);
    await session.send('hi');
    expect(session.state.error).toEqual({ kind: 'network', at: expect.any(Number) });
  });

  it('a stream cut off before [DONE] keeps the partial answer and says so', async () => {
    const { response, write, end } = controlledResponse();
    write({ type: 'start', messageId: 'm1' });
    write({ type: 'text-start', id: 't' });
    write({ type: 'text-delta', id: 't', delta: 'Partial' });
    const body = response.body as ReadableStream<Uint8Array>;
    // Drop the final "data: [DONE]" by cutting the byte stream short.
    const reader = body.getReader();
    const cut = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { value, done } = await reader.read();
        if (done || new TextDecoder().decode(value).includes('[DONE]')) controller.close();
        else controller.enqueue(value);
      },
    });
    end();
    const { session } = setup([
      new Response(cut, { headers: { 'content-type': 'text/event-stream' } }),
    ]);
    await session.send('hi');
    expect({ text: userText(session.state.messages[1]), error: session.state.error }).toEqual({
      text: 'Partial',
      error: { kind: 'truncated', at: expect.any(Number) },
    });
  });

  it('an error chunk mid-answer keeps the partial answer and shows the error text', async () => {
    const { session } = setup([
      streamResponse([
        { type: 'start', messageId: 'm1' },
        { type: 'text-start', id: 't' },
        { type: 'text-delta', id: 't', delta: 'The answer ' },
        { type: 'error', errorText: 'The model service failed.' },
      ]),
    ]);
    await session.send('hi');
    expect({ text: userText(session.state.messages[1]), error: session.state.error }).toEqual({
      text: 'The answer ',
      error: { kind: 'stream', detail: 'The model service failed.', at: expect.any(Number) },
    });
  });

  it('stop aborts the request, keeps the partial answer, and marks it stopped', async () => {
    const stream = controlledResponse();
    const { session, requests } = setup([stream.response]);
    const done = session.send('hi');
    stream.write({ type: 'start', messageId: 'm1' });
    stream.write({ type: 'tool-input-start', toolCallId: 'c1', toolName: 'get_current_time' });
    stream.write({ type: 'text-start', id: 't' });
    stream.write({ type: 'text-delta', id: 't', delta: 'So far' });
    await vi.waitFor(() => expect(session.state.status).toBe('streaming'));
    session.stop();
    await done;
    expect({
      aborted: requests[0]?.signal.aborted,
      stopped: session.state.stopped,
      error: session.state.error,
      text: userText(session.state.messages[1]),
      status: session.state.status,
      // A call cut off by the stop ends with it.
      times: session.state.toolTimes,
    }).toEqual({
      aborted: true,
      stopped: true,
      error: undefined,
      text: 'So far',
      status: 'ready',
      times: { c1: { start: expect.any(Number), end: expect.any(Number) } },
    });
  });

  it('ignores sends while busy and empty ones', async () => {
    const stream = controlledResponse();
    const { session, fetch } = setup([stream.response]);
    void session.send('   ');
    const done = session.send('hi');
    void session.send('again');
    void session.retry();
    expect(fetch).toHaveBeenCalledTimes(1);
    stream.end();
    await done;
  });

  it('announces an answer once, when it ends: not its tokens, not its blocks', async () => {
    const announce = vi.fn();
    const { session } = setup(
      [
        streamResponse([
          { type: 'start', messageId: 'm1' },
          { type: 'text-delta', id: 't', delta: 'First **part**.\n\nSecond' },
          { type: 'text-delta', id: 't', delta: ' part.' },
        ]),
      ],
      { announce },
    );
    await session.send('hi');
    expect(announce.mock.calls).toEqual([['First part. Second part.', 'done']]);
  });
});

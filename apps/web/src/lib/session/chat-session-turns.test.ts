import type { UIMessage } from '@edgechat/core';
import { describe, expect, it, vi } from 'vitest';
import { controlledResponse, setup, streamResponse, userText } from './test-kit.js';

describe('createChatSession: retry, regenerate, edit', () => {
  it('retry keeps the failed partial answer visible until the new one starts', async () => {
    const second = controlledResponse();
    const { session, requests } = setup([
      streamResponse([
        { type: 'start', messageId: 'm1' },
        { type: 'text-start', id: 't' },
        { type: 'text-delta', id: 't', delta: 'Half' },
        { type: 'error', errorText: 'boom' },
      ]),
      second.response,
    ]);
    await session.send('question');
    const partial = session.state.messages[1];
    const done = session.retry();
    expect({
      messages: session.state.messages,
      replacing: session.state.replacing,
      error: session.state.error,
    }).toEqual({
      messages: [session.state.messages[0], partial],
      replacing: 'm1',
      error: undefined,
    });
    // The partial answer is not sent back: the request ends with the question.
    expect((requests[1]?.body as { messages: UIMessage[] }).messages.map((m) => m.role)).toEqual([
      'user',
    ]);
    second.write({ type: 'start', messageId: 'm2' });
    second.write({ type: 'start-step' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(session.state.messages[1]).toBe(partial); // still there: nothing visible has arrived
    second.write({ type: 'text-start', id: 't' });
    second.write({ type: 'text-delta', id: 't', delta: 'Whole answer' });
    second.write({ type: 'finish' });
    second.end();
    await done;
    expect({
      ids: session.state.messages.map((m) => m.id),
      text: userText(session.state.messages[1]),
      replacing: session.state.replacing,
    }).toEqual({
      ids: [session.state.messages[0]?.id, 'm2'],
      text: 'Whole answer',
      replacing: undefined,
    });
  });

  it('a retry that fails again still shows the old partial answer', async () => {
    const { session } = setup([
      streamResponse([
        { type: 'start', messageId: 'm1' },
        { type: 'text-delta', id: 't', delta: 'Half' },
        { type: 'error', errorText: 'boom' },
      ]),
      new TypeError('offline'),
    ]);
    await session.send('q');
    await session.retry();
    expect({ text: userText(session.state.messages[1]), error: session.state.error?.kind }).toEqual(
      {
        text: 'Half',
        error: 'network',
      },
    );
  });

  it('regenerate replaces the last answer; edit replaces the last question', async () => {
    const answer = (id: string, text: string) =>
      streamResponse([
        { type: 'start', messageId: id },
        { type: 'text-delta', id: 't', delta: text },
      ]);
    const { session, requests } = setup([
      answer('a1', 'one'),
      answer('a2', 'two'),
      answer('a3', 'three'),
    ]);
    await session.send('first question');
    await session.regenerate();
    expect(session.state.messages.map(userText)).toEqual(['first question', 'two']);
    await session.editLastUserMessage('better question');
    expect(session.state.messages.map(userText)).toEqual(['better question', 'three']);
    expect((requests[2]?.body as { messages: UIMessage[] }).messages.map(userText)).toEqual([
      'better question',
    ]);
  });

  it('retry does nothing after a finished answer (replacing one is regenerate)', async () => {
    const { session, fetch } = setup([
      streamResponse([
        { type: 'start', messageId: 'a1' },
        { type: 'text-delta', id: 't', delta: 'Done.' },
        { type: 'finish' },
      ]),
    ]);
    await session.send('q');
    const before = session.state;
    await session.retry();
    expect({ calls: fetch.mock.calls.length, state: session.state }).toEqual({
      calls: 1,
      state: before,
    });
  });

  it('retry after a stop asks again; the stopped answer stays, dimmed, out of the request', async () => {
    const first = controlledResponse();
    const second = controlledResponse();
    const { session, requests } = setup([first.response, second.response]);
    const asked = session.send('q');
    first.write({ type: 'start', messageId: 'a1' });
    first.write({ type: 'text-delta', id: 't', delta: 'Cut ' });
    await vi.waitFor(() => expect(session.state.status).toBe('streaming'));
    session.stop();
    await asked;
    const stoppedAnswer = session.state.messages[1];
    expect({ stopped: session.state.stopped, text: userText(stoppedAnswer) }).toEqual({
      stopped: true,
      text: 'Cut ',
    });

    const retried = session.retry();
    expect({
      sent: (requests[1]?.body as { messages: UIMessage[] }).messages,
      shown: session.state.messages,
      replacing: session.state.replacing,
      stopped: session.state.stopped,
    }).toEqual({
      sent: [session.state.messages[0]],
      shown: [session.state.messages[0], stoppedAnswer],
      replacing: 'a1',
      stopped: false,
    });
    second.write({ type: 'start', messageId: 'a2' });
    second.write({ type: 'text-delta', id: 't', delta: 'Whole.' });
    second.end();
    await retried;
    expect(session.state.messages.map((m) => [m.role, userText(m)])).toEqual([
      ['user', 'q'],
      ['assistant', 'Whole.'],
    ]);
  });

  it('regenerate({ messageId }) replaces an earlier answer and drops what followed', async () => {
    const later = controlledResponse();
    const { session, requests } = setup([answer('a1', 'one'), answer('a2', 'two'), later.response]);
    await session.send('q1');
    await session.send('q2');
    const [q1, a1] = session.state.messages;
    const done = session.regenerate({ messageId: 'a1' });
    expect({
      sent: (requests[2]?.body as { messages: UIMessage[] }).messages,
      shown: session.state.messages,
      replacing: session.state.replacing,
    }).toEqual({ sent: [q1], shown: [q1, a1], replacing: 'a1' });
    later.write({ type: 'start', messageId: 'a3' });
    later.write({ type: 'text-delta', id: 't', delta: 'three' });
    later.end();
    await done;
    expect(session.state.messages.map(userText)).toEqual(['q1', 'three']);
  });

  it('regenerate of a question answers it again, replacing its answer', async () => {
    const { session, requests } = setup([
      answer('a1', 'one'),
      answer('a2', 'two'),
      answer('a3', 'three'),
    ]);
    await session.send('q1');
    await session.send('q2');
    const q2 = session.state.messages[2] as UIMessage;
    await session.regenerate({ messageId: q2.id });
    expect({
      sent: (requests[2]?.body as { messages: UIMessage[] }).messages.map(userText),
      shown: session.state.messages.map(userText),
    }).toEqual({ sent: ['q1', 'one', 'q2'], shown: ['q1', 'one', 'q2', 'three'] });
  });

  it('regenerate of an unknown message rejects and sends nothing; while busy it does nothing', async () => {
    const slow = controlledResponse();
    const { session, fetch } = setup([answer('a1', 'one'), slow.response]);
    await session.send('q1');
    await expect(session.regenerate({ messageId: 'nope' })).rejects.toThrow(
      'regenerate: no message nope',
    );
    expect(fetch).toHaveBeenCalledTimes(1);
    const asked = session.send('q2');
    await session.regenerate();
    expect(fetch).toHaveBeenCalledTimes(2);
    slow.end();
    await asked;
  });
});

function answer(id: string, text: string) {
  return streamResponse([
    { type: 'start', messageId: id },
    { type: 'text-delta', id: 't', delta: text },
  ]);
}

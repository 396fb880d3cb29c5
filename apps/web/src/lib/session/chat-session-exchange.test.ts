import { INTERRUPTED_TOOL_CALL_CONTENT, type UIMessage } from '@edgechat/core';
import { describe, expect, it, vi } from 'vitest';
import type { ChatSessionState } from './chat-session.js';
import { createChatSession } from './chat-session.js';
import {
  controlledResponse,
  setup,
  streamResponse,
  TOOL_TURN,
  TOOL_TURN_EXCHANGE,
  TOOL_TURN_MESSAGE,
} from './test-kit.js';

// The three messages of TOOL_TURN_EXCHANGE's answer: the call, its result, the text.
const [CALL, RESULT, TEXT] = TOOL_TURN_EXCHANGE.answer;

describe('createChatSession: the exchange and the chunk log (debug view)', () => {
  it('exchange(): the request as sent, then the answer, as the model sees them', async () => {
    const stream = controlledResponse();
    let systemPrompt: string | undefined = undefined;
    const { session, frame } = setup([stream.response], { systemPrompt: () => systemPrompt });
    const done = session.send('서울 몇 시야?');
    // /api/config has not answered: the system prompt is not known yet.
    expect(session.exchange()).toEqual({
      request: [{ role: 'user', content: '서울 몇 시야?' }],
      systemHidden: true,
      answer: [],
    });
    systemPrompt = 'Be brief.';
    TOOL_TURN.slice(0, 6).forEach(stream.write);
    await vi.waitFor(() => expect(session.state.status).toBe('streaming'));
    frame();
    // The answer as far as it was published: the call, whose result has not come yet.
    expect(session.exchange()).toEqual({
      request: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: '서울 몇 시야?' },
      ],
      systemHidden: false,
      answer: [
        CALL,
        { role: 'tool', tool_call_id: 'call_a', content: INTERRUPTED_TOOL_CALL_CONTENT },
      ],
    });
    TOOL_TURN.slice(6).forEach(stream.write);
    stream.end();
    await done;
    expect(session.exchange().answer).toEqual([CALL, RESULT, TEXT]);
    expect(session.chunks()).toEqual({ head: TOOL_TURN, omitted: 0, tail: [] });
  });

  it('while an answer is being replaced, the exchange has the new request and no answer', async () => {
    const second = controlledResponse();
    const { session } = setup([streamResponse(TOOL_TURN), second.response]);
    await session.send('서울 몇 시야?');
    const done = session.regenerate();
    expect({ exchange: session.exchange(), chunks: session.chunks() }).toEqual({
      exchange: {
        request: [{ role: 'user', content: '서울 몇 시야?' }],
        systemHidden: true,
        answer: [],
      },
      chunks: { head: [], omitted: 0, tail: [] },
    });
    second.end();
    await done;
  });

  it('a restored conversation: its last question and answer, and no chunks', () => {
    const question: UIMessage = { id: 'u', role: 'user', parts: [{ type: 'text', text: 'q' }] };
    const session = createChatSession({
      id: 'c',
      messages: [question, TOOL_TURN_MESSAGE],
      systemPrompt: () => 'Be brief.',
    });
    expect({ exchange: session.exchange(), chunks: session.chunks() }).toEqual({
      exchange: {
        request: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'q' },
        ],
        systemHidden: false,
        answer: [CALL, RESULT, TEXT],
      },
      chunks: { head: [], omitted: 0, tail: [] },
    });
  });
});

describe('createChatSession: subscribe', () => {
  it('tells each new state: the question, the first visible chunk, each frame, the end', async () => {
    const stream = controlledResponse();
    const { session, frame } = setup([stream.response]);
    const states: Partial<ChatSessionState>[] = [];
    const unsubscribe = session.subscribe((state) =>
      states.push({ status: state.status, chunkCount: state.chunkCount }),
    );
    const done = session.send('hi');
    stream.write({ type: 'start', messageId: 'm1' });
    stream.write({ type: 'text-delta', id: 't', delta: 'a' });
    stream.write({ type: 'text-delta', id: 't', delta: 'b' });
    await vi.waitFor(() => expect(session.state.status).toBe('streaming'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    frame();
    stream.end();
    await done;
    unsubscribe();
    await session.send('again'); // no response left: fails, unheard
    expect(states).toEqual([
      { status: 'submitted', chunkCount: 0 },
      { status: 'streaming', chunkCount: 0 },
      { status: 'streaming', chunkCount: 3 },
      { status: 'streaming', chunkCount: 3 }, // the end publishes what the last frame had
      { status: 'ready', chunkCount: 3 },
    ]);
  });
});

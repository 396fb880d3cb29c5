import { createGetCurrentTime, createToolRegistry } from '@edgechat/core';
import type { ChatModelRequest, UIMessageChunk } from '@edgechat/core';
import { createDemoModel } from '@edgechat/core/demo';
import { describe, expect, it } from 'vitest';
import { createChatSession } from './chat-session.js';

const tools = createToolRegistry([
  createGetCurrentTime({ now: () => new Date('2025-01-02T05:05:00Z') }),
]);
const LONDON =
  '{"timezone":"Europe/London","iso":"2025-01-02T05:05:00+00:00","local":"2025-01-02 05:05:00","utcOffset":"+00:00"}';

function session(delayMs = 0) {
  const requests: ChatModelRequest[] = [];
  const chat = createChatSession({
    model: createDemoModel({ delayMs }),
    tools,
    system: 'Be brief.',
    onRequest: (request) => requests.push(request),
  });
  return { chat, requests };
}

describe('createChatSession', () => {
  it('adds the user message and what the turn produced to the history', async () => {
    const { chat, requests } = session();
    const chunks: UIMessageChunk[] = [];
    await chat.send('What time is it in London?', {
      signal: new AbortController().signal,
      onChunk: (chunk) => chunks.push(chunk),
    });
    const callId =
      requests[1]?.messages[2]?.role === 'assistant' ? requests[1].messages[2] : undefined;
    const id = callId?.tool_calls?.[0]?.id ?? 'missing';
    expect(chat.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'What time is it in London?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id,
            type: 'function',
            function: { name: 'get_current_time', arguments: '{"timezone":"Europe/London"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: id, content: LONDON },
      { role: 'assistant', content: "It's 05:05 (Thu) in London (UTC+00:00)." },
    ]);
    // Every request went through onRequest: the tool step, then the answer step.
    expect(requests.map((request) => request.messages.length)).toEqual([2, 4]);
    expect(chunks[0]?.type).toBe('start');
    expect(chunks.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
  });

  it('starts over from the system prompt at reset', async () => {
    const { chat } = session();
    await chat.send('hi', { signal: new AbortController().signal, onChunk: () => {} });
    expect(chat.messages).toHaveLength(3);
    chat.reset();
    expect(chat.messages).toEqual([{ role: 'system', content: 'Be brief.' }]);
  });

  it('does not bring back a turn that was reset while it ran', async () => {
    const { chat } = session();
    const turn = chat.send('hi', { signal: new AbortController().signal, onChunk: () => {} });
    chat.reset();
    await turn;
    expect(chat.messages).toEqual([{ role: 'system', content: 'Be brief.' }]);
  });

  it('keeps the text that arrived before an abort', async () => {
    const { chat } = session(5);
    const controller = new AbortController();
    const deltas: string[] = [];
    await chat.send('hi', {
      signal: controller.signal,
      onChunk: (chunk) => {
        if (chunk.type === 'text-delta') {
          deltas.push(chunk.delta);
          if (deltas.length === 3) controller.abort();
        }
      },
    });
    expect(chat.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: deltas.join('') },
    ]);
    expect(deltas.join('')).toBe('**Demo mode** — ');
  });
});

import { chatCompletionChunk, encodeChatCompletionFrames } from '@edgechat/core/testing';
import type { ChatCompletionChunkDelta } from '@edgechat/core';
import { afterEach, describe, expect, it } from 'vitest';
import { chatTranscript, killChats, startChat } from './chat-process.js';
import { startMockOpenAI } from './mock-openai-server.js';
import type { MockOpenAI, MockReply } from './mock-openai-server.js';

const SYSTEM = 'You are a helpful assistant. Use get_current_time for time questions.';
const USAGE = { prompt_tokens: 80, completion_tokens: 12, total_tokens: 92 };
const CLOCK_TOOL = {
  type: 'function',
  function: {
    name: 'get_current_time',
    description: 'Get the current time in a given timezone',
    parameters: {
      type: 'object',
      properties: {
        timezone: {
          type: 'string',
          description: 'IANA time zone name, e.g. "Asia/Seoul" or "America/New_York"',
        },
      },
      required: ['timezone'],
      additionalProperties: false,
    },
  },
};
const SEOUL =
  '{"timezone":"Asia/Seoul","iso":"2025-01-02T14:05:00+09:00","local":"2025-01-02 14:05:00","utcOffset":"+09:00"}';
const NEW_YORK =
  '{"timezone":"America/New_York","iso":"2025-01-02T00:05:00-05:00","local":"2025-01-02 00:05:00","utcOffset":"-05:00"}';

/** An SSE body as OpenAI streams it: the deltas, then the finish chunk, the usage chunk, [DONE]. */
function sse(deltas: ChatCompletionChunkDelta[], finishReason: string): MockReply {
  return {
    body: encodeChatCompletionFrames([
      ...deltas.map((delta) => chatCompletionChunk(delta)),
      chatCompletionChunk({}, { finishReason }),
      chatCompletionChunk(null, { usage: USAGE }),
    ]),
  };
}

const textReply = (...pieces: string[]): MockReply =>
  sse(
    [{ role: 'assistant', content: '', refusal: null }, ...pieces.map((content) => ({ content }))],
    'stop',
  );

// The tutorial's turn: two parallel get_current_time calls, arguments in fragments.
const twoCalls = sse(
  [
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          index: 0,
          id: 'call_seoul',
          type: 'function',
          function: { name: 'get_current_time', arguments: '' },
        },
      ],
    },
    ...['{"time', 'zone":"', 'Asia/Se', 'oul"}'].map((piece) => ({
      tool_calls: [{ index: 0, function: { arguments: piece } }],
    })),
    {
      tool_calls: [
        {
          index: 1,
          id: 'call_ny',
          type: 'function',
          function: { name: 'get_current_time', arguments: '' },
        },
      ],
    },
    ...['{"timezone":', '"America/', 'New_York"}'].map((piece) => ({
      tool_calls: [{ index: 1, function: { arguments: piece } }],
    })),
  ],
  'tool_calls',
);

let mock: MockOpenAI | undefined;

async function chatWith(replies: MockReply[], lines: string[]) {
  mock = await startMockOpenAI(replies);
  const result = await chatTranscript(
    {
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: mock.url,
      MODEL: 'gpt-test',
      EDGECHAT_NOW: '2025-01-02T05:05:00Z',
    },
    lines,
  );
  return { ...result, requests: mock.requests };
}

const request = (messages: unknown[]) => ({
  model: 'gpt-test',
  messages,
  tools: [CLOCK_TOOL],
  stream: true,
  stream_options: { include_usage: true },
  temperature: 0.1,
});

afterEach(async () => {
  killChats();
  await mock?.close();
  mock = undefined;
});

describe('terminal chat against an OpenAI-compatible server', () => {
  it('streams a text answer; one POST with the key, the system prompt and the tools', async () => {
    const { stdout, stderr, code, requests } = await chatWith(
      [textReply('Hello', '! How', ' can I help?')],
      ['Hi'],
    );
    expect(stdout).toBe(
      [`edgechat — gpt-test via ${mock?.url}`, '> Hi', 'Hello! How can I help?', ''].join('\n'),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
    });
    expect(requests[0]?.body).toEqual(
      request([
        { role: 'system', content: SYSTEM },
        { role: 'user', content: 'Hi' },
      ]),
    );
  });

  it('runs both tool calls, shows them, and sends their results back', async () => {
    const { stdout, requests } = await chatWith(
      [twoCalls, textReply('Seoul: 14:05, ', 'New York: 00:05.'), textReply('You are welcome.')],
      ['What time is it in Seoul and New York?', 'Thanks'],
    );
    expect(stdout).toBe(
      [
        `edgechat — gpt-test via ${mock?.url}`,
        '> What time is it in Seoul and New York?',
        `⚙ get_current_time {"timezone":"Asia/Seoul"} → ${SEOUL}`,
        `⚙ get_current_time {"timezone":"America/New_York"} → ${NEW_YORK}`,
        'Seoul: 14:05, New York: 00:05.',
        '> Thanks',
        'You are welcome.',
        '',
      ].join('\n'),
    );
    const turn = [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: 'What time is it in Seoul and New York?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_seoul',
            type: 'function',
            function: { name: 'get_current_time', arguments: '{"timezone":"Asia/Seoul"}' },
          },
          {
            id: 'call_ny',
            type: 'function',
            function: { name: 'get_current_time', arguments: '{"timezone":"America/New_York"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_seoul', content: SEOUL },
      { role: 'tool', tool_call_id: 'call_ny', content: NEW_YORK },
    ];
    expect(requests.map((r) => r.body)).toEqual([
      request(turn.slice(0, 2)),
      request(turn),
      request([
        ...turn,
        { role: 'assistant', content: 'Seoul: 14:05, New York: 00:05.' },
        { role: 'user', content: 'Thanks' },
      ]),
    ]);
  });

  it('/reset: the next request has only the system prompt and the new message', async () => {
    const { requests } = await chatWith(
      [textReply('One.'), textReply('Two.')],
      ['first', '/reset', 'second'],
    );
    expect(requests.map((r) => r.body)).toEqual([
      request([
        { role: 'system', content: SYSTEM },
        { role: 'user', content: 'first' },
      ]),
      request([
        { role: 'system', content: SYSTEM },
        { role: 'user', content: 'second' },
      ]),
    ]);
  });

  it('/debug prints the messages of each request, tool results included', async () => {
    const { stdout } = await chatWith(
      [twoCalls, textReply('Done.')],
      ['/debug', 'What time is it in Seoul and New York?'],
    );
    expect(stdout).toBe(
      [
        `edgechat — gpt-test via ${mock?.url}`,
        '> /debug',
        'debug on: each request to the model is shown in full',
        '> What time is it in Seoul and New York?',
        '┌─ 2 messages → model',
        `│ system: ${SYSTEM}`,
        '│ user: What time is it in Seoul and New York?',
        '└─ tools: get_current_time',
        `⚙ get_current_time {"timezone":"Asia/Seoul"} → ${SEOUL}`,
        `⚙ get_current_time {"timezone":"America/New_York"} → ${NEW_YORK}`,
        '┌─ 5 messages → model',
        `│ system: ${SYSTEM}`,
        '│ user: What time is it in Seoul and New York?',
        '│ assistant: → get_current_time({"timezone":"Asia/Seoul"}) call_seoul',
        '│   → get_current_time({"timezone":"America/New_York"}) call_ny',
        `│ tool call_seoul: ${SEOUL}`,
        `│ tool call_ny: ${NEW_YORK}`,
        '└─ tools: get_current_time',
        'Done.',
        '· finish: stop, tokens: 160 in / 24 out',
        '',
      ].join('\n'),
    );
  });

  it('shows an upstream error safely and carries on with the next line', async () => {
    const { stdout, code } = await chatWith(
      [
        {
          status: 401,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { message: 'Incorrect API key provided: sk-test', code: 'invalid_api_key' },
          }),
        },
        textReply('Back.'),
      ],
      ['Hi', 'Again'],
    );
    expect(stdout).toBe(
      [
        `edgechat — gpt-test via ${mock?.url}`,
        '> Hi',
        '✗ The model service rejected our credentials.',
        '> Again',
        'Back.',
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
  });

  it('prints each token the moment it arrives', async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const frames = (deltas: ChatCompletionChunkDelta[], finishReason?: string) =>
      encodeChatCompletionFrames(
        deltas.map((delta) => chatCompletionChunk(delta, finishReason ? { finishReason } : {})),
        { done: finishReason !== undefined },
      );
    mock = await startMockOpenAI([
      {
        body: async (write) => {
          write(frames([{ role: 'assistant', content: '' }, { content: 'First half' }]));
          await released; // the rest only once the test saw the first half on stdout
          write(frames([{ content: ', second half.' }]));
          write(frames([{}], 'stop'));
        },
      },
    ]);
    const chat = startChat({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: mock.url });
    chat.send('Hi');
    await chat.waitFor('First half');
    expect(chat.stdout().endsWith('> Hi\nFirst half')).toBe(true);
    release();
    await chat.waitFor('First half, second half.\n');
    chat.end();
    expect(await chat.exited).toBe(0);
  });

  it('Ctrl-C stops the answer and closes the upstream request', async () => {
    let upstreamClosed: () => void = () => {};
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    mock = await startMockOpenAI([
      {
        body: async (write, signal) => {
          write(
            encodeChatCompletionFrames(
              [
                chatCompletionChunk({ role: 'assistant', content: '' }),
                chatCompletionChunk({ content: 'Thinking' }),
              ],
              { done: false },
            ),
          );
          // Never finishes on its own: only the client going away ends it.
          await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
          upstreamClosed();
        },
      },
      textReply('Next answer.'),
    ]);
    const chat = startChat({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: mock.url });
    chat.send('Hi');
    await chat.waitFor('Thinking');
    chat.child.kill('SIGINT');
    await chat.waitFor('Thinking\n[stopped]\n');
    await closed;
    chat.send('And now?');
    await chat.waitFor('Next answer.\n');
    // The stopped turn stays in the history with the text that arrived.
    expect(mock.requests[1]?.body).toMatchObject({
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Thinking' },
        { role: 'user', content: 'And now?' },
      ],
    });
    chat.end();
    expect(await chat.exited).toBe(0);
  });
});

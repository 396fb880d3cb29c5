import {
  NEW_YORK_CALL,
  SEOUL_CALL,
  textAnswerChunks,
  TWO_CITY_ANSWER_ROUND,
  TWO_CITY_ANSWER_TEXT,
  TWO_CITY_FOLLOW_UP,
  TWO_CITY_NOW,
  TWO_CITY_QUESTION,
  TWO_CITY_TOOL_ROUND,
  type OpenAIChunk,
} from '@edgechat/test-support/fixtures';
import {
  startMockOpenAI,
  streamOf,
  type MockOpenAI,
  type MockStep,
} from '@edgechat/test-support/mock-openai';
import { afterEach, describe, expect, it } from 'vitest';
import { chatTranscript, killChats, startChat } from './chat-process.js';

const SYSTEM = 'You are a helpful assistant. Use get_current_time for time questions.';
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
const SEOUL = JSON.stringify(SEOUL_CALL.output);
const NEW_YORK = JSON.stringify(NEW_YORK_CALL.output);

/** An SSE body as OpenAI streams it: the chunks, then [DONE]. */
const sse = (chunks: readonly OpenAIChunk[]): MockStep => ({ actions: streamOf(chunks) });

/** A text answer; 80 prompt and 12 completion tokens. */
const textReply = (...pieces: string[]): MockStep =>
  sse(textAnswerChunks('chatcmpl-text', pieces, { prompt: 80, completion: 12 }));

// The tutorial's turn: two parallel get_current_time calls, arguments in fragments.
const twoCalls = sse(TWO_CITY_TOOL_ROUND);

let mock: MockOpenAI | undefined;

async function chatWith(replies: MockStep[], lines: string[]) {
  mock = await startMockOpenAI({ replies });
  const result = await chatTranscript(
    {
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: mock.url,
      MODEL: 'gpt-test',
      EDGECHAT_NOW: TWO_CITY_NOW,
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
  await mock?.stop();
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
      [twoCalls, sse(TWO_CITY_ANSWER_ROUND), textReply('You are welcome.')],
      [TWO_CITY_QUESTION, 'Thanks'],
    );
    expect(stdout).toBe(
      [
        `edgechat — gpt-test via ${mock?.url}`,
        '> What time is it in Seoul and New York?',
        `⚙ get_current_time {"timezone":"Asia/Seoul"} → ${SEOUL}`,
        `⚙ get_current_time {"timezone":"America/New_York"} → ${NEW_YORK}`,
        TWO_CITY_ANSWER_TEXT,
        '> Thanks',
        'You are welcome.',
        '',
      ].join('\n'),
    );
    const turn = [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: TWO_CITY_QUESTION },
      ...TWO_CITY_FOLLOW_UP,
    ];
    expect(requests.map((r) => r.body)).toEqual([
      request(turn.slice(0, 2)),
      request(turn),
      request([
        ...turn,
        { role: 'assistant', content: TWO_CITY_ANSWER_TEXT },
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
      ['/debug', TWO_CITY_QUESTION],
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
        '│ assistant: → get_current_time({"timezone":"Asia/Seoul"}) call_a',
        '│   → get_current_time({"timezone":"America/New_York"}) call_b',
        `│ tool call_a: ${SEOUL}`,
        `│ tool call_b: ${NEW_YORK}`,
        '└─ tools: get_current_time',
        'Done.',
        '· finish: stop, tokens: 180 in / 52 out',
        '',
      ].join('\n'),
    );
  });

  it('shows an upstream error safely and carries on with the next line', async () => {
    const { stdout, code } = await chatWith(
      [
        {
          status: 401,
          body: {
            error: { message: 'Incorrect API key provided: sk-test', code: 'invalid_api_key' },
          },
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

  it.each([
    ['length', '[stopped at the token limit — type "continue" to go on]'],
    ['content_filter', "[stopped by the provider's content filter]"],
  ])('finish_reason %s: a plain note when piped; "continue" goes on', async (reason, note) => {
    const cut = textAnswerChunks('chatcmpl-cut', ['Once upon']).map((chunk) => ({
      ...chunk,
      choices: chunk.choices.map((choice) =>
        choice.finish_reason === 'stop' ? { ...choice, finish_reason: reason } : choice,
      ),
    }));
    const { stdout, requests } = await chatWith(
      [sse(cut), textReply(' a time.')],
      ['Tell a story', 'continue'],
    );
    expect(stdout).toBe(
      [
        `edgechat — gpt-test via ${mock?.url}`,
        '> Tell a story',
        'Once upon',
        note,
        '> continue',
        ' a time.',
        '',
      ].join('\n'),
    );
    expect(requests[1]?.body).toMatchObject({
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: 'Tell a story' },
        { role: 'assistant', content: 'Once upon' },
        { role: 'user', content: 'continue' },
      ],
    });
  });

  it('prints each token the moment it arrives', async () => {
    const [role, first, second, finish] = textAnswerChunks('chatcmpl-paced', [
      'First half',
      ', second half.',
    ]);
    mock = await startMockOpenAI({
      replies: [
        {
          actions: [
            { frame: role },
            { frame: first },
            // The rest only once the test saw the first half on stdout.
            { waitFor: 'second half' },
            { frame: second },
            { frame: finish },
            { frame: '[DONE]' },
          ],
        },
      ],
    });
    const chat = startChat({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: mock.url });
    chat.send('Hi');
    await chat.waitFor('First half');
    expect(chat.stdout().endsWith('> Hi\nFirst half')).toBe(true);
    mock.release('second half');
    await chat.waitFor('First half, second half.\n');
    chat.end();
    expect(await chat.exited).toBe(0);
  });

  it('Ctrl-C stops the answer and closes the upstream request', async () => {
    const opening = textAnswerChunks('chatcmpl-stopped', ['Thinking']).slice(0, 2);
    mock = await startMockOpenAI({
      replies: [
        // Never finishes on its own: only the client going away ends it.
        { actions: [...opening.map((frame) => ({ frame })), { hang: true }] },
        textReply('Next answer.'),
      ],
    });
    const arrived = mock.nextRequest();
    const chat = startChat({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: mock.url });
    chat.send('Hi');
    await chat.waitFor('Thinking');
    const upstream = await arrived;
    chat.child.kill('SIGINT');
    await chat.waitFor('Thinking\n[stopped]\n');
    await upstream.closed;
    expect(upstream.finished).toBe(false);
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

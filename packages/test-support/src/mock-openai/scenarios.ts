// The built-in scenarios: a user message `scenario: <name>` picks one. Tests add their own.
import { openAIChunk, textAnswerChunks } from '../fixtures/openai-chunks.js';
import { TWO_CITY_ANSWER_ROUND, TWO_CITY_TOOL_ROUND } from '../fixtures/two-city-turn.js';
import { faultScenario } from './fault-mix.js';
import { errorFrame, streamOf, textAnswer, textAnswerStart } from './actions.js';
import type { MockAction, MockRequest, MockScenario, MockStep } from './types.js';

const PARTIAL = ['The answer ', 'starts'];

/** The text of the last user message. */
export function lastUserText(request: MockRequest): string {
  const last = [...request.body.messages].reverse().find((message) => message.role === 'user');
  return typeof last?.content === 'string' ? last.content : '';
}

/** Answers "Echo: <text>" in three deltas. */
export function echo(request: MockRequest): MockStep {
  return { actions: textAnswer('chatcmpl-echo', ['Echo', ': ', lastUserText(request)]) };
}

/** Streams ' tick' every 50 ms for half a minute: until the client goes away (abort propagation). */
export const ENDLESS: MockStep = {
  actions: [
    ...textAnswerStart('chatcmpl-endless', ['tick']),
    ...Array.from({ length: 600 }, (): MockAction[] => [
      { sleep: 50 },
      { frame: openAIChunk('chatcmpl-endless', { content: ' tick' }) },
    ]).flat(),
  ],
};

export const DEFAULT_SCENARIOS: Readonly<Record<string, MockScenario>> = {
  echo,
  /** The two-city turn: both tool calls, then the answer. */
  'two-tools': [
    { actions: streamOf(TWO_CITY_TOOL_ROUND) },
    { actions: streamOf(TWO_CITY_ANSWER_ROUND) },
  ],
  /** A thinking model (DeepSeek's shape): reasoning_content first, then the answer. */
  reasoning: [
    {
      actions: streamOf([
        openAIChunk('chatcmpl-think', { role: 'assistant', content: null, reasoning_content: '' }),
        openAIChunk('chatcmpl-think', { content: null, reasoning_content: 'Two plus two' }),
        openAIChunk('chatcmpl-think', { content: null, reasoning_content: ' is four.' }),
        ...textAnswerChunks('chatcmpl-think', ['It is ', '4.']),
      ]),
    },
  ],
  'cut-mid-stream': [
    {
      actions: [
        ...textAnswerStart('chatcmpl-cut', PARTIAL),
        // Let the partial answer arrive first: a reset socket may drop bytes still unread.
        { sleep: 100 },
        { raw: 'data: {"id":"chatcmpl-cut","obj' },
        { destroy: true },
      ],
    },
  ],
  'error-frame': [
    {
      actions: [
        ...textAnswerStart('chatcmpl-errframe', PARTIAL),
        errorFrame('The server had an error while processing your request. Sorry about that!'),
      ],
    },
  ],
  truncated: [{ actions: textAnswerStart('chatcmpl-trunc', PARTIAL) }],
  'http-429': [
    {
      status: 429,
      headers: { 'retry-after': '7' },
      body: {
        error: {
          message: 'Rate limit reached for gpt-4o',
          type: 'requests',
          code: 'rate_limit_exceeded',
        },
      },
    },
  ],
  'http-500': [
    { status: 500, body: { error: { message: 'The server had an error', type: 'server_error' } } },
  ],
  /** Quotes the key it was sent, as some OpenAI-compatible servers do. */
  'http-401': ({ headers }) => ({
    status: 401,
    body: {
      error: {
        message: `Incorrect API key provided: ${String(headers.authorization)}`,
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      },
    },
  }),
  /** An error frame that quotes the key mid-stream. */
  'error-frame-with-key': ({ headers }) => ({
    actions: [
      ...textAnswerStart('chatcmpl-errkey', PARTIAL),
      errorFrame(`bad key ${String(headers.authorization)}`, 'invalid_request_error'),
    ],
  }),
  'hang-headers': [{ hangBeforeHeaders: true }],
  'hang-first-byte': [{ actions: [{ hang: true }] }],
  'hang-mid-stream': [{ actions: [...textAnswerStart('chatcmpl-hang', PARTIAL), { hang: true }] }],
  /** Headers once `headers` is released, then one delta per release of `delta-<n>`. */
  'step-by-step': [
    {
      headersWaitFor: 'headers',
      actions: textAnswer('chatcmpl-steps', ['one', ' two', ' three'], {
        between: (index) => [{ waitFor: `delta-${index}` }],
      }),
    },
  ],
  endless: [ENDLESS],
  /** `scenario: fault <kind> <n>`: chat n of a load run, answered with one of FAULT_KINDS. */
  fault: faultScenario,
};

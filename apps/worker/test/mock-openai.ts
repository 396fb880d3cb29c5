// A mock OpenAI Chat Completions server for end-to-end tests (Node only): it replays
// recorded-style SSE streams — the frames OpenAI sends, field for field — and can misbehave on
// cue: HTTP errors, mid-stream cuts, error frames, hangs, and pauses the test releases.
//
// Which script answers is chosen by the last *user* message's text (`scenario: <name>`), so
// the worker needs no test hook; the step within it is the number of assistant messages after
// that user message (0 for the first call, 1 after one tool round, …).
//
// Reusable by the web app's e2e: `const mock = await startMockOpenAI(scenarios)` then point
// OPENAI_BASE_URL at `mock.url`.

import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type MockAction =
  /** One SSE frame: `data: <JSON>\n\n` (a string is sent as it is, e.g. '[DONE]'). */
  | { frame: unknown }
  /** Raw bytes, for frames cut in the middle. */
  | { raw: string }
  /** Wait until the test calls `mock.release(name)` (released before → no wait). */
  | { waitFor: string }
  /** Wait this many ms. */
  | { sleep: number }
  /** Never continue; the request stays open until the client goes away. */
  | { hang: true }
  /** Destroy the socket: a connection cut mid-stream. */
  | { destroy: true };

export interface MockStep {
  /** HTTP status; a non-200 sends `body` as JSON and ends. Default 200. */
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Hang before sending headers (the upstream never answers). */
  hangBeforeHeaders?: boolean;
  /** Wait for `release(name)` before sending headers. */
  headersWaitFor?: string;
  /** The stream, for status 200. The response ends after the last action. */
  actions?: MockAction[];
}

/** A scenario answers call `step` (0-based) of a turn; the request body is given too. */
export type MockScenario =
  | MockStep[]
  | ((step: number, body: ChatRequestBody, headers: IncomingMessage['headers']) => MockStep);

export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: unknown; tool_calls?: unknown[]; tool_call_id?: string }[];
  tools?: { type: string; function: { name: string } }[];
  stream?: boolean;
  stream_options?: unknown;
  temperature?: number;
  max_tokens?: number;
}

export interface MockRequest {
  /** 1-based, in arrival order. */
  index: number;
  scenario: string;
  step: number;
  headers: IncomingMessage['headers'];
  body: ChatRequestBody;
  /** `performance.now()` when the request arrived / when its connection closed. */
  receivedAt: number;
  closedAt?: number;
  /** Whether the response was complete when the connection closed. */
  finished: boolean;
  /** Resolves when the connection closes (the client aborted, or the response ended). */
  closed: Promise<void>;
}

export interface MockOpenAI {
  /** Base URL for OPENAI_BASE_URL, e.g. http://127.0.0.1:41234/v1 */
  url: string;
  requests: MockRequest[];
  /** Resolves with the next request that arrives (or the n-th, 1-based, if already there). */
  nextRequest(): Promise<MockRequest>;
  release(name: string): void;
  stop(): Promise<void>;
}

export const SCENARIO_PREFIX = 'scenario:';

export async function startMockOpenAI(
  scenarios: Record<string, MockScenario> = {},
): Promise<MockOpenAI> {
  const all = { ...DEFAULT_SCENARIOS, ...scenarios };
  const requests: MockRequest[] = [];
  const waiters: ((request: MockRequest) => void)[] = [];
  const released = new Set<string>();
  const barriers = new Map<string, (() => void)[]>();

  const waitFor = (name: string): Promise<void> => {
    if (released.has(name)) return Promise.resolve();
    return new Promise((resolve) => barriers.set(name, [...(barriers.get(name) ?? []), resolve]));
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 60_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      sendJson(res, 404, {
        error: {
          message: `mock: no route ${req.method} ${req.url}`,
          type: 'invalid_request_error',
        },
      });
      return;
    }
    const body = JSON.parse(text) as ChatRequestBody;
    const { scenario, step } = locate(body);
    let markClosed = (): void => {};
    const record: MockRequest = {
      index: requests.length + 1,
      scenario,
      step,
      headers: req.headers,
      body,
      receivedAt: performance.now(),
      finished: false,
      closed: new Promise((resolve) => (markClosed = resolve)),
    };
    res.on('close', () => {
      record.closedAt = performance.now();
      record.finished = res.writableFinished;
      markClosed();
    });
    requests.push(record);
    for (const waiter of waiters.splice(0)) waiter(record);

    const script = all[scenario];
    if (script === undefined) {
      sendJson(res, 400, {
        error: { message: `mock: unknown scenario ${scenario}`, type: 'invalid_request_error' },
      });
      return;
    }
    const mockStep = typeof script === 'function' ? script(step, body, req.headers) : script[step];
    if (mockStep === undefined) {
      sendJson(res, 400, {
        error: { message: `mock: ${scenario} has no step ${step}`, type: 'invalid_request_error' },
      });
      return;
    }
    await play(mockStep, res, waitFor);
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    nextRequest: () => new Promise((resolve) => waiters.push(resolve)),
    release(name) {
      released.add(name);
      for (const resolve of barriers.get(name) ?? []) resolve();
      barriers.delete(name);
    },
    async stop() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close').catch(() => {});
    },
  };
}

async function play(
  step: MockStep,
  res: ServerResponse,
  waitFor: (name: string) => Promise<void>,
): Promise<void> {
  if (step.hangBeforeHeaders) return; // nothing, ever: the client's timeout or abort ends it
  if (step.headersWaitFor !== undefined) await waitFor(step.headersWaitFor);
  const status = step.status ?? 200;
  if (status !== 200) {
    sendJson(
      res,
      status,
      step.body ?? { error: { message: `mock HTTP ${status}`, type: 'server_error' } },
      step.headers,
    );
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...step.headers,
  });
  res.flushHeaders();
  for (const action of step.actions ?? []) {
    if (res.destroyed) return;
    if ('frame' in action) {
      res.write(
        `data: ${typeof action.frame === 'string' ? action.frame : JSON.stringify(action.frame)}\n\n`,
      );
    } else if ('raw' in action) res.write(action.raw);
    else if ('waitFor' in action) await waitFor(action.waitFor);
    else if ('sleep' in action) await new Promise((resolve) => setTimeout(resolve, action.sleep));
    else if ('hang' in action) return;
    else if ('destroy' in action) {
      res.destroy();
      return;
    }
  }
  res.end();
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The scenario named by the last user message, and how many assistant turns followed it. */
function locate(body: ChatRequestBody): { scenario: string; step: number } {
  const messages = body.messages;
  let lastUser = -1;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]?.role === 'user') {
      lastUser = i;
      break;
    }
  }
  const content = messages[lastUser]?.content;
  const text = typeof content === 'string' ? content.trim() : '';
  const scenario = text.startsWith(SCENARIO_PREFIX)
    ? text.slice(SCENARIO_PREFIX.length).trim()
    : 'echo';
  const step = messages
    .slice(lastUser + 1)
    .filter((message) => message.role === 'assistant').length;
  return { scenario, step };
}

// ---------------------------------------------------------------------------------------------
// Recorded-style frames: what api.openai.com sends for a streamed chat completion with
// `stream_options: { include_usage: true }`.

const CREATED = 1_767_225_600;
const FINGERPRINT = 'fp_mock0001';

export function chunk(
  id: string,
  delta: Record<string, unknown> | null,
  finishReason: string | null = null,
  model = 'gpt-4o-2024-08-06',
): unknown {
  return {
    id,
    object: 'chat.completion.chunk',
    created: CREATED,
    model,
    service_tier: 'default',
    system_fingerprint: FINGERPRINT,
    choices:
      delta === null ? [] : [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    usage: null,
  };
}

export function usageChunk(id: string, prompt: number, completion: number): unknown {
  return {
    ...(chunk(id, null) as object),
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
  };
}

/** A whole text answer: role frame, one frame per delta (with `between` actions), finish, usage, [DONE]. */
export function textAnswer(
  id: string,
  deltas: readonly string[],
  options: { between?: (index: number) => MockAction[] } = {},
): MockAction[] {
  const actions: MockAction[] = [
    { frame: chunk(id, { role: 'assistant', content: '', refusal: null }) },
  ];
  deltas.forEach((delta, index) => {
    if (index > 0) actions.push(...(options.between?.(index) ?? []));
    actions.push({ frame: chunk(id, { content: delta }) });
  });
  actions.push(
    { frame: chunk(id, {}, 'stop') },
    { frame: usageChunk(id, 20, deltas.length) },
    { frame: '[DONE]' },
  );
  return actions;
}

/** The first round of "what time is it in Seoul and New York?": two calls, interleaved deltas. */
export function twoTimeCalls(id: string): MockAction[] {
  const call = (index: number, extra: Record<string, unknown>) => ({
    frame: chunk(id, { tool_calls: [{ index, ...extra }] }),
  });
  return [
    { frame: chunk(id, { role: 'assistant', content: null, refusal: null }) },
    call(0, {
      id: 'call_seoul',
      type: 'function',
      function: { name: 'get_current_time', arguments: '' },
    }),
    call(0, { function: { arguments: '{"timezone":"Asia/' } }),
    call(1, {
      id: 'call_nyc',
      type: 'function',
      function: { name: 'get_current_time', arguments: '' },
    }),
    call(1, { function: { arguments: '{"timezone":"America/New_York"}' } }),
    call(0, { function: { arguments: 'Seoul"}' } }),
    { frame: chunk(id, {}, 'tool_calls') },
    { frame: usageChunk(id, 80, 40) },
    { frame: '[DONE]' },
  ];
}

const PARTIAL = ['The answer ', 'starts'];

/** Built-in scenarios; tests add their own. */
export const DEFAULT_SCENARIOS: Record<string, MockScenario> = {
  /** Answers "Echo: <text>" in three deltas. */
  echo: (_step, body) => {
    const last = [...body.messages].reverse().find((m) => m.role === 'user');
    const text = typeof last?.content === 'string' ? last.content : '';
    return { actions: textAnswer('chatcmpl-echo', ['Echo', ': ', text]) };
  },
  'two-tools': [
    { actions: twoTimeCalls('chatcmpl-tools-1') },
    { actions: textAnswer('chatcmpl-tools-2', ['Seoul and ', 'New York ', 'times are above.']) },
  ],
  'cut-mid-stream': [
    {
      actions: [
        ...textAnswer('chatcmpl-cut', PARTIAL).slice(0, 3),
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
        ...textAnswer('chatcmpl-errframe', PARTIAL).slice(0, 3),
        {
          frame: {
            error: {
              message: 'The server had an error while processing your request. Sorry about that!',
              type: 'server_error',
              param: null,
              code: null,
            },
          },
        },
      ],
    },
  ],
  truncated: [{ actions: textAnswer('chatcmpl-trunc', PARTIAL).slice(0, 3) }],
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
  'http-401': (_step, _body, headers) => ({
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
  'error-frame-with-key': (_step, _body, headers) => ({
    actions: [
      ...textAnswer('chatcmpl-errkey', PARTIAL).slice(0, 3),
      {
        frame: {
          error: {
            message: `bad key ${String(headers.authorization)}`,
            type: 'invalid_request_error',
            param: null,
            code: null,
          },
        },
      },
    ],
  }),
  'hang-headers': [{ hangBeforeHeaders: true }],
  'hang-first-byte': [{ actions: [{ hang: true }] }],
  'hang-mid-stream': [
    { actions: [...textAnswer('chatcmpl-hang', PARTIAL).slice(0, 3), { hang: true }] },
  ],
  /** One delta, then a pause the test releases, then the next (incremental delivery). */
  'step-by-step': [
    {
      headersWaitFor: 'headers',
      actions: textAnswer('chatcmpl-steps', ['one', ' two', ' three'], {
        between: (index) => [{ waitFor: `delta-${index}` }],
      }),
    },
  ],
  /** Streams forever until the client goes away (abort propagation). */
  endless: [
    {
      actions: [
        ...textAnswer('chatcmpl-endless', ['tick']).slice(0, 2),
        ...Array.from({ length: 600 }, (): MockAction[] => [
          { sleep: 50 },
          { frame: chunk('chatcmpl-endless', { content: ' tick' }) },
        ]).flat(),
      ],
    },
  ],
};

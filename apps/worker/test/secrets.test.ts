// The key must never appear in a response, log line or error. A key is planted, the
// real OpenAI model (src/openai-model.ts) talks to a fake upstream that quotes the key back in
// every way it can, and every error path is triggered. The key must not appear in any status
// line, header or body, nor in anything written to the console.
import type { ToolRegistry } from '@edgechat/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.js';
import { chatInit, openaiEnv, PLANTED_KEY, userSays } from './helpers.js';

const encoder = new TextEncoder();
const sse = (...frames: unknown[]) =>
  frames
    .map((frame) => `data: ${typeof frame === 'string' ? frame : JSON.stringify(frame)}\n\n`)
    .join('');
const chunk = (content: string) => ({
  id: 'c',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'gpt-4o',
  choices: [{ index: 0, delta: { content }, finish_reason: null }],
});
const quoting = (authorization: string | null) =>
  `Incorrect API key provided: ${authorization ?? ''} (${PLANTED_KEY})`;

/** What the fake upstream does, chosen by the user's message. */
const UPSTREAM: Record<
  string,
  (authorization: string | null, signal?: AbortSignal) => Response | Promise<Response>
> = {
  'http-401': (auth) => Response.json({ error: { message: quoting(auth) } }, { status: 401 }),
  'http-403': (auth) => Response.json({ error: { message: quoting(auth) } }, { status: 403 }),
  'http-404': (auth) => new Response(quoting(auth), { status: 404 }),
  'http-429': (auth) =>
    Response.json(
      { error: { message: quoting(auth) } },
      { status: 429, headers: { 'retry-after': '3', 'x-echo': PLANTED_KEY } },
    ),
  'http-500': (auth) => new Response(quoting(auth), { status: 500 }),
  network: (auth) => Promise.reject(new TypeError(`fetch failed: ${quoting(auth)}`)),
  'error-frame': (auth) =>
    new Response(
      sse(chunk('partial '), { error: { message: quoting(auth), type: 'invalid_request_error' } }),
    ),
  'not-json': (auth) => new Response(sse(chunk('partial '), `{"broken": "${quoting(auth)}`)),
  cut: (auth) =>
    new Response(
      new ReadableStream({
        start(controller) {
          controller.enqueue(encoder.encode(sse(chunk('partial '))));
          controller.error(new Error(quoting(auth)));
        },
      }),
    ),
  hang: (_auth, signal) =>
    new Response(
      new ReadableStream({
        start(controller) {
          signal?.addEventListener('abort', () => controller.error(signal.reason));
        },
      }),
    ),
  // A broken or hostile compatible server that echoes the request's header in its answer,
  // the key cut across deltas.
  'echo-key': (auth) => {
    const echoed = `Your header was ${auth ?? ''}, fine?`;
    const pieces = [
      echoed.slice(0, 20),
      echoed.slice(20, 31),
      echoed.slice(31, 44),
      echoed.slice(44),
    ];
    return new Response(
      sse(
        ...pieces.map(chunk),
        { ...chunk(''), choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
        '[DONE]',
      ),
    );
  },
  ok: () =>
    new Response(
      sse(
        chunk('fine'),
        { ...chunk(''), choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
        '[DONE]',
      ),
    ),
};

const upstreamFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const body = (await request.json()) as { messages: { role: string; content: string }[] };
  const scenario = body.messages.at(-1)?.content ?? '';
  const respond = UPSTREAM[scenario];
  if (respond === undefined) throw new Error(`no scenario ${scenario}`);
  return respond(request.headers.get('authorization'), init?.signal ?? undefined);
};

let logged: string[];
beforeEach(() => {
  logged = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(
        args
          .map((arg) =>
            arg instanceof Error ? `${arg.message} ${arg.stack} ${String(arg.cause)}` : String(arg),
          )
          .join(' '),
      );
    });
  }
});
afterEach(() => vi.restoreAllMocks());

async function everything(response: Response): Promise<string> {
  return `${response.status} ${response.statusText}\n${[...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${await response.text()}`;
}

describe('the planted key never leaks', () => {
  const app = createApp({ rateLimiter: null, fetch: upstreamFetch });
  const env = openaiEnv({ FIRST_BYTE_TIMEOUT_MS: '200', STATUS_WAIT_MS: '150' });

  it.each(Object.keys(UPSTREAM))(
    'upstream %s: not in the response, not in the logs',
    async (scenario) => {
      const response = await app.request('/api/chat', chatInit(userSays(scenario)), env);
      const text = await everything(response);
      expect(text).not.toContain(PLANTED_KEY);
      expect(text).not.toContain(PLANTED_KEY.slice(0, 12));
      expect(logged.join('\n')).not.toContain(PLANTED_KEY);
    },
  );

  it('the answers themselves: statuses before the stream, error chunks after it', async () => {
    const answers: Record<string, string> = {};
    for (const scenario of Object.keys(UPSTREAM)) {
      const response = await app.request('/api/chat', chatInit(userSays(scenario)), env);
      const body = await response.text();
      const error =
        body.match(/"errorText":"([^"]*)"/)?.[1] ?? body.match(/"code":"([^"]*)"/)?.[1] ?? 'none';
      answers[scenario] = `${response.status} ${error}`;
    }
    expect(answers).toEqual({
      'http-401': '502 upstream_unavailable',
      'http-403': '502 upstream_unavailable',
      'http-404': '502 upstream_unavailable',
      'http-429': '429 upstream_rate_limited',
      'http-500': '502 upstream_error',
      network: '502 upstream_unavailable',
      'error-frame': '200 The model service failed while answering. Please try again.',
      'not-json': '200 The model service sent a response that could not be read.',
      cut: '200 The answer was cut off before it finished. Please try again.',
      // The first-byte timeout errors the body; the core reports any body failure as a cut.
      hang: '200 The model service took too long to answer. Please try again.',
      'echo-key':
        '200 The answer was stopped: it contained this service’s credentials, which are never shown.',
      ok: '200 none',
    });
  });

  it('an unexpected exception whose message holds the key: generic 500, redacted log line', async () => {
    const broken = {
      definitions: () => {
        throw new Error(`registry exploded near ${PLANTED_KEY}`);
      },
    } as unknown as ToolRegistry;
    const response = await createApp({ rateLimiter: null, tools: broken }).request(
      '/api/config',
      {},
      env,
    );
    expect([response.status, await response.json()]).toEqual([
      500,
      { error: { code: 'internal_error', message: 'Internal error.' } },
    ]);
    expect(logged).toEqual(['unhandled error: Error: registry exploded near [redacted]']);
  });
});

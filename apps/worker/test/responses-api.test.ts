// PROVIDER=openai-responses through POST /api/chat inside workerd: the real Responses adapter
// (src/responses-model.ts) talks to a fake upstream that streams recorded-style Responses
// events. The same turn over Chat Completions must reach the client chunk for chunk alike.
import type { UIMessageChunk } from '@edgechat/core';
import {
  messageItem,
  responseObject,
  responsesSSE,
  responseStart,
  TWO_CITY_ANSWER_ROUND,
  TWO_CITY_NOW,
  TWO_CITY_QUESTION,
  TWO_CITY_RESPONSES_ANSWER_ROUND,
  TWO_CITY_RESPONSES_TOOL_ROUND,
  TWO_CITY_TOOL_ROUND,
  type ResponsesEvent,
} from '@edgechat/test-support/fixtures';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.js';
import {
  json,
  normalize,
  openaiEnv,
  parseWire,
  PLANTED_KEY,
  postChat,
  userSays,
} from './helpers.js';

afterEach(() => vi.restoreAllMocks());

interface Upstream {
  fetch: typeof fetch;
  /** The path and JSON body of each request. */
  requests: { path: string; body: Record<string, unknown> }[];
}

/** Answers the n-th request with the n-th body, as an SSE stream (or the Response given). */
function upstream(answers: readonly (string | Response)[]): Upstream {
  const requests: Upstream['requests'] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    requests.push({
      path: new URL(request.url).pathname,
      body: (await request.json()) as Record<string, unknown>,
    });
    const answer = answers[requests.length - 1] ?? new Response('no answer', { status: 500 });
    return typeof answer === 'string'
      ? new Response(answer, { headers: { 'content-type': 'text/event-stream' } })
      : answer;
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

const chatCompletionsSSE = (chunks: readonly unknown[]) =>
  `${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('')}data: [DONE]\n\n`;

async function turn(fake: Upstream, env: Env, question: string): Promise<UIMessageChunk[]> {
  const app = createApp({
    rateLimiter: null,
    fetch: fake.fetch,
    now: () => new Date(TWO_CITY_NOW),
  });
  const response = await postChat(app, userSays(question), env);
  expect(response.status).toBe(200);
  return parseWire(await response.text());
}

/** Tool results arrive in completion order, which two instant tools do not fix: sorted. */
function comparable(chunks: UIMessageChunk[]): unknown[] {
  const outputs = chunks.filter((chunk) => chunk.type === 'tool-output-available');
  outputs.sort((a, b) => a.toolCallId.localeCompare(b.toolCallId));
  return normalize(
    chunks.map((chunk) =>
      chunk.type === 'tool-output-available' ? (outputs.shift() ?? chunk) : chunk,
    ),
  );
}

const RESPONSES_ENV = openaiEnv({ PROVIDER: 'openai-responses' });

describe('PROVIDER=openai-responses', () => {
  it('a two-step tool turn streams the same UI chunks as over Chat Completions', async () => {
    const responses = upstream([
      responsesSSE(TWO_CITY_RESPONSES_TOOL_ROUND),
      responsesSSE(TWO_CITY_RESPONSES_ANSWER_ROUND),
    ]);
    const chat = upstream([
      chatCompletionsSSE(TWO_CITY_TOOL_ROUND),
      chatCompletionsSSE(TWO_CITY_ANSWER_ROUND),
    ]);
    const overResponses = await turn(responses, RESPONSES_ENV, TWO_CITY_QUESTION);
    const overChat = await turn(chat, openaiEnv(), TWO_CITY_QUESTION);
    // Usage alike too, but for the detail fields only Chat Completions has (audio, predictions).
    const expected = comparable(overChat);
    expected[expected.length - 1] = {
      type: 'finish',
      finishReason: 'stop',
      messageMetadata: {
        usage: {
          prompt_tokens: 320,
          completion_tokens: 70,
          total_tokens: 390,
          prompt_tokens_details: { cached_tokens: 0 },
          completion_tokens_details: { reasoning_tokens: 0 },
        },
      },
    };
    expect(comparable(overResponses)).toEqual(expected);
    expect(overResponses.map((chunk) => chunk.type)).toContain('tool-output-available');
    expect(responses.requests.map((request) => request.path)).toEqual([
      '/v1/responses',
      '/v1/responses',
    ]);
    // The second step sends the tool round back as items, matched by call_id.
    expect((responses.requests[1]?.body.input as unknown[]).slice(1)).toEqual([
      {
        type: 'function_call',
        call_id: 'call_a',
        name: 'get_current_time',
        arguments: '{"timezone":"Asia/Seoul"}',
      },
      {
        type: 'function_call',
        call_id: 'call_b',
        name: 'get_current_time',
        arguments: '{"timezone":"America/New_York"}',
      },
      {
        type: 'function_call_output',
        call_id: 'call_a',
        output: expect.stringContaining('"Asia/Seoul"') as unknown,
      },
      {
        type: 'function_call_output',
        call_id: 'call_b',
        output: expect.stringContaining('"America/New_York"') as unknown,
      },
    ]);
  });

  it('a stream that ends without response.completed ends in the cut-off error, the text kept', async () => {
    const cut: ResponsesEvent[] = [
      ...responseStart('resp_cut'),
      ...messageItem('msg_1', 0, ['Half']).slice(0, 3),
    ];
    const chunks = await turn(upstream([responsesSSE(cut)]), RESPONSES_ENV, 'hi');
    expect(chunks.filter((chunk) => chunk.type === 'text-delta' || chunk.type === 'error')).toEqual(
      [
        { type: 'text-delta', id: expect.any(String) as unknown, delta: 'Half' },
        {
          type: 'error',
          errorText: 'The answer was cut off before it finished. Please try again.',
        },
      ],
    );
  });

  it('response.failed quoting the key: a fixed error text, the key in neither the body nor the logs', async () => {
    const logged: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(
          args
            .map((arg) =>
              arg instanceof Error ? `${arg.message} ${String(arg.cause)}` : String(arg),
            )
            .join(' '),
        );
      });
    }
    const failed: ResponsesEvent[] = [
      ...responseStart('resp_failed'),
      {
        type: 'response.failed',
        response: responseObject('resp_failed', 'failed', {
          error: { code: 'server_error', message: `Incorrect API key provided: ${PLANTED_KEY}` },
        }),
      },
    ];
    const app = createApp({ rateLimiter: null, fetch: upstream([responsesSSE(failed)]).fetch });
    const body = await (await postChat(app, userSays('hi'), RESPONSES_ENV)).text();
    expect(parseWire(body).filter((chunk) => chunk.type === 'error')).toEqual([
      { type: 'error', errorText: 'The model service failed while answering. Please try again.' },
    ]);
    expect(body).not.toContain(PLANTED_KEY);
    expect(logged.join('\n')).not.toContain(PLANTED_KEY);
  });

  it('an upstream status before streaming is decided as for Chat Completions', async () => {
    const app = createApp({
      rateLimiter: null,
      fetch: upstream([Response.json({ error: { message: 'no' } }, { status: 401 })]).fetch,
    });
    const response = await postChat(app, userSays('hi'), RESPONSES_ENV);
    expect([response.status, await json(response)]).toEqual([
      502,
      {
        error: {
          code: 'upstream_unavailable',
          message: 'The model provider is not available: the server is misconfigured.',
        },
      },
    ]);
  });

  it('/api/config names the provider', async () => {
    const response = await createApp({ rateLimiter: null }).request(
      '/api/config',
      {},
      RESPONSES_ENV,
    );
    expect(await json(response)).toMatchObject({ provider: 'openai-responses', model: 'gpt-4o' });
  });
});

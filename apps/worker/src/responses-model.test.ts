import { EdgechatError } from '@edgechat/core';
import {
  messageItem,
  RECORDED_MODEL,
  responseObject,
  responsesSSE,
  responsesUsage,
  responseStart,
} from '@edgechat/test-support/fixtures';
import { describe, expect, it } from 'vitest';
import { fakeFetch, modelOptions, untilAborted } from './fake-upstream.test-utils.js';
import type { OpenAIModelOptions } from './openai-model.js';
import { PRESETS } from './presets.js';
import { createResponsesModel } from './responses-model.js';
import { UpstreamStatusError } from './upstream-status.js';

const KEY = 'sk-test-responses-model-0123456789';

function options(
  fetch: typeof globalThis.fetch,
  overrides: Partial<OpenAIModelOptions> = {},
): OpenAIModelOptions {
  return modelOptions(fetch, KEY, { preset: PRESETS['openai-responses'], ...overrides });
}

const SSE = responsesSSE([
  ...responseStart('resp_1'),
  ...messageItem('msg_1', 0, ['Hi']),
  {
    type: 'response.completed',
    response: responseObject('resp_1', 'completed', { usage: responsesUsage(3, 1) }),
  },
]);
const chunk = (delta: unknown, finishReason: string | null = null) =>
  JSON.stringify({
    id: 'resp_1',
    object: 'chat.completion.chunk',
    created: 1_767_225_600,
    model: RECORDED_MODEL,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  });
const messages = [
  { role: 'system' as const, content: 'Be brief.' },
  { role: 'user' as const, content: 'hi' },
];
const tools = [
  {
    type: 'function' as const,
    function: { name: 'get_current_time', description: 'd', parameters: { type: 'object' } },
  },
];

describe('createResponsesModel', () => {
  it('POSTs the Responses request through the SDK and answers with a Chat Completions body', async () => {
    const upstream = fakeFetch(
      () =>
        new Response(SSE, {
          headers: { 'content-type': 'text/event-stream', 'content-length': String(SSE.length) },
        }),
    );
    const answer = (await createResponsesModel(options(upstream.fetch))({
      messages,
      tools,
    })) as Response;
    expect([answer.status, answer.headers.get('content-length'), await answer.text()]).toEqual([
      200,
      null,
      `data: ${chunk({ content: 'Hi' })}\n\ndata: ${chunk({}, 'stop')}\n\n` +
        `data: ${JSON.stringify({
          ...(JSON.parse(chunk({})) as object),
          choices: [],
          usage: {
            prompt_tokens: 3,
            completion_tokens: 1,
            total_tokens: 4,
            prompt_tokens_details: { cached_tokens: 0 },
            completion_tokens_details: { reasoning_tokens: 0 },
          },
        })}\n\ndata: [DONE]\n\n`,
    ]);
    expect(upstream.calls.map(({ signal: _signal, headers: _headers, ...call }) => call)).toEqual([
      {
        url: 'https://upstream.example/v1/responses',
        method: 'POST',
        authorization: `Bearer ${KEY}`,
        body: {
          model: 'gpt-4o-mini',
          instructions: 'Be brief.',
          input: [{ role: 'user', content: 'hi' }],
          tools: [
            {
              type: 'function',
              name: 'get_current_time',
              description: 'd',
              parameters: { type: 'object' },
              strict: false,
            },
          ],
          stream: true,
          store: false,
          max_output_tokens: 321,
          temperature: 0.1,
        },
      },
    ]);
  });

  it("rejects an HTTP error with its status only, as Chat Completions does: the upstream's text is dropped", async () => {
    const upstream = fakeFetch(
      () =>
        new Response(JSON.stringify({ error: { message: `Incorrect API key provided: ${KEY}` } }), {
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '7' },
        }),
    );
    const failure = (await createResponsesModel(options(upstream.fetch))({ messages }).catch(
      (error: unknown) => error,
    )) as UpstreamStatusError;
    expect(failure).toBeInstanceOf(UpstreamStatusError);
    expect([failure.status, failure.retryAfter, failure.message, upstream.calls.length]).toEqual([
      429,
      '7',
      'The model provider answered HTTP 429.',
      1,
    ]);
  });

  it('a network failure: a fixed message', async () => {
    const upstream = fakeFetch(() => Promise.reject(new TypeError(`connect ECONNREFUSED ${KEY}`)));
    const failure = await createResponsesModel(options(upstream.fetch))({ messages }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(EdgechatError);
    expect(failure).toMatchObject({ code: 'upstream_unreachable' });
  });

  it('passes an abort on to the request and rejects with the signal’s reason', async () => {
    const upstream = fakeFetch((call) => untilAborted(call.signal));
    const controller = new AbortController();
    const answer = createResponsesModel(options(upstream.fetch))({
      messages,
      signal: controller.signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const reason = new DOMException('client went away', 'AbortError');
    controller.abort(reason);
    await expect(answer).rejects.toBe(reason);
    expect(upstream.calls[0]?.signal?.aborted).toBe(true);
  });

  it('the idle timeout errors the translated body with a TimeoutError, and aborts the request', async () => {
    const upstream = fakeFetch((call) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(
            new TextEncoder().encode(SSE.slice(0, SSE.indexOf('response.output_text.done'))),
          );
          call.signal?.addEventListener('abort', () => controller.error(call.signal?.reason));
        },
      });
      return new Response(body);
    });
    const answer = (await createResponsesModel(options(upstream.fetch, { idleTimeoutMs: 100 }))({
      messages,
    })) as Response;
    const failure = await answer.text().catch((error: unknown) => error);
    expect(failure).toMatchObject({
      name: 'TimeoutError',
      message: 'The model stopped answering for 0.1 s.',
    });
    expect(upstream.calls[0]?.signal?.aborted).toBe(true);
  });

  it('cancelling the body cancels the upstream body', async () => {
    let cancelled: unknown;
    const upstream = fakeFetch(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({ cancel: (reason) => void (cancelled = reason) }),
        ),
    );
    const answer = (await createResponsesModel(options(upstream.fetch))({ messages })) as Response;
    await answer.body?.cancel('stop');
    expect(cancelled).toBe('stop');
  });
});

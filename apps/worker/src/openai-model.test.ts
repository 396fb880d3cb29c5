import { EdgechatError } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { createOpenAIModel, type OpenAIModelOptions } from './openai-model.js';
import { PRESETS } from './presets.js';
import { fakeFetch, modelOptions, untilAborted } from './fake-upstream.test-utils.js';
import { UpstreamStatusError } from './upstream-status.js';

const KEY = 'sk-test-openai-model-0123456789';

function options(
  fetch: typeof globalThis.fetch,
  overrides: Partial<OpenAIModelOptions> = {},
): OpenAIModelOptions {
  return modelOptions(fetch, KEY, { ...overrides });
}

const SSE =
  'data: {"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[]}\n\ndata: [DONE]\n\n';
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

async function text(source: Response | ReadableStream<Uint8Array>): Promise<string> {
  return new Response(source instanceof Response ? source.body : source).text();
}

function timeoutError(message: string) {
  return expect.objectContaining({ name: 'TimeoutError', message });
}

describe('createOpenAIModel', () => {
  it('sends the Chat Completions request the issue names, and hands back the raw SSE body', async () => {
    const upstream = fakeFetch(
      () => new Response(SSE, { headers: { 'content-type': 'text/event-stream' } }),
    );
    const model = createOpenAIModel(options(upstream.fetch));
    const answer = await model({ messages, tools });
    expect(answer).toBeInstanceOf(Response);
    expect([(answer as Response).status, await text(answer)]).toEqual([200, SSE]);
    expect(upstream.calls.map(({ signal: _signal, headers: _headers, ...call }) => call)).toEqual([
      {
        url: 'https://upstream.example/v1/chat/completions',
        method: 'POST',
        authorization: `Bearer ${KEY}`,
        body: {
          model: 'gpt-4o-mini',
          messages,
          tools,
          stream: true,
          stream_options: { include_usage: true },
          temperature: 0.1,
          max_tokens: 321,
        },
      },
    ]);
  });

  it('asks each preset\u2019s service the way it takes it', async () => {
    const upstream = fakeFetch(() => new Response(SSE));
    const ask = async (overrides: Partial<OpenAIModelOptions>) => {
      await createOpenAIModel(options(upstream.fetch, overrides))({ messages });
      const call = upstream.calls.at(-1);
      const {
        model: _model,
        messages: _messages,
        stream: _stream,
        ...rest
      } = call?.body as Record<string, unknown>;
      return {
        url: call?.url,
        authorization: call?.authorization,
        apiKey: call?.headers.get('api-key') ?? undefined,
        referer: call?.headers.get('http-referer') ?? undefined,
        title: call?.headers.get('x-title') ?? undefined,
        body: rest,
      };
    };
    expect({
      o3: await ask({ model: 'o3-mini' }),
      groq: await ask({ preset: PRESETS.groq }),
      openrouter: await ask({
        preset: PRESETS.openrouter,
        presetSettings: { siteURL: 'https://chat.example', siteName: 'edgechat' },
      }),
      ollama: await ask({ preset: PRESETS.ollama, apiKey: '' }),
      azure: await ask({
        preset: PRESETS.azure,
        baseURL: 'https://r.openai.azure.com/openai/deployments/gpt-4o',
      }),
    }).toEqual({
      o3: {
        url: 'https://upstream.example/v1/chat/completions',
        authorization: `Bearer ${KEY}`,
        body: { stream_options: { include_usage: true }, max_completion_tokens: 321 },
      },
      groq: {
        url: 'https://upstream.example/v1/chat/completions',
        authorization: `Bearer ${KEY}`,
        body: { temperature: 0.1, max_completion_tokens: 321 },
      },
      openrouter: {
        url: 'https://upstream.example/v1/chat/completions',
        authorization: `Bearer ${KEY}`,
        referer: 'https://chat.example',
        title: 'edgechat',
        body: { stream_options: { include_usage: true }, temperature: 0.1, max_tokens: 321 },
      },
      ollama: {
        url: 'https://upstream.example/v1/chat/completions',
        authorization: 'Bearer none',
        body: { stream_options: { include_usage: true }, temperature: 0.1, max_tokens: 321 },
      },
      azure: {
        url: 'https://r.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21',
        authorization: null,
        apiKey: KEY,
        body: { stream_options: { include_usage: true }, temperature: 0.1, max_tokens: 321 },
      },
    });
  });

  it('sends the reasoning of a tool-call turn back to DeepSeek only', async () => {
    const call = { id: 'c1', type: 'function' as const, function: { name: 'f', arguments: '{}' } };
    const turn = [
      ...messages,
      {
        role: 'assistant' as const,
        content: null,
        reasoning_content: 'Think.',
        tool_calls: [call],
      },
      { role: 'tool' as const, tool_call_id: 'c1', content: '1' },
    ];
    const sent = async (preset: (typeof PRESETS)[keyof typeof PRESETS]) => {
      const upstream = fakeFetch(() => new Response(SSE));
      await createOpenAIModel(options(upstream.fetch, { preset }))({ messages: turn });
      return (upstream.calls[0]?.body as { messages: unknown[] }).messages[2];
    };
    expect(await sent(PRESETS.deepseek)).toEqual(turn[2]);
    expect(await sent(PRESETS.openai)).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [call],
    });
  });

  it('sends no `tools` key when the step has none', async () => {
    const upstream = fakeFetch(() => new Response(SSE));
    await createOpenAIModel(options(upstream.fetch))({ messages });
    expect(Object.keys(upstream.calls[0]?.body as object)).toEqual([
      'model',
      'messages',
      'stream',
      'stream_options',
      'temperature',
      'max_tokens',
    ]);
  });

  it("rejects an HTTP error with its status only: the upstream's text (which may quote the key) is dropped", async () => {
    const upstream = fakeFetch(
      () =>
        new Response(JSON.stringify({ error: { message: `Incorrect API key provided: ${KEY}` } }), {
          status: 401,
          headers: { 'content-type': 'application/json', 'x-request-id': 'req_1' },
        }),
    );
    const failure = await createOpenAIModel(options(upstream.fetch))({ messages }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(UpstreamStatusError);
    expect(failure).toBeInstanceOf(EdgechatError);
    expect([
      (failure as UpstreamStatusError).code,
      (failure as UpstreamStatusError).status,
      (failure as UpstreamStatusError).retryAfter,
      (failure as Error).message,
      (failure as Error).cause,
    ]).toEqual(['http_error', 401, null, 'The model provider answered HTTP 401.', undefined]);
  });

  it('keeps retry-after of a 429, and does not retry it (nor a 500)', async () => {
    for (const [status, retryAfter] of [
      [429, '12'],
      [500, null],
    ] as const) {
      const headers: Record<string, string> =
        retryAfter === null ? {} : { 'retry-after': retryAfter };
      const upstream = fakeFetch(() => new Response('{}', { status, headers }));
      const failure = (await createOpenAIModel(options(upstream.fetch))({ messages }).catch(
        (error: unknown) => error,
      )) as UpstreamStatusError;
      expect([failure.status, failure.retryAfter, upstream.calls.length]).toEqual([
        status,
        retryAfter,
        1,
      ]);
    }
  });

  it('rejects a network failure with a fixed message (no URL, no cause text)', async () => {
    const upstream = fakeFetch(() => Promise.reject(new TypeError(`connect ECONNREFUSED ${KEY}`)));
    const failure = await createOpenAIModel(options(upstream.fetch))({ messages }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(EdgechatError);
    expect(failure).toMatchObject({
      code: 'upstream_unreachable',
      message: 'The model provider could not be reached.',
    });
    expect((failure as Error).cause).toBeUndefined();
  });

  it('passes an abort on to the request and rejects with the signal’s reason', async () => {
    const upstream = fakeFetch((call) => untilAborted(call.signal));
    const controller = new AbortController();
    const answer = createOpenAIModel(options(upstream.fetch))({
      messages,
      signal: controller.signal,
    });
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const reason = new DOMException('client went away', 'AbortError');
    controller.abort(reason);
    await expect(answer).rejects.toBe(reason);
    expect(upstream.calls[0]?.signal?.aborted).toBe(true);
  });

  it('rejects at once when the signal already fired', async () => {
    const upstream = fakeFetch(() => new Response(SSE));
    const reason = new DOMException('gone', 'AbortError');
    await expect(
      createOpenAIModel(options(upstream.fetch))({ messages, signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
  });

  it('first-byte timeout before the headers: aborts the request, rejects with a TimeoutError', async () => {
    const upstream = fakeFetch((call) => untilAborted(call.signal));
    const started = Date.now();
    const failure = await createOpenAIModel(options(upstream.fetch, { firstByteTimeoutMs: 100 }))({
      messages,
    }).catch((error: unknown) => error);
    expect(failure).toEqual(timeoutError('The model did not answer within 0.1 s.'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(upstream.calls[0]?.signal?.aborted).toBe(true);
  });

  it('first-byte timeout after the headers: the body errors with a TimeoutError and the request is aborted', async () => {
    const upstream = fakeFetch((call) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          call.signal?.addEventListener('abort', () => controller.error(call.signal?.reason));
        },
      });
      return new Response(body);
    });
    const answer = (await createOpenAIModel(options(upstream.fetch, { firstByteTimeoutMs: 100 }))({
      messages,
    })) as Response;
    const failure = await answer.text().catch((error: unknown) => error);
    expect(failure).toEqual(timeoutError('The model did not answer within 0.1 s.'));
    expect(upstream.calls[0]?.signal?.aborted).toBe(true);
  });

  it('idle timeout between chunks, counted only while the body is being read', async () => {
    const upstream = fakeFetch((call) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('data: {}\n\n'));
          call.signal?.addEventListener('abort', () => controller.error(call.signal?.reason));
        },
      });
      return new Response(body);
    });
    const answer = (await createOpenAIModel(options(upstream.fetch, { idleTimeoutMs: 100 }))({
      messages,
    })) as Response;
    const reader = (answer.body as ReadableStream<Uint8Array>).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: {}\n\n');
    // A slow consumer: no read for longer than the idle timeout is not a timeout.
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(upstream.calls[0]?.signal?.aborted).toBe(false);
    const started = Date.now();
    await expect(reader.read()).rejects.toEqual(
      timeoutError('The model stopped answering for 0.1 s.'),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('cancelling the body cancels the upstream body', async () => {
    let cancelled: unknown;
    const upstream = fakeFetch(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            cancel(reason) {
              cancelled = reason;
            },
          }),
        ),
    );
    const answer = (await createOpenAIModel(options(upstream.fetch))({ messages })) as Response;
    await answer.body?.cancel('stop');
    expect(cancelled).toBe('stop');
  });
});

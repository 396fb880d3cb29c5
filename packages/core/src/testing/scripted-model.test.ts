import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OpenAIMessage, ToolDefinition } from '../openai/types.js';
import { createScriptedModel } from './scripted-model.js';

const user: OpenAIMessage[] = [{ role: 'user', content: 'hi' }];

async function bodyText(source: Response | ReadableStream<Uint8Array>): Promise<string> {
  return new Response(source instanceof Response ? source.body : source).text();
}

/** The body's `data:` payloads: parsed JSON, or the literal `[DONE]`. */
async function dataFrames(source: Response | ReadableStream<Uint8Array>): Promise<unknown[]> {
  const text = await bodyText(source);
  expect(text.endsWith('\n\n')).toBe(true);
  return text
    .split('\n\n')
    .filter((frame) => frame !== '')
    .map((frame) => {
      expect(frame.startsWith('data: ')).toBe(true);
      const data = frame.slice('data: '.length);
      return data === '[DONE]' ? data : (JSON.parse(data) as unknown);
    });
}

/** The chunk fields a test cares about: the delta and finish reason of choice 0, or usage. */
function summary(frame: unknown): unknown {
  if (frame === '[DONE]' || typeof frame !== 'object' || frame === null) return frame;
  if ('error' in frame) return frame;
  const chunk = frame as {
    id: string;
    choices: { delta: unknown; finish_reason: string | null }[];
    usage?: unknown;
  };
  const choice = chunk.choices[0];
  if (choice === undefined) return { usage: chunk.usage };
  return choice.finish_reason === null
    ? { delta: choice.delta }
    : { delta: choice.delta, finish: choice.finish_reason };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createScriptedModel', () => {
  it('answers text with the exact bytes OpenAI sends', async () => {
    const model = createScriptedModel([{ text: 'Hi' }]);
    const response = await model({ messages: user });
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).headers.get('content-type')).toBe(
      'text/event-stream; charset=utf-8',
    );
    const chunk = (delta: string, finish: string | null) =>
      `data: {"id":"chatcmpl-scripted-1","object":"chat.completion.chunk","created":1750000000,` +
      `"model":"gpt-4o-2024-08-06","service_tier":"default","system_fingerprint":"fp_test",` +
      `"choices":[{"index":0,"delta":${delta},"logprobs":null,"finish_reason":${finish}}]}\n\n`;
    expect(await bodyText(response)).toBe(
      chunk('{"role":"assistant","content":"","refusal":null}', 'null') +
        chunk('{"content":"Hi"}', 'null') +
        chunk('{}', '"stop"') +
        'data: [DONE]\n\n',
    );
  });

  it('sends text pieces, refusal, tool calls with numbered ids, finish reason and usage', async () => {
    const usage = { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 };
    const model = createScriptedModel([
      {
        text: ['Let me ', 'check.'],
        refusal: 'No.',
        toolCalls: [
          { name: 'a', arguments: { x: 1 } },
          { name: 'b', arguments: ['{"y":', '2}'] },
          { id: 'mine', name: 'c' },
        ],
        usage,
      },
      { toolCalls: [{ name: 'a', arguments: '{}' }], finishReason: 'stop' },
    ]);
    const first = (await dataFrames(await model({ messages: user }))).map(summary);
    expect(first).toEqual([
      { delta: { role: 'assistant', content: '', refusal: null } },
      { delta: { content: 'Let me ' } },
      { delta: { content: 'check.' } },
      { delta: { refusal: 'No.' } },
      {
        delta: {
          tool_calls: [
            { index: 0, id: 'call_1', type: 'function', function: { name: 'a', arguments: '' } },
          ],
        },
      },
      { delta: { tool_calls: [{ index: 0, function: { arguments: '{"x":1}' } }] } },
      {
        delta: {
          tool_calls: [
            { index: 1, id: 'call_2', type: 'function', function: { name: 'b', arguments: '' } },
          ],
        },
      },
      { delta: { tool_calls: [{ index: 1, function: { arguments: '{"y":' } }] } },
      { delta: { tool_calls: [{ index: 1, function: { arguments: '2}' } }] } },
      {
        delta: {
          tool_calls: [
            { index: 2, id: 'mine', type: 'function', function: { name: 'c', arguments: '' } },
          ],
        },
      },
      { delta: {}, finish: 'tool_calls' },
      { usage },
      '[DONE]',
    ]);
    const second = (await dataFrames(await model({ messages: user }))).map(summary);
    expect(second).toEqual([
      { delta: { role: 'assistant', content: null, refusal: null } },
      {
        delta: {
          tool_calls: [
            { index: 0, id: 'call_3', type: 'function', function: { name: 'a', arguments: '' } },
          ],
        },
      },
      { delta: { tool_calls: [{ index: 0, function: { arguments: '{}' } }] } },
      { delta: {}, finish: 'stop' },
      '[DONE]',
    ]);
  });

  it('leaves out the finish reason when it is null', async () => {
    const model = createScriptedModel([{ text: 'x', finishReason: null }]);
    expect((await dataFrames(await model({ messages: user }))).map(summary)).toEqual([
      { delta: { role: 'assistant', content: '', refusal: null } },
      { delta: { content: 'x' } },
      '[DONE]',
    ]);
  });

  it('answers an HTTP error with an OpenAI error body, or the body given', async () => {
    const model = createScriptedModel([
      { error: { status: 429 } },
      { error: { status: 401, body: { error: { message: 'bad key sk-test-SECRET' } } } },
      { error: { status: 502, body: '<html>bad gateway</html>' } },
    ]);
    const responses = [
      (await model({ messages: user })) as Response,
      (await model({ messages: user })) as Response,
      (await model({ messages: user })) as Response,
    ];
    expect(
      await Promise.all(
        responses.map(async (r) => [r.status, r.headers.get('content-type'), await r.text()]),
      ),
    ).toEqual([
      [
        429,
        'application/json',
        '{"error":{"message":"Scripted HTTP 429","type":"api_error","code":null}}',
      ],
      [401, 'application/json', '{"error":{"message":"bad key sk-test-SECRET"}}'],
      [502, 'application/json', '<html>bad gateway</html>'],
    ]);
  });

  it('sends a mid-stream error frame after the content, then ends', async () => {
    const model = createScriptedModel([
      {
        text: 'partial',
        errorFrame: { message: 'overloaded' },
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      },
    ]);
    expect((await dataFrames(await model({ messages: user }))).map(summary)).toEqual([
      { delta: { role: 'assistant', content: '', refusal: null } },
      { delta: { content: 'partial' } },
      { error: { message: 'overloaded', type: 'server_error', param: null, code: null } },
    ]);
  });

  it('truncates: content only, no finish reason, usage or [DONE]', async () => {
    const model = createScriptedModel([
      { toolCalls: [{ name: 'a', arguments: '{"x"' }], truncate: true },
    ]);
    expect((await dataFrames(await model({ messages: user }))).map(summary)).toEqual([
      { delta: { role: 'assistant', content: null, refusal: null } },
      {
        delta: {
          tool_calls: [
            { index: 0, id: 'call_1', type: 'function', function: { name: 'a', arguments: '' } },
          ],
        },
      },
      { delta: { tool_calls: [{ index: 0, function: { arguments: '{"x"' } }] } },
    ]);
  });

  it('sends raw frames when given, then [DONE]', async () => {
    const model = createScriptedModel([{ frames: [': keep-alive\n\n', 'data: nope\n\n'] }]);
    expect(await bodyText(await model({ messages: user }))).toBe(
      ': keep-alive\n\ndata: nope\n\ndata: [DONE]\n\n',
    );
  });

  it('hangs after the content until the body is cancelled, and counts the cancel', async () => {
    const model = createScriptedModel([{ text: 'wait', hang: true }], { as: 'stream' });
    const body = (await model({ messages: user })) as ReadableStream<Uint8Array>;
    expect(body).toBeInstanceOf(ReadableStream);
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (let i = 0; i < 2; i++) text += decoder.decode((await reader.read()).value);
    expect(text).toContain('"content":"wait"');
    const pending = reader.read();
    const raced = await Promise.race([
      pending,
      new Promise((r) => setTimeout(() => r('pending'), 20)),
    ]);
    expect([raced, model.cancelled]).toEqual(['pending', 0]);
    await reader.cancel('bye');
    expect([await pending, model.cancelled]).toEqual([{ done: true, value: undefined }, 1]);
  });

  it('counts a cancel of a Response body too', async () => {
    const model = createScriptedModel([{ text: 'x' }, { text: 'y' }]);
    const first = (await model({ messages: user })) as Response;
    await first.text();
    const second = (await model({ messages: user })) as Response;
    await second.body?.cancel();
    expect(model.cancelled).toBe(1);
  });

  it('cuts the bytes where asked, per model or per step', async () => {
    const model = createScriptedModel([{ text: 'abc' }, { text: 'abc', split: [3] }], {
      split: [1, 2],
      as: 'stream',
    });
    const piecesOf = async (body: ReadableStream<Uint8Array>) => {
      const sizes: number[] = [];
      const reader = body.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        sizes.push(read.value.length);
      }
      return sizes;
    };
    const first = await piecesOf((await model({ messages: user })) as ReadableStream<Uint8Array>);
    const second = await piecesOf((await model({ messages: user })) as ReadableStream<Uint8Array>);
    expect([first.slice(0, 2), first.length, second[0], second.length]).toEqual([[1, 1], 3, 3, 2]);
  });

  it('paces pieces by delayMs', async () => {
    vi.useFakeTimers();
    const model = createScriptedModel([{ text: 'x' }], { delayMs: 50, as: 'stream' });
    const reader = ((await model({ messages: user })) as ReadableStream<Uint8Array>).getReader();
    let arrived = false;
    const read = reader.read().then((r) => (arrived = !r.done));
    await vi.advanceTimersByTimeAsync(49);
    expect(arrived).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await read;
    expect(arrived).toBe(true);
    await reader.cancel();
  });

  it('records deep copies of the requests, with tools only when sent', async () => {
    const tools: ToolDefinition[] = [{ type: 'function', function: { name: 'a', parameters: {} } }];
    const messages: OpenAIMessage[] = [{ role: 'user', content: 'one' }];
    const signal = new AbortController().signal;
    const model = createScriptedModel([{ text: 'x' }, { text: 'y' }]);
    await model({ messages, tools, signal });
    messages.push({ role: 'assistant', content: 'x' });
    tools.pop();
    await model({ messages });
    expect(model.requests).toEqual([
      {
        messages: [{ role: 'user', content: 'one' }],
        tools: [{ type: 'function', function: { name: 'a', parameters: {} } }],
      },
      {
        messages: [
          { role: 'user', content: 'one' },
          { role: 'assistant', content: 'x' },
        ],
      },
    ]);
    expect(['tools' in model.requests[0]!, 'tools' in model.requests[1]!]).toEqual([true, false]);
    expect(model.signals).toEqual([signal, undefined]);
  });

  it('answers a step given as a function of the request and the call number', async () => {
    const seen: [string, number][] = [];
    const model = createScriptedModel([
      (request, call) => {
        const last = request.messages.at(-1);
        seen.push([typeof last?.content === 'string' ? last.content : '', call]);
        return { text: `echo ${call}` };
      },
    ]);
    const frames = (await dataFrames(await model({ messages: user }))).map(summary);
    expect([seen, frames[1]]).toEqual([[['hi', 0]], { delta: { content: 'echo 0' } }]);
  });

  it('rejects a call beyond the script with a clear error', async () => {
    const model = createScriptedModel([{ text: 'x' }]);
    await model({ messages: user });
    await expect(model({ messages: user })).rejects.toThrow(
      'createScriptedModel: call 2 but the script has only 1 step(s)',
    );
    expect(model.requests).toHaveLength(2);
  });

  it('rejects with the reason when the signal has already fired, as fetch does', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    controller.abort(reason);
    const model = createScriptedModel([{ text: 'x' }]);
    await expect(model({ messages: user, signal: controller.signal })).rejects.toBe(reason);
  });
});

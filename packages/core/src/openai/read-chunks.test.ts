import { describe, expect, test } from 'vitest';
import {
  chatCompletionChunk as chunk,
  encodeChatCompletionStream,
} from './encode-chat-completion-stream.js';
import { recordingSource, summarizeError } from './openai.test-utils.js';
import { readChatCompletionChunks } from './read-chunks.js';
import type { ChatCompletionChunk, ChatCompletionSource, StreamOptions } from './types.js';

/** Reads to the end; returns the chunks and what was thrown (summarised). */
async function read(source: ChatCompletionSource, options?: StreamOptions) {
  const chunks: ChatCompletionChunk[] = [];
  try {
    for await (const c of readChatCompletionChunks(source, options)) chunks.push(c);
    return { chunks };
  } catch (error) {
    return { chunks, error: summarizeError(error) };
  }
}

const hello = chunk({ content: 'Hello' });
const stop = chunk({}, { finishReason: 'stop' });
const frame = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;

describe('the chunks', () => {
  test('yields each chunk in order, the usage chunk with choices [] too, and stops at [DONE]', async () => {
    const usage = chunk(null, {
      usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
    });
    expect(await read(encodeChatCompletionStream([hello, stop, usage]))).toEqual({
      chunks: [hello, stop, usage],
    });
  });

  test('[DONE] ends the reading: what follows is not read, and the body is cancelled', async () => {
    const { stream, log } = recordingSource(
      [frame(hello) + 'data: [DONE]\n\n' + frame(stop), frame(stop)],
      { then: 'hang' },
    );
    expect(await read(stream)).toEqual({ chunks: [hello] });
    expect(log).toEqual({ pulls: 1, cancels: [undefined] });
  });

  test('a body that simply ends (no [DONE]) is not an error at this level', async () => {
    expect(await read(encodeChatCompletionStream([hello], { done: false }))).toEqual({
      chunks: [hello],
    });
  });

  test('a last frame without its blank line is still read, [DONE] included', async () => {
    const { stream, log } = recordingSource([`data: ${JSON.stringify(hello)}\n\ndata: [DONE]`]);
    expect(await read(stream)).toEqual({ chunks: [hello] });
    expect(log.cancels).toEqual([]);
  });

  test('comments, keep-alives and events with other names are skipped; `choices` absent reads as []', async () => {
    const stream = encodeChatCompletionStream([
      ': OPENROUTER PROCESSING\n\n',
      'event: ping\ndata: {"type":"ping"}\n\n',
      hello,
      ': keep-alive\n\n',
      'data: {"id":"x","object":"chat.completion.chunk","obfuscation":"abc"}\n\n',
    ]);
    expect(await read(stream)).toEqual({
      chunks: [
        hello,
        { id: 'x', object: 'chat.completion.chunk', obfuscation: 'abc', choices: [] },
      ],
    });
  });

  test('a non-streaming chat.completion body is read as one equivalent chunk', async () => {
    const completion = {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1,
      model: 'gpt-4o',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: null,
            refusal: null,
            tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }],
            annotations: [],
          },
          logprobs: null,
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
    };
    const response = Response.json(completion);
    expect(await read(response)).toEqual({
      chunks: [
        {
          id: 'chatcmpl-1',
          object: 'chat.completion.chunk',
          created: 1,
          model: 'gpt-4o',
          choices: [
            {
              index: 0,
              delta: {
                role: 'assistant',
                tool_calls: [
                  { index: 0, id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } },
                ],
              },
              finish_reason: 'tool_calls',
            },
          ],
          usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
        },
      ],
    });
  });

  test.each([
    ['with a content-type', { 'content-type': 'application/json' }],
    ['sniffed', { 'content-type': 'text/plain' }],
  ])('a chat.completion body that starts with a BOM is read too (%s)', async (_, headers) => {
    const body = '\ufeff{"id":"c","object":"chat.completion","created":1,"model":"m","choices":[]}';
    expect(await read(new Response(body, { headers }))).toEqual({
      chunks: [{ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [] }],
    });
  });
});

describe('errors', () => {
  test('non-2xx Response → http_error with the status and the API error message', async () => {
    const body = {
      error: {
        message: 'Rate limit reached for gpt-4o in organization org-x on tokens per min (TPM).',
        type: 'tokens',
        param: null,
        code: 'rate_limit_exceeded',
      },
    };
    const response = Response.json(body, { status: 429, statusText: 'Too Many Requests' });
    expect(await read(response)).toEqual({
      chunks: [],
      error: {
        code: 'http_error',
        status: 429,
        message: '429 Rate limit reached for gpt-4o in organization org-x on tokens per min (TPM).',
      },
    });
  });

  test.each([
    ['an HTML page', '<html>Bad gateway</html>', 'Bad Gateway', '502 Bad Gateway'],
    ['an empty body', '', 'Bad Gateway', '502 Bad Gateway'],
    ['no status text either', '', '', '502'],
    ['{"message": …}', '{"message":"upstream timed out"}', 'Bad Gateway', '502 upstream timed out'],
  ])('non-2xx with %s → the status text stands in', async (_, text, statusText, message) => {
    const response = new Response(text, { status: 502, statusText });
    expect(await read(response)).toEqual({
      chunks: [],
      error: { code: 'http_error', status: 502, message },
    });
  });

  test('the error body is read up to 64 KB, then cancelled', async () => {
    const piece = new Uint8Array(16 * 1024).fill(0x61);
    const { stream, log } = recordingSource(Array.from({ length: 64 }, () => piece));
    const response = new Response(stream, { status: 500, statusText: 'Internal Server Error' });
    expect(await read(response)).toEqual({
      chunks: [],
      error: { code: 'http_error', status: 500, message: '500 Internal Server Error' },
    });
    expect(log).toEqual({ pulls: 4, cancels: [undefined] });
  });

  test('a data line that is not JSON → invalid_chunk, quoting at most 200 characters', async () => {
    const long = `{"id":"${'x'.repeat(300)}`;
    expect(await read(encodeChatCompletionStream([hello, `data: ${long}\n\n`, stop]))).toEqual({
      chunks: [hello],
      error: { code: 'invalid_chunk', message: `data line is not JSON: ${long.slice(0, 200)}…` },
    });
    expect(await read(encodeChatCompletionStream(['data: oops\n\n']))).toEqual({
      chunks: [],
      error: { code: 'invalid_chunk', message: 'data line is not JSON: oops' },
    });
  });

  test.each([
    ['a number', '42', 'data line is not a chunk object: 42'],
    ['an array', '[1]', 'data line is not a chunk object: [1]'],
    ['null', 'null', 'data line is not a chunk object: null'],
    ['choices not an array', '{"choices":{}}', 'chunk "choices" is not an array: {"choices":{}}'],
  ])('JSON that is not a chunk (%s) → invalid_chunk', async (_, data, message) => {
    expect(await read(encodeChatCompletionStream([`data: ${data}\n\n`]))).toEqual({
      chunks: [],
      error: { code: 'invalid_chunk', message },
    });
  });

  test('an {"error": …} frame → upstream_error with its message, after the chunks before it', async () => {
    const error = {
      message: 'The server had an error.',
      type: 'server_error',
      param: null,
      code: null,
    };
    const { stream, log } = recordingSource([frame(hello) + frame({ error }) + frame(stop)], {
      then: 'hang',
    });
    expect(await read(stream)).toEqual({
      chunks: [hello],
      error: { code: 'upstream_error', message: 'The server had an error.' },
    });
    expect(log.cancels).toEqual([undefined]);
  });

  test('OpenRouter-style error inside a chunk, and an `event: error`, are upstream errors too', async () => {
    const openRouter = { ...hello, error: { code: 502, message: 'Provider disconnected' } };
    expect(await read(encodeChatCompletionStream([openRouter]))).toEqual({
      chunks: [],
      error: { code: 'upstream_error', message: 'Provider disconnected' },
    });
    const named = 'event: error\ndata: {"error":{"message":"overloaded"}}\n\n';
    expect(await read(encodeChatCompletionStream([hello, named]))).toEqual({
      chunks: [hello],
      error: { code: 'upstream_error', message: 'overloaded' },
    });
    expect(await read(encodeChatCompletionStream(['event: error\ndata: plain words\n\n']))).toEqual(
      {
        chunks: [],
        error: { code: 'upstream_error', message: 'plain words' },
      },
    );
  });

  test('a body that fails mid-read → stream_truncated with the failure as cause', async () => {
    const failure = new TypeError('terminated');
    const { stream } = recordingSource([frame(hello)], { then: failure });
    const chunks: ChatCompletionChunk[] = [];
    const error = await (async () => {
      for await (const c of readChatCompletionChunks(stream)) chunks.push(c);
    })().catch((e: unknown) => e);
    expect(chunks).toEqual([hello]);
    expect(summarizeError(error)).toEqual({
      code: 'stream_truncated',
      message: 'the response body failed: terminated',
    });
    expect((error as Error).cause).toBe(failure);
  });

  test('a body that ends inside a data line → stream_truncated', async () => {
    const cut = frame(hello) + 'data: {"id":"chatcmpl-1","choi';
    expect(await read(encodeChatCompletionStream([cut], { done: false }))).toEqual({
      chunks: [hello],
      error: { code: 'stream_truncated', message: 'the stream ended in the middle of a data line' },
    });
  });

  test('a JSON body that is not a chat.completion → invalid_response; with error → upstream_error', async () => {
    expect(await read(Response.json({ hello: 'world' }))).toEqual({
      chunks: [],
      error: {
        code: 'invalid_response',
        message: 'body is neither an event stream nor a chat.completion: {"hello":"world"}',
      },
    });
    expect(await read(Response.json({ error: { message: 'bad key' } }))).toEqual({
      chunks: [],
      error: { code: 'upstream_error', message: 'bad key' },
    });
  });
});

describe('abort and early exit', () => {
  test('abort while waiting: the body is cancelled (cancel() runs) and AbortError is thrown', async () => {
    const { stream, log } = recordingSource([frame(hello)], { then: 'hang' });
    const controller = new AbortController();
    const chunks: ChatCompletionChunk[] = [];
    const reading = (async () => {
      for await (const c of readChatCompletionChunks(stream, { signal: controller.signal })) {
        chunks.push(c);
        setTimeout(() => controller.abort(), 5);
      }
    })();
    const error = await reading.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(chunks).toEqual([hello]);
    expect(log.cancels).toHaveLength(1);
    expect(log.cancels[0]).toBe(error);
  });

  test("abort with a reason throws that reason; a Response's body is cancelled", async () => {
    const { stream, log } = recordingSource([frame(hello)], { then: 'hang' });
    const controller = new AbortController();
    const reason = new Error('user pressed stop');
    const generator = readChatCompletionChunks(new Response(stream), { signal: controller.signal });
    expect(await generator.next()).toEqual({ done: false, value: hello });
    const next = generator.next();
    controller.abort(reason);
    await expect(next).rejects.toBe(reason);
    expect(log.cancels).toHaveLength(1);
  });

  test('a signal aborted before reading: nothing is read, the body is cancelled', async () => {
    const { stream, log } = recordingSource([frame(hello)]);
    const reason = new Error('too late');
    expect(await read(stream, { signal: AbortSignal.abort(reason) })).toEqual({
      chunks: [],
      error: reason,
    });
    expect(log).toEqual({ pulls: 0, cancels: [reason] });
  });

  test('breaking out of the loop cancels the body', async () => {
    const { stream, log } = recordingSource([frame(hello), frame(stop)], { then: 'hang' });
    for await (const c of readChatCompletionChunks(stream)) {
      expect(c).toEqual(hello);
      break;
    }
    expect(log).toEqual({ pulls: 1, cancels: [undefined] });
  });

  test('after a normal end, the abort listener is gone and nothing is cancelled', async () => {
    const { stream, log } = recordingSource([frame(hello), 'data: [DONE]']);
    const controller = new AbortController();
    expect(await read(stream, { signal: controller.signal })).toEqual({ chunks: [hello] });
    controller.abort();
    expect(log.cancels).toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bytesStream, runJoined } from './openai.test-utils.js';
import { collectChatCompletion } from './collect.js';
import { readChatCompletionChunks } from './read-chunks.js';
import type { StreamChatCompletionOptions } from './stream.js';
import type { ChatCompletionChunk } from './types.js';

// Recorded-style streams: the bytes of real responses of OpenAI and the compatible services
// (the quirks corpus: Azure, Ollama, vLLM, OpenRouter, DeepSeek, Groq, Gemini, LM Studio),
// field for field. Each `<name>.sse` has a `<name>.expected.json`, checked by hand: the events
// with consecutive deltas joined (partialInput as it was when the joined run's last delta
// arrived), and either the final result or the error; `options`, when present, are the
// reader's (`thinkTags` for servers that answer in <think> tags).
const dir = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const names = readdirSync(dir)
  .filter((file) => file.endsWith('.sse'))
  .map((file) => file.slice(0, -'.sse'.length))
  .sort();

interface Expected {
  options?: StreamChatCompletionOptions;
  events: unknown[];
  result?: unknown;
  error?: unknown;
}

const fixtures = names.map((name) => {
  const { options = {}, ...expected } = JSON.parse(
    readFileSync(`${dir}${name}.expected.json`, 'utf8'),
  ) as Expected;
  return { name, bytes: new Uint8Array(readFileSync(`${dir}${name}.sse`)), options, expected };
});

test('every fixture has its expected file, and all the listed cases are there', () => {
  expect(names).toEqual([
    'azure-content-filter',
    'azure-content-filtered',
    'crlf',
    'deepseek-reasoning',
    'empty-arguments',
    'error-frame',
    'groq-reasoning',
    'interleaved-tool-calls',
    'keep-alive',
    'korean-emoji',
    'n-2',
    'ollama-tool-call',
    'openrouter-error',
    'openrouter-reasoning',
    'parallel-tool-calls',
    'plain-content',
    'refusal',
    'stop-with-tool-calls',
    'think-tags',
    'tool-call-no-id',
    'tool-name-late',
    'truncated',
    'usage',
    'vllm-error-object',
    'vllm-index-zero',
    'vllm-reasoning',
  ]);
});

describe.each(fixtures)('$name.sse', ({ bytes, options, expected }) => {
  test('gives exactly the expected events and result (or error)', async () => {
    expect(await runJoined(bytesStream(bytes), options)).toEqual(expected);
  });

  test('collectChatCompletion gives the same result (or error)', async () => {
    const outcome = await collectChatCompletion(bytesStream(bytes), options).then(
      (result) => ({ result }),
      (error: unknown) => ({ error: summarize(error) }),
    );
    expect(outcome).toEqual(
      expected.error === undefined ? { result: expected.result } : { error: expected.error },
    );
  });

  test('cut at every single byte offset: the same events and result', async () => {
    for (let offset = 1; offset < bytes.length; offset++) {
      const outcome = await runJoined(bytesStream(bytes, [offset]), options);
      if (!isEqual(outcome, expected)) expect({ offset, outcome }).toEqual({ offset, expected });
    }
  }, 60_000);

  test('cut at random multi-byte positions, down to 1-byte pieces: the same', async () => {
    const everyByte = Array.from({ length: bytes.length }, (_, i) => i);
    expect(await runJoined(bytesStream(bytes, everyByte), options)).toEqual(expected);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 64 }), async (offsets) => {
        expect(await runJoined(bytesStream(bytes, offsets), options)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

test('readChatCompletionChunks yields the parsed data lines, in order, up to [DONE]', async () => {
  const { bytes } = fixtures.find((f) => f.name === 'usage') ?? fail();
  const dataLines = new TextDecoder()
    .decode(bytes)
    .split('\n\n')
    .filter((frame) => frame.startsWith('data: {'))
    .map((frame) => JSON.parse(frame.slice('data: '.length)) as ChatCompletionChunk);
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of readChatCompletionChunks(bytesStream(bytes, [7, 300, 301]))) {
    chunks.push(chunk);
  }
  expect(dataLines).toHaveLength(12);
  expect(chunks).toEqual(dataLines);
});

function summarize(error: unknown): unknown {
  const { code, message, partial } = error as { code: string; message: string; partial?: unknown };
  return partial === undefined ? { code, message } : { code, message, partial };
}

function isEqual(a: unknown, b: unknown): boolean {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
}

function fail(): never {
  throw new Error('fixture missing');
}

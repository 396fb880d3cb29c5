import { afterAll, beforeAll, expect, test } from 'vitest';
import { chatCompletionChunk as chunk } from './encode-chat-completion-stream.js';
import { recordingSource } from './openai.test-utils.js';
import { collectChatCompletion } from './collect.js';
import { readChatCompletionChunks } from './read-chunks.js';
import { streamChatCompletion } from './stream.js';
import type { ChatCompletionSource } from './types.js';

// openai-node#682: a failed stream left a rejected promise nobody handled, which crashes
// Node. Every error path below runs with sources whose cancel() also fails.
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
beforeAll(() => void process.on('unhandledRejection', onUnhandled));
afterAll(() => void process.off('unhandledRejection', onUnhandled));

const frame = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;
const hello = frame(chunk({ content: 'Hello' }));

type Then = 'close' | 'hang' | Error;
const failingCancels: (() => unknown)[] = [
  () => undefined,
  () => Promise.reject(new Error('cancel rejected')),
  () => {
    throw new Error('cancel threw');
  },
];

function source(
  pieces: string[],
  then: Then,
  cancel: () => unknown,
  status = 200,
): ChatCompletionSource {
  const { stream } = recordingSource(pieces, { then, cancel });
  return status === 200 ? stream : new Response(stream, { status, statusText: 'Bad Gateway' });
}

interface Scenario {
  name: string;
  pieces: string[];
  then: Then;
  status?: number;
  abort?: 'before' | 'during';
  breakEarly?: boolean;
}

const scenarios: Scenario[] = [
  { name: 'http_error', pieces: ['{"error":{"message":"x"}}'], then: 'close', status: 502 },
  {
    name: 'http_error, abort while reading it',
    pieces: ['{"err'],
    then: 'hang',
    status: 502,
    abort: 'during',
  },
  {
    name: 'http_error, body fails',
    pieces: ['{"err'],
    then: new TypeError('terminated'),
    status: 502,
  },
  { name: 'invalid_chunk', pieces: [hello, 'data: nope\n\n'], then: 'hang' },
  { name: 'upstream_error', pieces: [hello, frame({ error: { message: 'boom' } })], then: 'hang' },
  { name: 'stream_truncated (ends)', pieces: [hello], then: 'close' },
  { name: 'stream_truncated (fails)', pieces: [hello], then: new TypeError('terminated') },
  { name: '[DONE] cancels the rest', pieces: [hello + 'data: [DONE]\n\n'], then: 'hang' },
  { name: 'abort before', pieces: [hello], then: 'hang', abort: 'before' },
  { name: 'abort during', pieces: [hello], then: 'hang', abort: 'during' },
  { name: 'early break (collect: abort)', pieces: [hello, hello], then: 'hang', breakEarly: true },
];

async function consume(kind: string, scenario: Scenario, cancel: () => unknown): Promise<void> {
  const controller = new AbortController();
  if (scenario.abort === 'before') controller.abort();
  // collect cannot be left early; an abort is its way out.
  const abort = kind === 'collect' && scenario.breakEarly === true ? 'during' : scenario.abort;
  const input = source(scenario.pieces, scenario.then, cancel, scenario.status);
  const options = { signal: controller.signal };
  const duringAbort = abort === 'during' ? setTimeout(() => controller.abort(), 2) : undefined;
  try {
    if (kind === 'collect') {
      await collectChatCompletion(input, options);
      return;
    }
    const iterable =
      kind === 'chunks'
        ? readChatCompletionChunks(input, options)
        : streamChatCompletion(input, options);
    for await (const _ of iterable) if (scenario.breakEarly === true) break;
  } catch {
    // Each path's error is asserted in its own test; here only what escapes matters.
  } finally {
    clearTimeout(duringAbort);
  }
}

test('no error path leaves an unhandled rejection, whatever the source does on cancel', async () => {
  let runs = 0;
  for (const kind of ['chunks', 'stream', 'collect']) {
    for (const scenario of scenarios) {
      for (const cancel of failingCancels) {
        await consume(kind, scenario, cancel);
        runs++;
      }
    }
  }
  // Rejections are reported after the microtask queue drains; give them several turns.
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(runs).toBe(99);
  expect(unhandled).toEqual([]);
});

import { TWO_CITY_NOW } from '@edgechat/test-support/fixtures';
import type { ChatCompletionChunkDelta, OpenAIMessage } from '../openai/types.js';
import { chatCompletionChunk } from '../openai/encode-chat-completion-stream.js';
import { createGetCurrentTime } from '../tools/index.js';
import type { UIMessageChunk } from '../ui-stream/types.js';

/** The tutorial's question, under a system prompt. */
export const TUTORIAL_HISTORY: OpenAIMessage[] = [
  { role: 'system', content: 'You are a helpful assistant.' },
  { role: 'user', content: '서울과 뉴욕은 지금 몇 시야?' },
];

/** get_current_time with its clock at TWO_CITY_NOW (21:00 in Seoul, 08:00 in New York). */
export const getCurrentTime = createGetCurrentTime({ now: () => new Date(TWO_CITY_NOW) });

/** Reads a chunk stream to its end. */
export async function readAll(stream: ReadableStream<UIMessageChunk>): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value);
  }
  return chunks;
}

/** Reads until `count` chunks have arrived (or the stream ended). */
export async function readSome(
  reader: ReadableStreamDefaultReader<UIMessageChunk>,
  count: number,
): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  while (chunks.length < count) {
    const read = await reader.read();
    if (read.done) break;
    chunks.push(read.value);
  }
  return chunks;
}

/** Deterministic ids: `text-1`, `text-2`, … */
export function countingIds(prefix = 'text'): () => string {
  let next = 0;
  return () => `${prefix}-${++next}`;
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A byte stream a test writes SSE frames into by hand, to watch what arrives when. */
export function controlledBody(): {
  body: ReadableStream<Uint8Array>;
  send(delta: ChatCompletionChunkDelta, finishReason?: string): void;
  end(): void;
  readonly cancelled: boolean;
} {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      cancelled = true;
    },
  });
  return {
    body,
    send(delta, finishReason) {
      const chunk = chatCompletionChunk(delta, { finishReason: finishReason ?? null });
      controller.enqueue(encoder.encode(`data: ${JSON.stringify(chunk)}\n\n`));
    },
    end() {
      controller.enqueue(encoder.encode('data: [DONE]\n\n'));
      controller.close();
    },
    get cancelled() {
      return cancelled;
    },
  };
}

/** Lets every pending promise callback and timer-free hop run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

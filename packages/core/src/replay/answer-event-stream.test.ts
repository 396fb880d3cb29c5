import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UIMessageChunk } from '../ui-stream/types.js';
import { createAnswerEventStream, parseLastEventId } from './answer-event-stream.js';
import { createAnswerLog } from './answer-log.js';
import { createMemoryAnswerLogStore } from './store.js';

const CHUNKS: UIMessageChunk[] = [
  { type: 'start', messageId: 'm1' },
  { type: 'text-start', id: 't' },
  { type: 'text-delta', id: 't', delta: 'Hi' },
  { type: 'text-end', id: 't' },
  { type: 'finish' },
];
const frame = (seq: number, chunk: UIMessageChunk) =>
  `id: ${seq}\ndata: ${JSON.stringify(chunk)}\n\n`;

async function readText(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

afterEach(() => vi.useRealTimers());

describe('createAnswerEventStream', () => {
  it('every event has its id; [DONE] gets the next one', async () => {
    const log = createAnswerLog(createMemoryAnswerLogStore());
    const text = readText(createAnswerEventStream(log));
    CHUNKS.forEach((chunk) => log.append(chunk));
    log.end();
    expect(await text).toBe(
      CHUNKS.map((chunk, i) => frame(i + 1, chunk)).join('') + 'id: 6\ndata: [DONE]\n\n',
    );
  });

  it('with a Last-Event-ID, only what came after it; past the end, only [DONE]', async () => {
    const log = createAnswerLog(createMemoryAnswerLogStore());
    CHUNKS.forEach((chunk) => log.append(chunk));
    log.end();
    expect(await readText(createAnswerEventStream(log, { after: 3 }))).toBe(
      frame(4, CHUNKS[3]!) + frame(5, CHUNKS[4]!) + 'id: 6\ndata: [DONE]\n\n',
    );
    expect(await readText(createAnswerEventStream(log, { after: 6 }))).toBe(
      'id: 7\ndata: [DONE]\n\n',
    );
  });

  it('sends a comment heartbeat while nothing else goes out, and none while events flow', async () => {
    vi.useFakeTimers();
    const log = createAnswerLog(createMemoryAnswerLogStore());
    const reader = createAnswerEventStream(log, { heartbeatMs: 15_000 }).getReader();
    const decoder = new TextDecoder();
    const next = async () => decoder.decode((await reader.read()).value);
    log.append(CHUNKS[0]!);
    expect(await next()).toBe(frame(1, CHUNKS[0]!));
    await vi.advanceTimersByTimeAsync(14_000);
    log.append(CHUNKS[1]!);
    expect(await next()).toBe(frame(2, CHUNKS[1]!));
    await vi.advanceTimersByTimeAsync(14_000);
    log.append(CHUNKS[2]!);
    expect(await next()).toBe(frame(3, CHUNKS[2]!));
    // Checked every heartbeatMs / 3: it goes out 15–20 s into the silence.
    await vi.advanceTimersByTimeAsync(20_000);
    expect(await next()).toBe(': heartbeat\n\n');
    await reader.cancel();
  });

  it('a client that goes away mid-answer is reported (once), one that read to the end is not', async () => {
    const log = createAnswerLog(createMemoryAnswerLogStore());
    const onCancel = vi.fn();
    const stream = createAnswerEventStream(log, { onCancel, heartbeatMs: 0 });
    log.append(CHUNKS[0]!);
    await stream.cancel();
    expect(onCancel).toHaveBeenCalledTimes(1);
    log.append(CHUNKS[1]!); // no follower left: nothing is enqueued into a cancelled stream
    log.end();
    const done = vi.fn();
    const finished = createAnswerEventStream(log, { onCancel: done });
    await readText(finished);
    expect(done).not.toHaveBeenCalled();
  });
});

describe('parseLastEventId', () => {
  it.each([
    [null, 0],
    [undefined, 0],
    ['12', 12],
    [' 7 ', 7],
    ['0', 0],
    ['-3', 0],
    ['1.5', 0],
    ['abc', 0],
    ['1e3', 0],
    ['9'.repeat(16), 0],
    ['', 0],
  ])('%j → %d', (value, seq) => expect(parseLastEventId(value)).toBe(seq));
});

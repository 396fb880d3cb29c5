import { describe, expect, it } from 'vitest';
import { resumableAnswer } from './resumable-answer.js';
import { eventStreamResponse, fakeNetwork } from './test-kit.js';

const CHUNKS = [
  { type: 'start' },
  { type: 'text-start', id: 't' },
  { type: 'text-delta', id: 't', delta: 'Hi' },
  { type: 'text-end', id: 't' },
  { type: 'finish' },
] as const;

/** A response that sends the first `count` chunks, then nothing (a socket a phone's sleep left). */
function silentAfter(count: number): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      CHUNKS.slice(0, count).forEach((chunk, i) =>
        controller.enqueue(encoder.encode(`id: ${i + 1}\ndata: ${JSON.stringify(chunk)}\n\n`)),
      );
    },
  });
  return new Response(body);
}

function setup() {
  const net = fakeNetwork();
  let clock = 0;
  const stop = new AbortController();
  const resumes: number[] = [];
  const answer = resumableAnswer({
    open: () => Promise.resolve(silentAfter(2)),
    resume: (after) => {
      resumes.push(after);
      return Promise.resolve(eventStreamResponse(CHUNKS.slice(after), { firstId: after + 1 }));
    },
    signal: stop.signal,
    onReconnecting: () => {},
    network: net.network,
    delays: [0],
    now: () => clock,
  });
  const types: string[] = [];
  const done = (async () => {
    for await (const { chunk } of answer.events) types.push(chunk.type);
  })();
  return { net, answer, types, done, resumes, stop, advance: (ms: number) => (clock += ms) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('resumableAnswer: a page visible again', () => {
  it('after more than 20 s without a byte: the connection is taken for dead and resumed', async () => {
    const { net, answer, types, done, resumes, advance } = setup();
    await tick();
    expect(types).toEqual(['start', 'text-start']);
    advance(20_001);
    net.emit('visible');
    await done;
    expect(resumes).toEqual([2]);
    expect(types).toEqual(CHUNKS.map((chunk) => chunk.type));
    expect(answer.lastEventId).toBe(5);
  });

  it('within 20 s of the last byte (a heartbeat, say): the connection is kept', async () => {
    const { net, types, resumes, advance, stop, done } = setup();
    await tick();
    advance(19_000);
    net.emit('hidden');
    net.emit('visible');
    await tick();
    expect(resumes).toEqual([]);
    expect(types).toEqual(['start', 'text-start']);
    stop.abort(new Error('stopped'));
    await expect(done).rejects.toThrow('stopped');
    expect(net.listening).toBe(0);
  });
});

import type { UIMessageChunk } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { guardKey, KEY_IN_ANSWER_TEXT } from './key-guard.js';

const KEY = 'sk-proj-Abc123Def456Ghi789';

function source(chunks: UIMessageChunk[]) {
  let cancelled: unknown = 'not cancelled';
  let next = 0;
  // One chunk per pull, like the run's stream: what comes after a leak is never produced.
  const stream = new ReadableStream<UIMessageChunk>({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
    cancel(reason) {
      cancelled = reason === undefined ? 'cancelled' : reason;
    },
  });
  return { stream, cancelled: () => cancelled };
}

async function run(chunks: UIMessageChunk[], key: string | undefined = KEY) {
  const src = source(chunks);
  const out: UIMessageChunk[] = [];
  const reader = guardKey(src.stream, key).getReader();
  for (let step = await reader.read(); !step.done; step = await reader.read()) out.push(step.value);
  return { out, cancelled: src.cancelled() };
}

const text = (...deltas: string[]): UIMessageChunk[] => [
  { type: 'start' },
  { type: 'text-start', id: 't' },
  ...deltas.map((delta): UIMessageChunk => ({ type: 'text-delta', id: 't', delta })),
  { type: 'text-end', id: 't' },
  { type: 'finish', finishReason: 'stop' },
];
const shown = (chunks: UIMessageChunk[]) =>
  chunks.map((c) => (c.type === 'text-delta' ? c.delta : '')).join('');

describe('guardKey', () => {
  it('an answer without the key passes unchanged, delta for delta', async () => {
    const chunks = text('Hello ', 'sk-', 'proj is how keys start', '.');
    expect((await run(chunks)).out).toEqual(chunks);
  });

  it('the key split over three deltas: never complete on the client, the answer ends with an error, the run is cancelled', async () => {
    const { out, cancelled } = await run(
      text('Your key is ', KEY.slice(0, 12), KEY.slice(12, 20), KEY.slice(20) + ' ok'),
    );
    const seen = shown(out);
    expect(seen).toBe('Your key is ');
    expect(out.slice(-3)).toEqual([
      { type: 'text-end', id: 't' },
      { type: 'error', errorText: KEY_IN_ANSWER_TEXT },
      { type: 'finish', finishReason: 'error' },
    ]);
    expect(cancelled).not.toBe('not cancelled');
  });

  it('at every split point the client sees at most 7 characters of the key', async () => {
    const answer = `Echo: Bearer ${KEY} done`;
    for (let a = 1; a < answer.length; a++) {
      for (const b of [a + 1, a + 5, a + 13]) {
        const deltas = [answer.slice(0, a), answer.slice(a, b), answer.slice(b)].filter(Boolean);
        const { out } = await run(text(...deltas));
        const seen = shown(out);
        expect(seen.includes(KEY.slice(0, 8))).toBe(false);
        expect(out.at(-2)).toEqual({ type: 'error', errorText: KEY_IN_ANSWER_TEXT });
      }
    }
  });

  it('a long start of the key that turns out not to be it is held, then sent whole', async () => {
    const near = KEY.slice(0, 14);
    const chunks = text('a ', near, 'XYZ and more');
    const { out } = await run(chunks);
    expect(shown(out)).toBe(`a ${near}XYZ and more`);
    expect(out.at(-1)).toEqual({ type: 'finish', finishReason: 'stop' });
    // Held at the end of the part: flushed before its text-end.
    const held = await run(text('b ', near));
    expect(shown(held.out)).toBe(`b ${near}`);
    expect(held.out.at(-2)).toEqual({ type: 'text-end', id: 't' });
  });

  it('tool input and reasoning are scanned too', async () => {
    const { out } = await run([
      { type: 'start' },
      { type: 'tool-input-start', toolCallId: 'c', toolName: 'x', dynamic: true },
      { type: 'tool-input-delta', toolCallId: 'c', inputTextDelta: `{"k":"${KEY.slice(0, 10)}` },
      { type: 'tool-input-delta', toolCallId: 'c', inputTextDelta: `${KEY.slice(10)}"}` },
    ]);
    expect(out.map((c) => c.type)).toEqual([
      'start',
      'tool-input-start',
      'tool-input-delta',
      'error',
      'finish',
    ]);
    const reasoning = await run([
      { type: 'reasoning-start', id: 'r' },
      { type: 'reasoning-delta', id: 'r', delta: KEY },
    ]);
    expect(reasoning.out).toEqual([
      { type: 'reasoning-start', id: 'r' },
      { type: 'reasoning-end', id: 'r' },
      { type: 'error', errorText: KEY_IN_ANSWER_TEXT },
      { type: 'finish', finishReason: 'error' },
    ]);
  });

  it('no key, or a short local placeholder: nothing to guard', async () => {
    const chunks = text('none');
    const stream = source(chunks).stream;
    expect(guardKey(stream, undefined)).toBe(stream);
    expect((await run(chunks, 'none')).out).toEqual(chunks);
  });
});

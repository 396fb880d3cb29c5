// MAX_UPSTREAM_EVENT_BYTES / MAX_UPSTREAM_MESSAGE_BYTES: a model stream that would make the
// worker hold more ends the answer with one safe error, and the upstream body is cancelled.
import type { ChatModel } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { chatInit, normalize, parseWire, testEnv, userSays } from './helpers.js';

/** A model whose SSE body is `first`, then `piece` on every pull, until it is cancelled. */
function endlessModel(first: string, piece: string) {
  const encoder = new TextEncoder();
  const log = { pulls: 0, cancels: 0 };
  const model: ChatModel = () =>
    Promise.resolve(
      new Response(
        new ReadableStream<Uint8Array>(
          {
            pull(controller) {
              controller.enqueue(encoder.encode(log.pulls++ === 0 ? first : piece));
            },
            cancel() {
              log.cancels++;
            },
          },
          { highWaterMark: 0 },
        ),
        { headers: { 'content-type': 'text/event-stream' } },
      ),
    );
  return { model, log };
}

const hi = `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'Hi' } }] })}\n\n`;
const tooLarge = [
  { type: 'error', errorText: "The model's answer was too large." },
  { type: 'finish-step' },
  { type: 'finish', finishReason: 'error' },
];

describe('caps on the upstream stream', () => {
  it('an SSE event that never ends: the text so far, then the error chunk; reading stops', async () => {
    const { model, log } = endlessModel(`${hi}data: {"choices":[`, 'x'.repeat(1024));
    const app = createApp({ model, rateLimiter: null });
    const env = testEnv({ MAX_UPSTREAM_EVENT_BYTES: '8192' });
    const response = await app.request('/api/chat', chatInit(userSays('hi')), env);
    expect(response.status).toBe(200);
    expect(normalize(parseWire(await response.text()))).toEqual([
      { type: 'start', messageId: '<id>', messageMetadata: { model: 'edgechat-demo' } },
      { type: 'start-step' },
      { type: 'text-start', id: '<text>' },
      { type: 'text-delta', id: '<text>', delta: 'Hi' },
      { type: 'text-end', id: '<text>' },
      ...tooLarge,
    ]);
    // "data: {"choices":[" is 18 characters: the 8th piece of 1,024 goes over 8,192.
    expect(log).toEqual({ pulls: 9, cancels: 1 });
  });

  it('content that never ends is cut at MAX_UPSTREAM_MESSAGE_BYTES', async () => {
    const piece = `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'y'.repeat(1000) } }] })}\n\n`;
    const { model, log } = endlessModel(hi, piece);
    const app = createApp({ model, rateLimiter: null });
    const env = testEnv({ MAX_UPSTREAM_MESSAGE_BYTES: '5002' });
    const response = await app.request('/api/chat', chatInit(userSays('hi')), env);
    const chunks = parseWire(await response.text());
    const text = chunks.map((chunk) => (chunk.type === 'text-delta' ? chunk.delta : '')).join('');
    // "Hi" + 5 pieces of 1,000 = 5,002: the 6th piece is refused.
    expect(text).toBe(`Hi${'y'.repeat(5000)}`);
    expect(normalize(chunks.slice(-4))).toEqual([{ type: 'text-end', id: '<text>' }, ...tooLarge]);
    expect(log).toEqual({ pulls: 7, cancels: 1 });
  });
});

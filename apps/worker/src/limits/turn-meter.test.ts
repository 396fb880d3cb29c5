import type { ChatModel, ChatModelRequest, RunChatResult } from '@edgechat/core';
import { describe, expect, it } from 'vitest';
import { meterTurn } from './turn-meter.js';

const result: RunChatResult = { messages: [], finishReason: 'stop', steps: 2, aborted: false };
const request: ChatModelRequest = { messages: [{ role: 'user', content: 'x'.repeat(100) }] };
const bytes = JSON.stringify(request.messages).length + JSON.stringify([]).length;

describe('meterTurn', () => {
  it('counts the prompt bytes of every call the upstream accepted', async () => {
    const answers = [new Response('data: [DONE]\n\n'), new ReadableStream<Uint8Array>()];
    const meter = meterTurn(() => Promise.resolve(answers.shift()!), true);
    await meter.model(request);
    await meter.model(request);
    expect(meter.tokens(result)).toBe(Math.ceil((2 * bytes) / 4));
  });

  it('does not count refused or failed calls', async () => {
    let call = 0;
    const model: ChatModel = () =>
      ++call === 1
        ? Promise.resolve(new Response('{}', { status: 429 }))
        : Promise.reject(new Error('connection refused'));
    const meter = meterTurn(model, true);
    await meter.model(request);
    await expect(meter.model(request)).rejects.toThrow('connection refused');
    expect(meter.tokens(result)).toBe(0);
  });

  it("takes the first call's messages bytes as already measured", async () => {
    const meter = meterTurn(() => Promise.resolve(new ReadableStream<Uint8Array>()), true, 4000);
    await meter.model(request);
    expect(meter.tokens(result)).toBe(1000 + 1);
  });

  it('off: the model itself, and nothing counted', () => {
    const model: ChatModel = () => Promise.resolve(new ReadableStream<Uint8Array>());
    const meter = meterTurn(model, false);
    expect(meter.model).toBe(model);
    expect(
      meter.tokens({
        ...result,
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    ).toBe(0);
  });
});

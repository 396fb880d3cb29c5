import { UI_MESSAGE_STREAM_HEADERS as AI_SDK_HEADERS } from 'ai';
import { describe, expect, it } from 'vitest';
import { UI_MESSAGE_STREAM_HEADERS } from './headers.js';

describe('UI_MESSAGE_STREAM_HEADERS', () => {
  it('are exactly the protocol headers, frozen', () => {
    expect(UI_MESSAGE_STREAM_HEADERS).toStrictEqual({
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      'x-vercel-ai-ui-message-stream': 'v1',
      'x-accel-buffering': 'no',
      'content-encoding': 'identity',
    });
    expect(Object.isFrozen(UI_MESSAGE_STREAM_HEADERS)).toBe(true);
  });

  it("differ from the AI SDK's only where DESIGN.md says why", () => {
    const { 'content-encoding': _identity, ...ours } = UI_MESSAGE_STREAM_HEADERS;
    expect(AI_SDK_HEADERS).toStrictEqual({
      ...ours,
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
  });
});

import { createScriptedModel } from '@edgechat/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiError } from './errors.js';
import { assertPromptFits, limitTurn } from './turn-limits.js';

afterEach(() => vi.useRealTimers());

const user = (content: string) => ({ role: 'user' as const, content });

describe('limitTurn', () => {
  it('sums the bytes of every call of the turn and refuses the call that would pass the cap', async () => {
    const inner = createScriptedModel([{ text: 'a' }, { text: 'b' }, { text: 'c' }]);
    const model = limitTurn(inner, { maxPromptBytes: 110, deadlineMs: 60_000 });
    const messages = [user('x'.repeat(20))]; // 50 bytes as JSON, and 2 of tools
    await model({ messages });
    await model({ messages });
    const third = await model({ messages }).catch((e: unknown) => e);
    expect(third).toMatchObject({
      code: 'http_error',
      status: 413,
      message: 'The turn would send more than 110 bytes to the model.',
    });
    expect(inner.requests).toHaveLength(2);
  });

  it('past the deadline the upstream request is aborted with a TimeoutError, and no new call is made', async () => {
    const inner = createScriptedModel([{ text: 'slow', hang: true }, { text: 'never' }]);
    const model = limitTurn(inner, { maxPromptBytes: 1e6, deadlineMs: 50 });
    const answer = (await model({ messages: [user('hi')] })) as Response;
    const read = answer.body!.getReader();
    await read.read();
    expect(inner.signals[0]?.aborted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((inner.signals[0]?.reason as Error).name).toBe('TimeoutError');
    const next = await model({ messages: [user('hi')] }).catch((e: unknown) => e);
    expect((next as Error).name).toBe('TimeoutError');
    expect(inner.requests).toHaveLength(1);
  });

  it('counts the first call’s messages as measured before the turn, the later ones itself', async () => {
    const inner = createScriptedModel([{ text: 'a' }, { text: 'b' }]);
    // 50 bytes of messages per call, but the first was measured as 60: 62 + 52 > 110.
    const model = limitTurn(inner, { maxPromptBytes: 110, deadlineMs: 60_000 }, 60);
    const messages = [user('x'.repeat(20))];
    await model({ messages });
    expect(await model({ messages }).catch((e: unknown) => e)).toMatchObject({ status: 413 });
    expect(inner.requests).toHaveLength(1);
  });

  it('a stop (the run’s own signal) still reaches the upstream', async () => {
    const inner = createScriptedModel([{ text: 'x', hang: true }]);
    const stop = new AbortController();
    await limitTurn(inner, { maxPromptBytes: 1e6, deadlineMs: 60_000 })({
      messages: [user('hi')],
      signal: stop.signal,
    });
    stop.abort();
    expect(inner.signals[0]?.aborted).toBe(true);
  });
});

describe('assertPromptFits', () => {
  it('a first prompt over the cap is a 413 that says how big it is', () => {
    const error = (() => {
      try {
        assertPromptFits([user('x'.repeat(200))], [], { maxPromptBytes: 100, deadlineMs: 1 });
      } catch (e) {
        return e as ApiError;
      }
    })();
    expect([error?.status, error?.code, error?.message]).toEqual([
      413,
      'payload_too_large',
      'The conversation would send 232 bytes to the model; at most 100 are allowed per answer.',
    ]);
    expect(() =>
      assertPromptFits([user('ok')], [], { maxPromptBytes: 100, deadlineMs: 1 }),
    ).not.toThrow();
    // The messages' bytes, for limitTurn's first call.
    expect(assertPromptFits([user('ok')], [], { maxPromptBytes: 100, deadlineMs: 1 })).toBe(32);
  });
});

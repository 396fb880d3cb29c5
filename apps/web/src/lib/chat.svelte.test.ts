import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { Chat } from './chat.svelte.js';
import { controlledResponse, TOOL_TURN } from './session/test-kit.js';

describe('Chat (runes over the session)', () => {
  it('mirrors the session field by field: an unchanged field wakes nobody', async () => {
    const stream = controlledResponse();
    const frames: (() => void)[] = [];
    let systemPrompt = $state<string | undefined>(undefined);
    const chat = new Chat({
      id: 'c',
      fetch: () => Promise.resolve(stream.response),
      schedule: (callback) => void frames.push(callback),
      yieldToPaint: () => Promise.resolve(),
      systemPrompt: () => systemPrompt,
    });
    const runs = { status: 0, messages: 0, toolTimes: 0, chunks: 0 };
    let system: unknown;
    const cleanup = $effect.root(() => {
      $effect(() => void (chat.status, runs.status++));
      $effect(() => void (chat.messages, runs.messages++));
      $effect(() => void (chat.toolTimes, runs.toolTimes++));
      $effect(() => void (chat.chunks, runs.chunks++));
      $effect(() => void (system = chat.exchange.request[0]));
    });
    flushSync();
    const done = chat.send('서울 몇 시야?');
    flushSync();
    TOOL_TURN.slice(0, 3).forEach(stream.write); // start, start-step, tool-input-start
    await new Promise((resolve) => setTimeout(resolve, 10));
    flushSync();
    frames.splice(0).forEach((callback) => callback());
    flushSync();
    TOOL_TURN.slice(3, 5).forEach(stream.write); // two input deltas: tool times unchanged
    await new Promise((resolve) => setTimeout(resolve, 10));
    frames.splice(0).forEach((callback) => callback());
    flushSync();
    expect({ status: chat.status, runs }).toEqual({
      status: 'streaming',
      // status: first run, submitted, streaming — not once per frame; messages and chunks: the
      // first run, then per frame (and messages on send); tool times: only when a call started
      runs: { status: 3, messages: 4, toolTimes: 2, chunks: 3 },
    });
    // The system prompt arrives with /api/config: the exchange follows.
    systemPrompt = 'Be brief.';
    flushSync();
    expect(system).toEqual({ role: 'system', content: 'Be brief.' });
    TOOL_TURN.slice(5).forEach(stream.write);
    stream.end();
    await done;
    flushSync();
    expect({ status: chat.status, busy: chat.busy, lastUserIndex: chat.lastUserIndex }).toEqual({
      status: 'ready',
      busy: false,
      lastUserIndex: 0,
    });
    cleanup();
  });
});

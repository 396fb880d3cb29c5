// Resumable answers inside workerd, with the chat's Durable Object: the answer is made by the
// object, every event has an id, a client that drops comes back for exactly what it missed,
// Stop and the grace period stop the upstream, and the partial answer stays replayable.
import type { ChatModel, UIMessageChunk } from '@edgechat/core';
import { createScriptedModel, joinDeltas, type ScriptedModel } from '@edgechat/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { answerDeps } from '../src/answers/answer-deps.js';
import { createApp } from '../src/app.js';
import { allFrames, chatId, chunksOf, frameReader, type AnswerFrame } from './answer-events.js';
import { chatInit, normalize, testEnv, userSays } from './helpers.js';

const app = createApp({ rateLimiter: null });
const TEXT = ['One ', 'two ', 'three ', 'four ', 'five.'];

afterEach(() => {
  delete answerDeps.model;
});

function start(id: string, vars: Record<string, string> = {}) {
  return app.request('/api/chat', chatInit({ id, ...userSays('count') }), testEnv(vars));
}
function resume(id: string, lastEventId?: number) {
  const headers: Record<string, string> =
    lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) };
  return app.request(`/api/chat/${id}/stream`, { headers }, testEnv());
}
function stop(id: string) {
  return app.request(`/api/chat/${id}/stop`, { method: 'POST' }, testEnv());
}
/**
 * The scripted model, with its abort recorded as plain values: the signal itself belongs to the
 * chat's Durable Object, and workerd does not let a test touch the object's I/O objects.
 */
function watched(model: ScriptedModel): { model: ChatModel; aborted: () => boolean } {
  let aborted = false;
  return {
    model: (request) => {
      request.signal?.addEventListener('abort', () => (aborted = true), { once: true });
      return model(request);
    },
    aborted: () => aborted,
  };
}

const ids = (frames: AnswerFrame[]) => frames.flatMap((f) => ('id' in f ? [f.id] : []));

describe('POST /api/chat with a chat id', () => {
  it('streams the same answer as a request without one, every event with an increasing id', async () => {
    answerDeps.model = createScriptedModel([{ text: TEXT }]);
    const response = await start(chatId());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const frames = await allFrames(response);
    expect(ids(frames)).toEqual(frames.map((_, i) => i + 1));
    expect(frames.at(-1)).toEqual({ id: frames.length, done: true });
    expect(normalize(chunksOf(frames))).toEqual([
      { type: 'start', messageId: '<id>', messageMetadata: { model: 'edgechat-demo' } },
      { type: 'start-step' },
      { type: 'text-start', id: '<text>' },
      ...TEXT.map((delta) => ({ type: 'text-delta', id: '<text>', delta })),
      { type: 'text-end', id: '<text>' },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'stop' },
    ]);
  });
});

describe('a client that drops and comes back', () => {
  it('at every event boundary: resuming from its Last-Event-ID gives exactly the uninterrupted answer', async () => {
    answerDeps.model = createScriptedModel([{ text: TEXT }]);
    const whole = await allFrames(await start(chatId()));
    for (let seen = 0; seen < whole.length; seen++) {
      // Paced, so the drop happens while the answer is still being made.
      answerDeps.model = createScriptedModel([{ text: TEXT }], { delayMs: 5 });
      const id = chatId();
      const first = frameReader(await start(id));
      const before: AnswerFrame[] = [];
      for (let i = 0; i < seen; i++) before.push((await first.next())!);
      await first.cancel();
      const after = await allFrames(await resume(id, seen));
      const frames = [...before, ...after];
      expect(ids(frames)).toEqual(ids(whole));
      expect(normalizeIds(chunksOf(frames))).toEqual(normalizeIds(chunksOf(whole)));
    }
  });

  it('without Last-Event-ID: the whole answer from its start, live or finished', async () => {
    answerDeps.model = createScriptedModel([{ text: TEXT }], { delayMs: 5 });
    const id = chatId();
    const first = frameReader(await start(id));
    await first.next();
    const live = allFrames(await resume(id));
    const rest: AnswerFrame[] = [];
    for (let frame = await first.next(); frame; frame = await first.next()) rest.push(frame);
    const replayedLive = await live;
    const finished = await allFrames(await resume(id));
    expect(ids(replayedLive)).toEqual(ids(finished));
    expect(chunksOf(replayedLive)).toEqual(chunksOf(finished));
    expect(finished.length).toBe(rest.length + 1);
  });

  it('two clients resuming the same answer at once get the same events', async () => {
    answerDeps.model = createScriptedModel([{ text: TEXT }], { delayMs: 5 });
    const id = chatId();
    const first = frameReader(await start(id));
    await first.next();
    await first.next();
    await first.cancel();
    const [a, b] = await Promise.all([
      allFrames(await resume(id, 2)),
      allFrames(await resume(id, 2)),
    ]);
    expect(a).toEqual(b);
    expect(ids(a)[0]).toBe(3);
  });

  it('a new question while an answer runs: the old one is stopped and ended, the new one is the one replayed', async () => {
    const first = watched(createScriptedModel([{ text: ['old'], hang: true }]));
    answerDeps.model = first.model;
    const id = chatId();
    const old = frameReader(await start(id));
    await old.next();
    answerDeps.model = createScriptedModel([{ text: ['new answer'] }]);
    const fresh = chunksOf(await allFrames(await start(id)));
    let last: AnswerFrame | undefined;
    for (let frame = await old.next(); frame; frame = await old.next()) last = frame;
    expect(last).toMatchObject({ done: true });
    expect(first.aborted()).toBe(true);
    const replay = chunksOf(await allFrames(await resume(id)));
    expect(replay).toEqual(fresh);
    expect(replay.filter((c) => c.type === 'text-delta')).toEqual([
      { type: 'text-delta', id: expect.any(String) as string, delta: 'new answer' },
    ]);
  });

  it('no answer for a chat: 204; a malformed id: 400 on every route', async () => {
    const none = await resume(chatId());
    expect([none.status, await none.text()]).toEqual([204, '']);
    for (const bad of ['short', 'has.dots.in.it.here', 'x'.repeat(129)]) {
      for (const response of [await resume(bad), await stop(bad)]) {
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({
          error: {
            code: 'invalid_chat_id',
            message: 'path: a chat id is 16–128 characters of A–Z, a–z, 0–9, "_" and "-".',
          },
        });
      }
    }
  });
});

describe('stopping', () => {
  it('POST …/stop aborts the upstream at once; the stream ends with abort, then finish; a replay has the partial answer', async () => {
    const scripted = createScriptedModel([{ text: ['Half ', 'an answer'], hang: true }]);
    const model = watched(scripted);
    answerDeps.model = model.model;
    const id = chatId();
    const reader = frameReader(await start(id));
    const seen: AnswerFrame[] = [];
    while (
      !seen.some(
        (f) => 'chunk' in f && f.chunk.type === 'text-delta' && f.chunk.delta === 'an answer',
      )
    ) {
      seen.push((await reader.next())!);
    }
    const stopped = performance.now();
    const answer = await stop(id);
    expect(await answer.json()).toEqual({ stopped: true });
    for (let frame = await reader.next(); frame; frame = await reader.next()) seen.push(frame);
    expect(performance.now() - stopped).toBeLessThan(100);
    expect(model.aborted()).toBe(true);
    expect(scripted.cancelled).toBe(1);
    const tail = chunksOf(seen).slice(-3);
    expect(tail).toEqual([
      { type: 'text-end', id: expect.any(String) as string },
      { type: 'abort' },
      { type: 'finish', finishReason: 'other' },
    ]);
    const replay = await allFrames(await resume(id));
    expect(chunksOf(replay)).toEqual(chunksOf(seen));
    // Stopping again, or a finished answer: nothing to stop.
    expect(await (await stop(id)).json()).toEqual({ stopped: false });
  });

  it('nobody comes back within the grace period: the upstream is stopped and the partial kept', async () => {
    const model = watched(createScriptedModel([{ text: ['Partial'], hang: true }]));
    answerDeps.model = model.model;
    const id = chatId();
    const reader = frameReader(await start(id, { DISCONNECT_GRACE_MS: '150' }));
    await reader.next();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(model.aborted()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(model.aborted()).toBe(true);
    const replay = chunksOf(await allFrames(await resume(id)));
    expect(joinDeltas(replay).map((c) => c.type)).toEqual([
      'start',
      'start-step',
      'text-start',
      'text-delta',
      'text-end',
      'abort',
      'finish',
    ]);
  });

  it('a client that comes back within the grace period keeps the answer going', async () => {
    answerDeps.model = createScriptedModel([{ text: TEXT }], { delayMs: 40 });
    const id = chatId();
    const reader = frameReader(await start(id, { DISCONNECT_GRACE_MS: '150' }));
    await reader.next();
    await reader.cancel();
    const frames = await allFrames(await resume(id, 1));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(chunksOf(frames).at(-1)).toEqual({ type: 'finish', finishReason: 'stop' });
  });

  it('DISCONNECT_GRACE_MS=0: the upstream stops the moment the client goes (as without a chat id)', async () => {
    const model = watched(createScriptedModel([{ text: ['x'], hang: true }]));
    answerDeps.model = model.model;
    const reader = frameReader(await start(chatId(), { DISCONNECT_GRACE_MS: '0' }));
    await reader.next();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(model.aborted()).toBe(true);
  });
});

describe('keeping the connection and the storage in bounds', () => {
  it('a heartbeat comment goes out while the model says nothing', async () => {
    answerDeps.model = createScriptedModel([{ text: ['thinking'], hang: true }]);
    const id = chatId();
    const reader = frameReader(await start(id, { HEARTBEAT_MS: '60' }));
    const frames: AnswerFrame[] = [];
    while (!frames.some((f) => 'comment' in f)) frames.push((await reader.next())!);
    expect(frames.at(-1)).toEqual({ comment: 'heartbeat' });
    await stop(id);
  });

  it('past ANSWER_MAX_BYTES the live client gets everything and a replay says it cannot', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `piece ${i} of a long answer; `);
    answerDeps.model = createScriptedModel([{ text: long }]);
    const id = chatId();
    const live = chunksOf(await allFrames(await start(id, { ANSWER_MAX_BYTES: '2048' })));
    expect(live.at(-1)).toEqual({ type: 'finish', finishReason: 'stop' });
    const replay = chunksOf(await allFrames(await resume(id)));
    expect(replay.length).toBeLessThan(live.length);
    expect(replay.at(-1)).toEqual({
      type: 'error',
      errorText:
        'The rest of this answer is too long to replay after a reconnect. Regenerate it to see it all.',
    });
  });

  it('RESUMABLE_ANSWERS=off: a chat id changes nothing and nothing is kept', async () => {
    answerDeps.model = createScriptedModel([{ text: TEXT }]);
    const off = createApp({ rateLimiter: null, model: createScriptedModel([{ text: TEXT }]) });
    const id = chatId();
    const env = testEnv({ RESUMABLE_ANSWERS: 'off' });
    const text = await (
      await off.request('/api/chat', chatInit({ id, ...userSays('x') }), env)
    ).text();
    expect(text).not.toContain('id: ');
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    const replay = await off.request(`/api/chat/${id}/stream`, {}, env);
    expect(replay.status).toBe(204);
  });
});

/** Message and part ids differ per run; everything else must not. */
function normalizeIds(chunks: UIMessageChunk[]): unknown[] {
  return normalize(chunks);
}

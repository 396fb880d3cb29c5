import { describe, expect, it } from 'vitest';
import type { UIMessageChunk } from '../ui-stream/types.js';
import {
  ANSWER_TOO_LONG_TO_REPLAY,
  createAnswerLog,
  type AnswerLogListener,
} from './answer-log.js';
import { createMemoryAnswerLogStore, type AnswerLogEvent } from './store.js';

const CHUNKS: UIMessageChunk[] = [
  { type: 'start', messageId: 'm1' },
  { type: 'start-step' },
  { type: 'text-start', id: 't' },
  { type: 'text-delta', id: 't', delta: '서울은 ' },
  { type: 'text-delta', id: 't', delta: '맑아요' },
  { type: 'text-end', id: 't' },
  { type: 'finish-step' },
  { type: 'finish' },
];

function recorder(): AnswerLogListener & { seen: [number, UIMessageChunk][]; ended: boolean } {
  const seen: [number, UIMessageChunk][] = [];
  const listener = {
    seen,
    ended: false,
    event: (event: AnswerLogEvent) => void seen.push([event.seq, JSON.parse(event.data)]),
    end: () => void (listener.ended = true),
  };
  return listener;
}

const numbered = (chunks: UIMessageChunk[], from = 1) =>
  chunks.map((chunk, i): [number, UIMessageChunk] => [from + i, chunk]);

describe('createAnswerLog', () => {
  it('numbers the chunks from 1; a follower from 0 gets the stored ones, then the live ones, then the end', () => {
    const log = createAnswerLog(createMemoryAnswerLogStore());
    CHUNKS.slice(0, 3).forEach((chunk) => log.append(chunk));
    const follower = recorder();
    log.follow(0, follower);
    expect(follower.seen).toEqual(numbered(CHUNKS.slice(0, 3)));
    CHUNKS.slice(3).forEach((chunk) => log.append(chunk));
    expect(follower.ended).toBe(false);
    log.end();
    expect(follower).toMatchObject({ seen: numbered(CHUNKS), ended: true });
    expect(log.state).toEqual({
      lastSeq: 8,
      storedBytes: CHUNKS.reduce(
        (n, c) => n + new TextEncoder().encode(JSON.stringify(c)).length,
        0,
      ),
      capped: false,
      ended: true,
    });
  });

  it('a follower that drops after any event and comes back with its last seq sees every event exactly once', () => {
    for (let dropAfter = 0; dropAfter <= CHUNKS.length; dropAfter++) {
      const log = createAnswerLog(createMemoryAnswerLogStore());
      const first = recorder();
      const unfollow = log.follow(0, first);
      CHUNKS.slice(0, dropAfter).forEach((chunk) => log.append(chunk));
      unfollow();
      // Events keep coming while it is away.
      const away = Math.min(CHUNKS.length, dropAfter + 2);
      CHUNKS.slice(dropAfter, away).forEach((chunk) => log.append(chunk));
      const again = recorder();
      log.follow(first.seen.at(-1)?.[0] ?? 0, again);
      CHUNKS.slice(away).forEach((chunk) => log.append(chunk));
      log.end();
      expect([...first.seen, ...again.seen]).toEqual(numbered(CHUNKS));
      expect(again.ended).toBe(true);
    }
  });

  it('two followers at once get the same events; a follower after the end gets the replay and the end', () => {
    const log = createAnswerLog(createMemoryAnswerLogStore());
    const [a, b] = [recorder(), recorder()];
    log.follow(0, a);
    log.append(CHUNKS[0]!);
    log.follow(0, b);
    CHUNKS.slice(1).forEach((chunk) => log.append(chunk));
    log.end();
    log.append({ type: 'start-step' }); // after the end: ignored
    const late = recorder();
    log.follow(5, late);
    expect(a.seen).toEqual(numbered(CHUNKS));
    expect(b.seen).toEqual(a.seen);
    expect(late).toMatchObject({ seen: numbered(CHUNKS.slice(5), 6), ended: true });
  });

  it('past the byte cap: live followers get everything, a replay gets what was stored and then says so', () => {
    const store = createMemoryAnswerLogStore();
    const log = createAnswerLog(store, { maxBytes: 100 });
    const live = recorder();
    log.follow(0, live);
    CHUNKS.forEach((chunk) => log.append(chunk));
    expect(live.seen).toEqual(numbered(CHUNKS));
    expect(log.state.capped).toBe(true);
    const stored = store.events.length;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(CHUNKS.length);
    const replay = recorder();
    log.follow(0, replay);
    expect(replay).toEqual({
      ...replay,
      seen: [
        ...numbered(CHUNKS.slice(0, stored)),
        [8, { type: 'error', errorText: ANSWER_TOO_LONG_TO_REPLAY }],
      ],
      ended: true,
    });
    // A client that saw it all live loses nothing: it follows on.
    const upToDate = recorder();
    log.follow(8, upToDate);
    log.end();
    expect(upToDate).toMatchObject({ seen: [], ended: true });
  });

  it('a log restored from its store (a restarted server) continues the numbering and replays', () => {
    const store = createMemoryAnswerLogStore();
    const first = createAnswerLog(store);
    CHUNKS.slice(0, 4).forEach((chunk) => first.append(chunk));
    const restored = createAnswerLog(store, { restored: { ...first.state } });
    restored.append(CHUNKS[4]!);
    const follower = recorder();
    restored.follow(0, follower);
    expect(follower.seen).toEqual(numbered(CHUNKS.slice(0, 5)));
  });
});

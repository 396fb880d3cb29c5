import { utf8Length } from '../base/utf8-length.js';
import type { UIMessageChunk } from '../ui-stream/types.js';
import type { AnswerLogEvent, AnswerLogStore } from './store.js';

/** What follows an answer: its events (stored ones first, then live ones), then its end. */
export interface AnswerLogListener {
  event(event: AnswerLogEvent): void;
  end(): void;
}

export interface AnswerLogState {
  /** The last event's seq (0 before the first). */
  lastSeq: number;
  /** Bytes of chunk JSON stored. */
  storedBytes: number;
  /** Events after the cap were streamed live but not stored. */
  capped: boolean;
  ended: boolean;
}

export interface AnswerLogOptions {
  /** Stop storing once the answer's JSON reaches this many bytes. Default 1 MiB. */
  maxBytes?: number;
  /** The state of a log read back from a store (a restarted server). */
  restored?: AnswerLogState;
}

export interface AnswerLog {
  readonly state: Readonly<AnswerLogState>;
  /** Stores and sends one chunk. Ignored after `end()`. */
  append(chunk: UIMessageChunk): void;
  /** The answer is over: every follower gets `end()`. */
  end(): void;
  /**
   * Sends `listener` every event with `seq > after` — the stored ones at once, then the live
   * ones as they come — and `end()` when the answer is over. Returns the unsubscribe.
   *
   * A replay that needs events the cap kept out gets, after the stored ones, an `error` chunk
   * saying so and then `end()`: missing text is announced, never silently skipped.
   */
  follow(after: number, listener: AnswerLogListener): () => void;
}

export const DEFAULT_ANSWER_LOG_MAX_BYTES = 1024 * 1024;

/** The text of the `error` chunk a replay gets where the stored answer stops. */
export const ANSWER_TOO_LONG_TO_REPLAY =
  'The rest of this answer is too long to replay after a reconnect. Regenerate it to see it all.';

/**
 * A replayable log of one answer's UI message chunks, each with an event id (`seq`, from 1),
 * over an `AnswerLogStore`. The chunks should already be in the chunk set of the client that
 * asked (`toUIChunkSet`), so a replay sends exactly the frames the first response did.
 */
export function createAnswerLog(store: AnswerLogStore, options: AnswerLogOptions = {}): AnswerLog {
  const maxBytes = options.maxBytes ?? DEFAULT_ANSWER_LOG_MAX_BYTES;
  const state: AnswerLogState = options.restored
    ? { ...options.restored }
    : { lastSeq: 0, storedBytes: 0, capped: false, ended: false };
  const followers = new Set<AnswerLogListener>();

  return {
    state,
    append(chunk) {
      if (state.ended) return;
      const data = JSON.stringify(chunk);
      const event: AnswerLogEvent = { seq: ++state.lastSeq, data };
      if (!state.capped) {
        const bytes = utf8Length(data);
        if (state.storedBytes + bytes <= maxBytes) {
          store.append(event);
          state.storedBytes += bytes;
        } else state.capped = true;
      }
      for (const follower of followers) follower.event(event);
    },
    end() {
      if (state.ended) return;
      state.ended = true;
      for (const follower of [...followers]) follower.end();
      followers.clear();
    },
    follow(after, listener) {
      let last = after;
      for (const event of store.read(after)) {
        listener.event(event);
        last = event.seq;
      }
      if (last < state.lastSeq && state.capped) {
        // Events between `last` and now are gone: say so, and end this replay.
        listener.event({
          seq: state.lastSeq,
          data: JSON.stringify({ type: 'error', errorText: ANSWER_TOO_LONG_TO_REPLAY }),
        });
        listener.end();
        return () => {};
      }
      if (state.ended) {
        listener.end();
        return () => {};
      }
      followers.add(listener);
      return () => void followers.delete(listener);
    },
  };
}

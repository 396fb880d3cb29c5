/** One stored event of an answer: its id in the stream, and the chunk's JSON. */
export interface AnswerLogEvent {
  seq: number;
  data: string;
}

/**
 * Where an answer's events are kept, so a client that lost the connection can read them again.
 * Synchronous on purpose: a Durable Object's SQLite storage is, and a replay that reads the
 * stored events and then joins the live ones in one synchronous step can neither miss nor
 * repeat an event that arrives in between.
 */
export interface AnswerLogStore {
  /** Stores one event; called with seq 1, 2, 3 … in order. */
  append(event: AnswerLogEvent): void;
  /** The stored events with `seq > after`, in order. */
  read(after: number): Iterable<AnswerLogEvent>;
}

/** An `AnswerLogStore` in memory, for Node, Deno, browsers and tests. */
export function createMemoryAnswerLogStore(): AnswerLogStore & {
  readonly events: readonly AnswerLogEvent[];
} {
  const events: AnswerLogEvent[] = [];
  return {
    events,
    append(event) {
      events.push(event);
    },
    *read(after) {
      // seq n is at index n - 1.
      for (let i = Math.max(0, after); i < events.length; i++) {
        const event = events[i];
        if (event !== undefined) yield event;
      }
    },
  };
}

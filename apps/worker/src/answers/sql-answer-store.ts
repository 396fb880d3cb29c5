import type { AnswerLogEvent, AnswerLogState, AnswerLogStore, UIChunkSet } from '@edgechat/core';
import type { AnswerSettings } from '../config.js';

/** What is kept about the chat's latest answer besides its events. */
export interface StoredAnswer {
  state: AnswerLogState;
  chunkSet: UIChunkSet;
  settings: AnswerSettings;
  /** When it ended (ms since the epoch), for the retention alarm. */
  endedAt?: number;
}

/**
 * The chat's latest answer in the Durable Object's SQLite storage: one row per event, and one
 * row about the answer. SQL calls are synchronous here, which is what `AnswerLogStore` asks.
 */
export interface SqlAnswerStore extends AnswerLogStore {
  load(): StoredAnswer | undefined;
  save(answer: StoredAnswer): void;
  /** Forgets the answer (a new one starts, or it expired). */
  clear(): void;
}

export function createSqlAnswerStore(sql: SqlStorage): SqlAnswerStore {
  sql.exec(
    `CREATE TABLE IF NOT EXISTS answer_events (seq INTEGER PRIMARY KEY, data TEXT NOT NULL)`,
  );
  sql.exec(
    `CREATE TABLE IF NOT EXISTS answer_meta (id INTEGER PRIMARY KEY CHECK (id = 1), answer TEXT NOT NULL)`,
  );
  return {
    append({ seq, data }) {
      sql.exec('INSERT INTO answer_events (seq, data) VALUES (?, ?)', seq, data);
    },
    *read(after) {
      const rows = sql.exec<{ seq: number; data: string }>(
        'SELECT seq, data FROM answer_events WHERE seq > ? ORDER BY seq',
        after,
      );
      for (const row of rows) yield { seq: row.seq, data: row.data } satisfies AnswerLogEvent;
    },
    load() {
      const rows = sql
        .exec<{ answer: string }>('SELECT answer FROM answer_meta WHERE id = 1')
        .toArray();
      const row = rows[0];
      if (row === undefined) return undefined;
      const answer = JSON.parse(row.answer) as StoredAnswer;
      // Events are written as they come, the state only now and then: the events count.
      const last = sql
        .exec<{ last: number | null }>('SELECT MAX(seq) AS last FROM answer_events')
        .one().last;
      if (last !== null && last > answer.state.lastSeq) answer.state.lastSeq = last;
      return answer;
    },
    save(answer) {
      sql.exec(
        'INSERT INTO answer_meta (id, answer) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET answer = excluded.answer',
        JSON.stringify(answer),
      );
    },
    clear() {
      sql.exec('DELETE FROM answer_events');
      sql.exec('DELETE FROM answer_meta');
    },
  };
}

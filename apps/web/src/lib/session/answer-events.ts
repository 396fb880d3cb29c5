import {
  createJsonEventParser,
  EdgechatError,
  readUIMessageStream,
  type UIMessageChunk,
} from '@edgechat/core';

/** One chunk of the answer and the SSE event id it came with (the worker numbers them 1, 2, 3 …). */
export interface AnswerEvent {
  chunk: UIMessageChunk;
  /** `undefined` when the event had no `id:` line (a server that cannot resume). */
  id: number | undefined;
}

/**
 * A UI message stream response → its chunks with their event ids: the core's protocol reader
 * does not pass the ids on, and a resume needs the last one seen. The same rules as the core's
 * reader otherwise: a non-2xx response throws its `http_error`, `[DONE]` ends the stream, a
 * body that ends without it throws `stream_truncated`, a data line that is not a chunk throws
 * `invalid_chunk`. `onBytes` hears of every piece of the body, heartbeat comments included, so
 * a caller can tell a silent connection from a dead one.
 *
 * Aborting `signal` cancels the body and rejects with the signal's reason.
 */
export async function* readAnswerEvents(
  response: Response,
  signal: AbortSignal,
  onBytes?: () => void,
): AsyncGenerator<AnswerEvent, void, undefined> {
  if (!response.ok || response.body === null) {
    // The core's reader words the error (the body's message, the status) as every reader does.
    for await (const _ of readUIMessageStream(response, { signal })) void _;
    throw new EdgechatError('invalid_response', 'The response has no body.');
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const pending: AnswerEvent[] = [];
  let failure: Error | undefined;
  const parser = createJsonEventParser({
    onEvent(value, event) {
      if (failure !== undefined) return;
      if (isChunk(value)) pending.push({ chunk: value, id: parseEventId(event.id) });
      else failure = new EdgechatError('invalid_chunk', 'UI message chunk has no string "type".');
    },
    onError(error) {
      failure ??= error;
    },
  });
  // Cancelling settles a pending read, so an abort does not wait for the next byte.
  const onAbort = (): void => void reader.cancel(signal.reason).catch(() => {});
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      signal.throwIfAborted();
      const result = await reader.read();
      signal.throwIfAborted();
      onBytes?.();
      if (result.done) {
        parser.feed(decoder.decode());
        parser.end();
      } else {
        parser.feed(decoder.decode(result.value, { stream: true }));
      }
      for (const event of pending.splice(0)) {
        yield event;
        signal.throwIfAborted();
      }
      if (failure !== undefined) throw failure;
      if (parser.done) return;
      if (result.done) {
        throw new EdgechatError('stream_truncated', 'The UI message stream ended without [DONE].');
      }
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    void reader.cancel().catch(() => {});
  }
}

/** The worker's ids are positive integers; anything else is no id (nothing to resume after). */
function parseEventId(id: string | undefined): number | undefined {
  if (id === undefined || !/^\d{1,15}$/.test(id)) return undefined;
  return Number(id);
}

function isChunk(value: unknown): value is UIMessageChunk {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}

import type { UIMessageChunk } from '@edgechat/core';
import type { FirstCallOutcome, FirstCallWatch } from './first-call.js';

// Issue 5 asks for two things that pull in opposite directions: upstream 401/403/404/429 must
// become real HTTP errors (502/429), which is only possible before a 200 is sent, yet the `start`
// chunk must go out before the upstream answers. The resolution: hold the response until the
// first model call has an HTTP status — that arrives long before the first token — but never
// longer than `waitMs`. Past that the stream is committed anyway (`start` reaches the client
// while the upstream is still silent) and any later failure, including the first-byte timeout,
// becomes an `error` chunk. See README "Errors before and after the stream starts".

export type Commit =
  | { kind: 'stream'; chunks: ReadableStream<UIMessageChunk> }
  | { kind: 'failed'; outcome: Exclude<FirstCallOutcome, { kind: 'ok' }> };

export async function commitWhenUpstreamAnswers(
  chunks: ReadableStream<UIMessageChunk>,
  watch: Pick<FirstCallWatch, 'firstCall' | 'outcome'>,
  waitMs: number,
): Promise<Commit> {
  const reader = chunks.getReader();
  // Chunks produced while we wait (`start`, `start-step`) are kept and replayed in order. The
  // run loop is read meanwhile so that it gets to make the call, whether it pushes or is pulled.
  const early: UIMessageChunk[] = [];
  let pending: Promise<ReadableStreamReadResult<UIMessageChunk>> | undefined;
  let ended = false;

  let timer: ReturnType<typeof setTimeout> | null = null;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), waitMs);
  });
  const settled = watch.firstCall.then(() => 'settled' as const);
  try {
    while (watch.outcome() === undefined && !ended) {
      pending ??= reader.read();
      // A failed read is left in `pending`: the replay surfaces it where the encoder handles it.
      const read = pending.catch(() => 'failed' as const);
      const next = await Promise.race([read, settled, expired]);
      if (next === 'expired' || next === 'failed') break;
      if (next === 'settled') continue;
      pending = undefined;
      if (next.done) ended = true;
      else early.push(next.value);
    }
  } finally {
    clearTimeout(timer);
  }

  const outcome = watch.outcome();
  if (outcome !== undefined && outcome.kind !== 'ok' && !isAbort(outcome)) {
    await reader.cancel().catch(() => {});
    return { kind: 'failed', outcome };
  }
  return { kind: 'stream', chunks: replay(early, pending, ended, reader) };
}

function isAbort(outcome: FirstCallOutcome): boolean {
  return (
    outcome.kind === 'rejected' &&
    outcome.error instanceof Error &&
    (outcome.error.name === 'AbortError' || outcome.error.name === 'APIUserAbortError')
  );
}

function replay(
  early: UIMessageChunk[],
  pending: Promise<ReadableStreamReadResult<UIMessageChunk>> | undefined,
  ended: boolean,
  reader: ReadableStreamDefaultReader<UIMessageChunk>,
): ReadableStream<UIMessageChunk> {
  let index = 0;
  let inFlight = pending;
  return new ReadableStream<UIMessageChunk>(
    {
      async pull(controller) {
        if (index < early.length) {
          controller.enqueue(early[index++] as UIMessageChunk);
          return;
        }
        if (ended) {
          controller.close();
          return;
        }
        const read = inFlight ?? reader.read();
        inFlight = undefined;
        const { done, value } = await read;
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

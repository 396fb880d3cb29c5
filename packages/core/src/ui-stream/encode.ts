import { toUIChunkSet, type UIChunkSet } from './chunk-set.js';
import type { UIMessageChunk } from './types.js';

/**
 * The text of the `error` chunk sent when the chunk source itself fails. The run loop already
 * turns every failure it knows about into an `error` chunk with a useful message, so reaching
 * this is a bug path: the cause may hold anything (keys, URLs, stacks) and is never sent.
 * Same wording as the AI SDK's default `onError`.
 */
export const UI_MESSAGE_STREAM_FALLBACK_ERROR_TEXT = 'An error occurred.';

const DONE_FRAME = 'data: [DONE]\n\n';

/**
 * UI message chunks → the protocol's SSE bytes: one `data: <json>\n\n` frame per chunk, then
 * `data: [DONE]\n\n`.
 *
 * Pull-based: a chunk is read from the source only when the consumer wants bytes, so a slow
 * client slows the source instead of filling memory. Cancelling the byte stream (the client
 * went away) cancels the source with the same reason.
 *
 * A source that errors, or a chunk that `JSON.stringify` cannot serialise, ends the byte
 * stream *properly* with one `error` chunk and `[DONE]` rather than erroring it: an errored
 * response body reaches a browser as an opaque network failure (the HTTP/2 stream is reset),
 * while a well-formed ending keeps everything already shown and lets any AI SDK client display
 * the error like any other.
 */
export interface EncodeUIMessageStreamOptions {
  /**
   * Write the chunks as a client of this AI SDK major reads them (`toUIChunkSet`). Default:
   * every chunk as it is. A server for any AI SDK client passes what `parseUIChunkSet` reads
   * from the request's `UI_CHUNK_SET_HEADER`.
   */
  chunkSet?: UIChunkSet;
  /**
   * Sees each chunk before it is written and passes on what may go out with `emit` (nothing,
   * the chunk, or others); `'end'` ends the answer after what it emitted: the source is
   * cancelled and `[DONE]` follows. For a server's own check of every chunk (a secret that must
   * not be relayed) without a stream stage of its own, which would cost a hop per chunk.
   */
  step?: UIChunkStep;
  /**
   * Write the chunks that are already waiting in the source as one piece, instead of one
   * piece per chunk: a network write (and, through a proxy, every hop after it) per batch, not
   * per chunk. Nothing waits for more: a batch is what is there now. Costs a read of one chunk
   * ahead. Default `false`.
   */
  coalesce?: boolean;
}

/** See `EncodeUIMessageStreamOptions.step`. */
export type UIChunkStep = (
  chunk: UIMessageChunk,
  emit: (chunk: UIMessageChunk) => void,
) => 'end' | undefined;

/** What a read of one chunk ahead found not ready yet. */
const NOT_READY = Symbol('not ready');
const notReady: Promise<typeof NOT_READY> = Promise.resolve(NOT_READY);

export function encodeUIMessageStream(
  chunks: ReadableStream<UIMessageChunk>,
  options: EncodeUIMessageStreamOptions = {},
): ReadableStream<Uint8Array> {
  const { chunkSet, step, coalesce = false } = options;
  const encoder = new TextEncoder();
  const reader = chunks.getReader();
  /** A read made ahead that was not ready yet: the next pull's first. */
  let ahead: Promise<ReadableStreamReadResult<UIMessageChunk>> | undefined;

  // One closure for the whole stream, not one per chunk: it appends to `frames`.
  let frames = '';
  const write = (chunk: UIMessageChunk): void => {
    frames += frame(chunk);
  };
  const toSet =
    chunkSet === undefined
      ? write
      : (chunk: UIMessageChunk) => toUIChunkSet(chunk, chunkSet, write);
  /** The chunk's frames appended to `frames`; `'end'` when `step` ended the answer. */
  const encode =
    step === undefined
      ? (chunk: UIMessageChunk): 'end' | undefined => {
          toSet(chunk);
          return undefined;
        }
      : (chunk: UIMessageChunk): 'end' | undefined => step(chunk, toSet);

  const fail = (controller: ReadableStreamDefaultController<Uint8Array>, before: string): void => {
    const error: UIMessageChunk = {
      type: 'error',
      errorText: UI_MESSAGE_STREAM_FALLBACK_ERROR_TEXT,
    };
    controller.enqueue(encoder.encode(`${before}data: ${JSON.stringify(error)}\n\n${DONE_FRAME}`));
    controller.close();
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        // A chunk the client's set has no word for sends nothing: read on until one does, as
        // a pull that enqueues nothing is not called again.
        frames = '';
        let next = ahead ?? reader.read();
        ahead = undefined;
        for (;;) {
          let result: ReadableStreamReadResult<UIMessageChunk> | typeof NOT_READY;
          try {
            result = frames !== '' && coalesce ? await Promise.race([next, notReady]) : await next;
          } catch {
            fail(controller, frames);
            return;
          }
          if (result === NOT_READY) {
            ahead = next;
            controller.enqueue(encoder.encode(frames));
            return;
          }
          if (result.done) {
            controller.enqueue(encoder.encode(frames + DONE_FRAME));
            controller.close();
            return;
          }
          const sent = frames;
          let ended: 'end' | undefined;
          try {
            ended = encode(result.value);
          } catch {
            // Circular or BigInt values: nothing after this chunk can be trusted either.
            reader.cancel().catch(() => {});
            fail(controller, sent);
            return;
          }
          if (ended === 'end') {
            reader.cancel().catch(() => {});
            controller.enqueue(encoder.encode(frames + DONE_FRAME));
            controller.close();
            return;
          }
          if (frames !== '' && !coalesce) {
            controller.enqueue(encoder.encode(frames));
            return;
          }
          next = reader.read();
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    // No read-ahead: bytes are produced only on demand, so backpressure reaches the source.
    { highWaterMark: 0 },
  );
}

function frame(chunk: UIMessageChunk): string {
  const json = JSON.stringify(chunk) as string | undefined;
  if (json === undefined) throw new TypeError('The chunk is not JSON.');
  return `data: ${json}\n\n`;
}

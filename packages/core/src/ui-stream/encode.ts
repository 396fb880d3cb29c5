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
}

export function encodeUIMessageStream(
  chunks: ReadableStream<UIMessageChunk>,
  options: EncodeUIMessageStreamOptions = {},
): ReadableStream<Uint8Array> {
  const { chunkSet } = options;
  const encoder = new TextEncoder();
  const reader = chunks.getReader();

  const fail = (controller: ReadableStreamDefaultController<Uint8Array>): void => {
    const error: UIMessageChunk = {
      type: 'error',
      errorText: UI_MESSAGE_STREAM_FALLBACK_ERROR_TEXT,
    };
    controller.enqueue(encoder.encode(`data: ${JSON.stringify(error)}\n\n${DONE_FRAME}`));
    controller.close();
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        // A chunk the client's set has no word for sends nothing: read on until one does, as
        // a pull that enqueues nothing is not called again.
        for (;;) {
          let result: ReadableStreamReadResult<UIMessageChunk>;
          try {
            result = await reader.read();
          } catch {
            fail(controller);
            return;
          }
          if (result.done) {
            controller.enqueue(encoder.encode(DONE_FRAME));
            controller.close();
            return;
          }
          let frames: string | undefined = '';
          try {
            if (chunkSet === undefined) frames = frame(result.value);
            else toUIChunkSet(result.value, chunkSet, (chunk) => (frames += frame(chunk)));
          } catch {
            // Circular or BigInt values: nothing after this chunk can be trusted either.
            frames = undefined;
          }
          if (frames === undefined) {
            reader.cancel().catch(() => {});
            fail(controller);
            return;
          }
          if (frames !== '') {
            controller.enqueue(encoder.encode(frames));
            return;
          }
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

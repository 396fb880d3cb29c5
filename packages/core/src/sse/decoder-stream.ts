import { createSSEParser } from './parser.js';
import type { ServerSentEvent, SSEParserHandlers } from './types.js';

export type SSEDecoderStreamOptions = Pick<SSEParserHandlers, 'onComment' | 'onRetry'>;

/**
 * Bytes (or text) of an event stream → its Server-Sent Events, e.g.
 * `response.body.pipeThrough(new SSEDecoderStream())`.
 *
 * "Streams must be decoded using the UTF-8 decode algorithm": a streaming TextDecoder, so a
 * multi-byte character cut between chunks is decoded whole, and invalid bytes become U+FFFD.
 * The end of the stream dispatches a last event even without its trailing blank line (see
 * `SSEParser.end`).
 */
export class SSEDecoderStream extends TransformStream<Uint8Array | string, ServerSentEvent> {
  constructor(options: SSEDecoderStreamOptions = {}) {
    // ignoreBOM: true keeps a leading BOM in the text so the parser strips exactly one; with
    // the default, TextDecoder would strip one and the parser a second.
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    // start() runs synchronously inside super(), before any chunk reaches transform().
    let controller: TransformStreamDefaultController<ServerSentEvent> | undefined;
    // Only the handlers asked for: without onComment the parser does not even slice comments.
    const parser = createSSEParser({
      onEvent: (event) => controller?.enqueue(event),
      ...(options.onComment === undefined ? {} : { onComment: options.onComment }),
      ...(options.onRetry === undefined ? {} : { onRetry: options.onRetry }),
    });
    super({
      start(c) {
        controller = c;
      },
      transform(chunk) {
        if (typeof chunk === 'string') {
          // Bytes before this text come first: flush what the decoder holds (an incomplete
          // sequence becomes U+FFFD, as it would at end of stream).
          const pending = decoder.decode();
          if (pending !== '') parser.feed(pending);
          parser.feed(chunk);
        } else {
          parser.feed(decoder.decode(chunk, { stream: true }));
        }
      },
      flush() {
        const pending = decoder.decode();
        if (pending !== '') parser.feed(pending);
        parser.end();
      },
    });
  }
}

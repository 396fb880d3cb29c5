import { createEventStreamText } from './event-stream-text.js';
import { createSSEParser } from './parser.js';
import type { ServerSentEvent, SSEParserHandlers, SSEParserOptions } from './types.js';

export type SSEDecoderStreamOptions = Pick<SSEParserHandlers, 'onComment' | 'onRetry'> &
  SSEParserOptions;

/**
 * Bytes (or text) of an event stream → its Server-Sent Events, e.g.
 * `response.body.pipeThrough(new SSEDecoderStream())`.
 *
 * Decoded as every reader of the core decodes (`createEventStreamText`): a multi-byte
 * character cut between chunks is decoded whole, and invalid bytes become U+FFFD.
 * The end of the stream dispatches a last event even without its trailing blank line (see
 * `SSEParser.end`). An event over `maxEventBytes` errors the stream with `stream_too_large`.
 */
export class SSEDecoderStream extends TransformStream<Uint8Array | string, ServerSentEvent> {
  constructor(options: SSEDecoderStreamOptions = {}) {
    const text = createEventStreamText();
    // start() runs synchronously inside super(), before any chunk reaches transform().
    let controller: TransformStreamDefaultController<ServerSentEvent> | undefined;
    // Only the handlers asked for: without onComment the parser does not even slice comments.
    const parser = createSSEParser(
      {
        onEvent: (event) => controller?.enqueue(event),
        ...(options.onComment === undefined ? {} : { onComment: options.onComment }),
        ...(options.onRetry === undefined ? {} : { onRetry: options.onRetry }),
      },
      { maxEventBytes: options.maxEventBytes },
    );
    super({
      start(c) {
        controller = c;
      },
      transform(chunk) {
        const piece = text.decode(chunk);
        if (piece !== '') parser.feed(piece);
      },
      flush() {
        const pending = text.flush();
        if (pending !== '') parser.feed(pending);
        parser.end();
      },
    });
  }
}

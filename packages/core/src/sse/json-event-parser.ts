import { EdgechatError } from '../base/errors.js';
import { quote } from '../base/quote.js';
import { createSSEParser } from './parser.js';
import type { ServerSentEvent, SSEParserOptions } from './types.js';

export interface JsonEventHandlers {
  /** An event whose data is JSON, parsed; `event` says its name and id. */
  onEvent(value: unknown, event: ServerSentEvent): void;
  /**
   * An event whose data is not JSON: `invalid_chunk`, quoting the data (≤ 200 characters).
   * What it means is the caller's to decide: an `event: error` may carry plain text, and a
   * data line cut off by the end of the body is a truncation.
   */
  onError(error: EdgechatError, event: ServerSentEvent): void;
  /** `data: [DONE]`, the terminator OpenAI and the AI SDK send. Later events are dropped. */
  onDone?(): void;
}

export interface JsonEventParser {
  /** Feed the next piece of decoded text; pieces may be cut anywhere. Throws as `SSEParser`. */
  feed(text: string): void;
  /** End of stream: a pending event is dispatched even without its blank line. */
  end(): void;
  /** Forget everything, `[DONE]` included. */
  reset(): void;
  /** Whether `data: [DONE]` was seen. */
  readonly done: boolean;
}

/**
 * Server-Sent Events whose data is JSON (OpenAI's Chat Completions stream, the AI SDK's UI
 * message stream): the one SSE→JSON step every reader of the core stands on, shaped like
 * eventsource-parser's `createParser` with the AI SDK's `parseJsonEventStream` on top. Only
 * the envelope is read here; what a value must look like is the wire format's to check.
 */
export function createJsonEventParser(
  handlers: JsonEventHandlers,
  options: SSEParserOptions = {},
): JsonEventParser {
  let done = false;
  const sse = createSSEParser(
    {
      onEvent(event) {
        if (done) return;
        if (event.data === '[DONE]') {
          done = true;
          handlers.onDone?.();
          return;
        }
        let value: unknown;
        try {
          value = JSON.parse(event.data);
        } catch (cause) {
          const message = `data line is not JSON: ${quote(event.data)}`;
          handlers.onError(new EdgechatError('invalid_chunk', message, { cause }), event);
          return;
        }
        handlers.onEvent(value, event);
      },
    },
    options,
  );
  return {
    feed(text) {
      if (!done) sse.feed(text);
    },
    end() {
      if (!done) sse.end();
    },
    reset() {
      done = false;
      sse.reset();
    },
    get done() {
      return done;
    },
  };
}

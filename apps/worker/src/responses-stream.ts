import { createJsonEventParser } from '@edgechat/core';
import { createResponsesEventTranslator, errorFrame } from './responses-events.js';

// The Responses API's SSE body as a Chat Completions SSE body, streamed: each piece of bytes
// that arrives goes out as the chunk frames it completes, so the first token is not held back.
// Bytes may be cut anywhere (in an event, in a UTF-8 character); the core's SSE parser and a
// streaming TextDecoder put them back together.

/**
 * A body that ends without `response.completed` (or `incomplete`, `failed`, an `error`) ends
 * here without a finish_reason or `[DONE]`: the core reports that as an answer cut off.
 */
export function responsesToChatCompletions(): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const translator = createResponsesEventTranslator();
  let out: string[] = [];
  let ending = false;
  const parser = createJsonEventParser({
    onEvent(value, event) {
      out.push(...translator.event(value, event.event));
    },
    onError(_error, event) {
      if (translator.ended) return;
      // An event cut off by the end of the body is a truncation, not garbage: drop it.
      if (ending) return;
      // An `event: error` may carry plain text; it is still the upstream failing.
      if (event.event === 'error') {
        out.push(errorFrame(event.data, null));
        return;
      }
      // Data that is not JSON goes on as it came, so the core fails the step as it does for
      // an unreadable Chat Completions line.
      out.push(
        `${event.data
          .split('\n')
          .map((line) => `data: ${line}`)
          .join('\n')}\n\n`,
      );
    },
  });
  const flush = (controller: TransformStreamDefaultController<Uint8Array>): void => {
    if (out.length === 0) return;
    controller.enqueue(encoder.encode(out.join('')));
    out = [];
  };
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(bytes, controller) {
      if (translator.ended) return;
      parser.feed(decoder.decode(bytes, { stream: true }));
      flush(controller);
    },
    flush(controller) {
      ending = true;
      if (!translator.ended) {
        parser.feed(decoder.decode());
        parser.end();
      }
      flush(controller);
    },
  });
}

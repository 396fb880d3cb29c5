/**
 * Response headers of a UI message stream (AI SDK protocol v1).
 *
 * - `x-vercel-ai-ui-message-stream: v1` is how AI SDK clients recognise the protocol.
 * - `cache-control: no-cache, no-transform` and `x-accel-buffering: no` keep proxies (nginx and
 *   friends) from caching, compressing or buffering the stream: every token must reach the
 *   browser the moment it is written.
 * - `content-encoding: identity`: without it Cloudflare Workers may compress the body and
 *   buffer it whole before sending (honojs/hono#3449), which turns a stream into one late
 *   response.
 *
 * The AI SDK also sends `connection: keep-alive`; it is left out because it is a hop-by-hop
 * header that HTTP/2 and HTTP/3 forbid (runtimes drop or reject it).
 */
export const UI_MESSAGE_STREAM_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  'x-vercel-ai-ui-message-stream': 'v1',
  'x-accel-buffering': 'no',
  'content-encoding': 'identity',
});
